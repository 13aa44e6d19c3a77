using Gongbao.Rules.Schemes;

using static Gongbao.Rules.Tests.CaseInput;

namespace Gongbao.Rules.Tests;

/// <summary>京规自发〔2024〕122号, worked by hand from 第十一条–第十六条, 第二十二条, 第二十三条, 第八条.</summary>
public class CreditEvaluationTests
{
    private static readonly CreditEvaluationScheme Scheme = new();

    private static string Case(string grade, decimal cb, decimal cd, decimal ib, decimal id, string extra = "") =>
        $$"""{"nationalGrade":"{{grade}}","commonBonus":{{cb}},"commonDeduction":{{cd}},"industryBonus":{{ib}},"industryDeduction":{{id}}{{extra}}}""";

    [Theory(DisplayName = "第十四条: grade bands at each threshold (800→A, 799→B, 650→B, 649→C, 500→C, 499→D)")]
    [InlineData("excellent", 0, 0, 0, 0, 800, "A")]
    [InlineData("excellent", 0, 1, 0, 0, 799, "B")]
    [InlineData("good", 0, 0, 0, 0, 650, "B")]
    [InlineData("good", 0, 0, 0, 1, 649, "C")]
    [InlineData("medium", 0, 0, 0, 0, 500, "C")]
    [InlineData("medium", 0, 0, 0, 1, 499, "D")]
    [InlineData("good", 50, 0, 100, 0, 800, "A")]
    public void Art14_GradeThresholds(string grade, decimal cb, decimal cd, decimal ib, decimal id, decimal score, string expected)
    {
        var r = Run(Scheme, Case(grade, cb, cd, ib, id));
        Assert.Equal(score, r.Number("score"));
        Assert.Equal(expected, r.Text("grade"));
        Assert.Contains("jingguizifa-2024-122/art-14/item-1/para-1", Cited(r));
    }

    [Fact(DisplayName = "第十三条: initial scores 优800 良650 中500 差350")]
    public void Art13_InitialScores()
    {
        Assert.Equal(800m, Run(Scheme, Case("excellent", 0, 0, 0, 0)).Number("initialScore"));
        Assert.Equal(650m, Run(Scheme, Case("good", 0, 0, 0, 0)).Number("initialScore"));
        Assert.Equal(500m, Run(Scheme, Case("medium", 0, 0, 0, 0)).Number("initialScore"));
        var poor = Run(Scheme, Case("poor", 0, 0, 0, 0));
        Assert.Equal(350m, poor.Number("initialScore"));
        Assert.Equal("D", poor.Text("grade"));
    }

    [Fact(DisplayName = "第十五条: no national grade starts at 中(C), 500")]
    public void Art15_NoNationalGradeStartsAtC()
    {
        var r = Run(Scheme, Case("none", 0, 0, 0, 0));
        Assert.Equal(500m, r.Number("initialScore"));
        Assert.Equal("C", r.Text("grade"));
        Assert.Contains("jingguizifa-2024-122/art-15", Cited(r));
    }

    [Fact(DisplayName = "第十一条: score range [350,950]: 800+150 = 950, 350−450 clamps to 350")]
    public void Art11_ScoreRangeClamp()
    {
        Assert.Equal(950m, Run(Scheme, Case("excellent", 50, 0, 100, 0)).Number("score"));
        var low = Run(Scheme, Case("poor", 0, 100, 0, 350));
        Assert.Equal(350m, low.Number("score"));
        Assert.Equal("D", low.Text("grade"));
    }

    [Theory(DisplayName = "第十一条: points above the indicator caps (50/100/100/350) are rejected, naming the field")]
    [InlineData("commonBonus", 50.5)]
    [InlineData("commonDeduction", 101)]
    [InlineData("industryBonus", 100.01)]
    [InlineData("industryDeduction", 351)]
    [InlineData("industryDeduction", -1)]
    public void Art11_PointCapsValidated(string field, decimal value)
    {
        var json = Json(Case("good", 0, 0, 0, 0));
        json[field] = value;
        var ex = Assert.Throws<Engine.InputValidationException>(() => Scheme.Evaluate(json, new DateOnly(2025, 6, 30)));
        Assert.Equal(field, Assert.Single(ex.Errors).Field);
    }

    [Fact(DisplayName = "第十一条: missing indicator points are an error naming each field")]
    public void Art11_MissingInputs()
    {
        var ex = Fails(Scheme, """{"nationalGrade":"good","commonBonus":10}""");
        Assert.Equal(["commonDeduction", "industryBonus", "industryDeduction"], ex.Errors.Select(e => e.Field).Order());
        Assert.Equal("nationalGrade", Assert.Single(Fails(Scheme, """{"nationalGrade":"gold","commonBonus":0,"commonDeduction":0,"industryBonus":0,"industryDeduction":0}""").Errors).Field);
    }

    [Fact(DisplayName = "第十六条: a fuse event forces 差(D) whatever the score")]
    public void Art16_FuseForcesD()
    {
        var r = Run(Scheme, Case("excellent", 50, 0, 100, 0, ""","fuseEvents":["false-evidence"]"""));
        Assert.Equal(950m, r.Number("score"));
        Assert.Equal("A", r.Text("gradeByScore"));
        Assert.Equal("D", r.Text("grade"));
        Assert.Contains("jingguizifa-2024-122/art-16/item-5", Cited(r));
    }

    [Theory(DisplayName = "第十六条第六项: 两次及以上较重行政处罚 — 2 fuses, 1 does not")]
    [InlineData(1, "A")]
    [InlineData(2, "D")]
    [InlineData(3, "D")]
    public void Art16_Item6_HeavierPenalties(int count, string grade)
    {
        var r = Run(Scheme, Case("excellent", 0, 0, 0, 0, $$""","heavierPenalties":{{count}}"""));
        Assert.Equal(grade, r.Text("grade"));
    }

    [Fact(DisplayName = "第二十二条/第二十三条: each grade triggers its measures")]
    public void Art22_Art23_Measures()
    {
        var a = Run(Scheme, Case("excellent", 0, 0, 0, 0));
        Assert.Contains("在日常监管中大幅减少检查比例、频次和内容", a.List("supervisionMeasures"));
        Assert.Contains("实施“容缺受理”等便利服务措施", a.List("applicationMeasures"));
        var d = Run(Scheme, Case("poor", 0, 0, 0, 0));
        Assert.Contains("列为重点监管对象,增加监管频次,加强现场检查", d.List("supervisionMeasures"));
        Assert.Contains("评优评先时,依法实行限制性参评", d.List("applicationMeasures"));
        Assert.Contains("jingguizifa-2024-122/art-22/item-4/sub-1", Cited(d));
        var c = Run(Scheme, Case("medium", 0, 0, 0, 0));
        Assert.Equal(["以监督督促、行业自律为原则", "按照常规比例、频次及内容进行抽查"], c.List("supervisionMeasures"));
    }

    [Theory(DisplayName = "第八条第一项: 5 working days to enter data, holidays excluded")]
    [InlineData("2024-06-03", "2024-06-11")] // Mon: Tue–Fri count 4, Mon 6-10 端午 off, Tue 6-11 is the 5th
    [InlineData("2024-06-07", "2024-06-17")] // Fri: 6-10 off, 11–14 count 4, Mon 17th is the 5th
    [InlineData("2024-09-27", "2024-10-10")] // Fri: Sun 9-29 make-up day, Mon 9-30, 10-1..7 off, 8, 9, 10
    [InlineData("2025-01-24", "2025-02-07")] // Fri: Sun 1-26 make-up, Mon 1-27, 1-28..2-4 春节, 5, 6, 7
    [InlineData("2025-06-27", "2025-07-04")] // Fri, no holiday: next Mon–Fri
    public void Art8_DataEntryDeadline(string action, string deadline)
    {
        var r = Run(Scheme, Case("good", 0, 0, 0, 0, $$""","actionDate":"{{action}}" """));
        Assert.Equal(deadline, r.Text("dataEntryDeadline"));
        Assert.Contains("jingguizifa-2024-122/art-8/item-1", Cited(r));
    }
}
