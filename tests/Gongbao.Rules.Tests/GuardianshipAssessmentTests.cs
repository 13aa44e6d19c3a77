using Gongbao.Rules.Schemes;

using static Gongbao.Rules.Tests.CaseInput;

namespace Gongbao.Rules.Tests;

/// <summary>京民儿福发〔2024〕103号: annex risk marks (★★/★) and 第十条–第十六条 procedure.</summary>
public class GuardianshipAssessmentTests
{
    private static readonly GuardianshipAssessmentScheme Scheme = new();

    [Fact(DisplayName = "附件: ★★ findings make the highest risk high; ★ medium; unstarred low")]
    public void Annex_RiskLevels()
    {
        var high = Run(Scheme, """{"findings":["diet","school-bullying","guardian-criminal-record"],"minorAge":10,"minorFemale":false}""");
        Assert.Equal("high", high.Text("highestRisk"));
        Assert.Single(high.List("highRiskFindings"));
        Assert.Single(high.List("mediumRiskFindings"));
        Assert.Single(high.List("lowRiskFindings"));
        Assert.Equal("medium", Run(Scheme, """{"findings":["guardian-neglect","diet"],"minorAge":10,"minorFemale":false}""").Text("highestRisk"));
        Assert.Equal("low", Run(Scheme, """{"findings":["diet"],"minorAge":10,"minorFemale":false}""").Text("highestRisk"));
        Assert.Equal("none", Run(Scheme, """{"findings":[],"minorAge":10,"minorFemale":false}""").Text("highestRisk"));
    }

    [Theory(DisplayName = "第十一条: a child of eight (满八周岁) must be heard; seven only if able to express views")]
    [InlineData(8, false, "应当")]
    [InlineData(7, false, null)]
    [InlineData(7, true, "可以")]
    public void Art11_HearingTheMinor(int age, bool canExpress, string? expected)
    {
        var r = Run(Scheme, $$"""{"findings":[],"minorAge":{{age}},"minorFemale":false,"canExpressViews":{{(canExpress ? "true" : "false")}}}""");
        var hearing = r.List("requiredSteps").Where(s => s.Contains("交流", StringComparison.Ordinal)).ToList();
        if (expected is null)
        {
            Assert.Empty(hearing);
        }
        else
        {
            Assert.Contains(expected, Assert.Single(hearing), StringComparison.Ordinal);
        }
    }

    [Fact(DisplayName = "第十一条: a girl's family needs a female assessor; fewer than two assessors is flagged")]
    public void Art11_Assessors()
    {
        var r = Run(Scheme, """{"findings":[],"minorAge":12,"minorFemale":true,"assessorCount":1,"femaleAssessor":false}""");
        Assert.Equal(2, r.List("procedureProblems").Count);
        var ok = Run(Scheme, """{"findings":[],"minorAge":12,"minorFemale":true,"assessorCount":2,"femaleAssessor":true}""");
        Assert.Empty(ok.List("procedureProblems"));
        Assert.Contains("jingminerfufa-2024-103/art-11", Cited(ok));
    }

    [Fact(DisplayName = "第十四条: suspected crime is reported to the police; 第十三条 problems notified in writing")]
    public void Art13_Art14_Reporting()
    {
        var r = Run(Scheme, """{"findings":["injury-or-abuse"],"minorAge":5,"minorFemale":false,"suspectedCrime":true}""");
        Assert.Contains(r.List("requiredSteps"), s => s.Contains("公安机关", StringComparison.Ordinal));
        Assert.Contains(r.List("requiredSteps"), s => s.Contains("书面告知评估对象", StringComparison.Ordinal));
        Assert.Contains("jingminerfufa-2024-103/art-14", Cited(r));
    }

    [Fact(DisplayName = "附件: unknown findings and missing age are errors naming the field")]
    public void Inputs_Validated()
    {
        Assert.Equal("findings", Assert.Single(Fails(Scheme, """{"findings":["bad-luck"],"minorAge":5,"minorFemale":false}""").Errors).Field);
        Assert.Equal("minorAge", Assert.Single(Fails(Scheme, """{"findings":[],"minorFemale":false}""").Errors).Field);
        Assert.Equal("minorAge", Assert.Single(Fails(Scheme, """{"findings":[],"minorAge":18,"minorFemale":false}""").Errors).Field);
    }
}
