using Gongbao.Rules.Schemes;

using static Gongbao.Rules.Tests.CaseInput;

namespace Gongbao.Rules.Tests;

/// <summary>京建法〔2024〕12号 第三条, 第五条, 第八条–第十五条; guide 80 and constraint 100 are example standard values (inputs).</summary>
public class EnergyEfficiencyTests
{
    private static readonly EnergyEfficiencyScheme Scheme = new();

    private static string Case(decimal intensity, decimal area = 25000, decimal publicArea = 25000, string extra = "") =>
        $$"""{"buildingArea":{{area}},"publicArea":{{publicArea}},"energyIntensity":{{intensity}},"guideValue":80,"constraintValue":100{{extra}}}""";

    [Theory(DisplayName = "第五条: grade bands — ≤guide 1, ≤constraint 2, ≤1.5× 3, ≤1.8× 4, >1.8× 5")]
    [InlineData(80, 1)]
    [InlineData(80.01, 2)]
    [InlineData(100, 2)]
    [InlineData(100.01, 3)]
    [InlineData(150, 3)]
    [InlineData(150.01, 4)]
    [InlineData(180, 4)]
    [InlineData(180.01, 5)]
    public void Art5_Grades(decimal intensity, int grade)
    {
        var r = Run(Scheme, Case(intensity));
        Assert.Equal(grade, r.Number("grade"));
        Assert.Contains($"jingjianfa-2024-12/art-5/item-{grade}", Cited(r));
    }

    [Theory(DisplayName = "第三条: 3000平方米以上 includes 3000; 占比超过50% excludes 50%")]
    [InlineData(6000, 3000, false)]   // exactly 50 %: not 超过
    [InlineData(5000, 3000, true)]    // 60 %, 3000 m² included by 以上
    [InlineData(5000, 2999, false)]   // below 3000 m²
    [InlineData(3000, 3000, true)]    // 100 %
    public void Art3_Scope(decimal area, decimal publicArea, bool mandatory) =>
        Assert.Equal(mandatory, (bool)Run(Scheme, Case(90, area, publicArea)).Output("mandatory")!);

    [Fact(DisplayName = "第四条/第二条: intensity from energy use minus excluded uses over the public area")]
    public void Art4_IntensityFromEnergyUse()
    {
        var r = Run(Scheme, """{"buildingArea":10000,"publicArea":10000,"annualEnergyUse":1200000,"excludedEnergyUse":200000,"guideValue":80,"constraintValue":100}""");
        Assert.Equal(100m, r.Number("energyIntensity"));
        Assert.Equal(2m, r.Number("grade"));
        Assert.Contains("jingjianfa-2024-12/art-4/para-2", Cited(r));
    }

    [Fact(DisplayName = "第九条/第十三条: five two years running → audit, retrofit and, for a large building, 条例第五十九条")]
    public void Art9_Art13_FiveTwice()
    {
        var r = Run(Scheme, Case(200, extra: ""","previousGrade":5"""));
        Assert.Equal(5m, r.Number("grade"));
        var duties = r.List("obligations");
        Assert.Contains(duties, d => d.Contains("深度能源审计", StringComparison.Ordinal));
        Assert.Contains(duties, d => d.Contains("节能绿色化改造", StringComparison.Ordinal));
        Assert.Contains(duties, d => d.Contains("第五十九条", StringComparison.Ordinal));
        Assert.Contains("jingjianfa-2024-12/art-12", Cited(r));
    }

    [Fact(DisplayName = "第八条: more than 20000 m² is large (6月底前 online grading); exactly 20000 is not")]
    public void Art8_Large()
    {
        Assert.True((bool)Run(Scheme, Case(90, 20001, 20001)).Output("largePublicBuilding")!);
        Assert.False((bool)Run(Scheme, Case(90, 20000, 20000)).Output("largePublicBuilding")!);
    }

    [Fact(DisplayName = "第十五条(first): a green-label applicant in grade 5 fails the 一级至四级 requirement")]
    public void Art15_GreenLabel()
    {
        var r = Run(Scheme, Case(181, extra: ""","greenLabel":true"""));
        Assert.Contains(r.List("obligations"), d => d.Contains("不满足", StringComparison.Ordinal));
        Assert.Contains("jingjianfa-2024-12/art-14", Cited(r));
    }

    [Fact(DisplayName = "第五条: the guide/constraint values of the external standard are required inputs")]
    public void Art5_StandardValuesRequired()
    {
        var ex = Fails(Scheme, """{"buildingArea":5000,"publicArea":5000,"energyIntensity":90}""");
        Assert.Equal(["constraintValue", "guideValue"], ex.Errors.Select(e => e.Field).Order());
        Assert.Equal("energyIntensity", Assert.Single(Fails(Scheme, """{"buildingArea":5000,"publicArea":5000,"guideValue":80,"constraintValue":100}""").Errors).Field);
    }
}
