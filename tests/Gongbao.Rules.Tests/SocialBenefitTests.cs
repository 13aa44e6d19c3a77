using Gongbao.Rules.Schemes;

using static Gongbao.Rules.Tests.CaseInput;

namespace Gongbao.Rules.Tests;

/// <summary>京广电发〔2021〕17号, 四、评价考核内容和等级评定 and 附件1/附件2, worked by hand.</summary>
public class SocialBenefitTests
{
    private static readonly SocialBenefitScheme Scheme = new();

    private static string Case(
        int works = 1, int coopWorks = 0, decimal hours = 0, int ads = 0, int coopAds = 0, decimal awards = 0,
        decimal d = 20, decimal e = 20, decimal r = 20, decimal internalEach = 4, string extra = "") =>
        $$"""
        {"independentWorks":{{works}},"cooperativeWorks":{{coopWorks}},"programmeHours":{{hours}},"independentAds":{{ads}},"cooperativeAds":{{coopAds}},
         "awardPoints":{{awards}},"dissemination":{{d}},"publicEvaluation":{{e}},"socialResponsibility":{{r}},
         "governance":{{internalEach}},"contentBodies":{{internalEach}},"socialBenefitSystem":{{internalEach}},"training":{{internalEach}},"responsibilityReport":{{internalEach}}{{extra}}}
        """;

    [Theory(DisplayName = "附件2 作品创作生产: works 15 + 2 per extra work (≤5), cooperative 10 + 2 per extra, line capped at 20")]
    [InlineData(1, 0, 15)]
    [InlineData(2, 0, 17)]
    [InlineData(3, 0, 19)]
    [InlineData(4, 0, 20)]   // 15 + min(6, 5)
    [InlineData(0, 1, 10)]
    [InlineData(0, 4, 15)]   // 10 + min(6, 5)
    [InlineData(0, 0, 0)]
    public void Annex2_Works(int works, int coop, decimal expected)
    {
        var r = Run(Scheme, Case(works, coop));
        Assert.Equal(expected, r.Number("productionScore"));
    }

    [Theory(DisplayName = "附件2 节目时长: 50 小时(含)以上 15 分, fewer pro-rated 15 per 50 hours")]
    [InlineData(50, 15)]
    [InlineData(49, 14.7)]
    [InlineData(10, 3)]
    [InlineData(120, 15)]
    public void Annex2_ProgrammeHours(decimal hours, decimal expected) =>
        Assert.Equal(expected, Run(Scheme, Case(works: 0, hours: hours)).Number("productionScore"));

    [Theory(DisplayName = "附件2 公益广告: 3.5 each, 3 (含) or more 10, cooperative 2 each, line ≤ 10")]
    [InlineData(1, 0, 3.5)]
    [InlineData(2, 0, 7)]
    [InlineData(3, 0, 10)]
    [InlineData(0, 2, 4)]
    [InlineData(2, 2, 10)]   // 7 + 4 = 11 → 10
    public void Annex2_Ads(int ads, int coopAds, decimal expected) =>
        Assert.Equal(expected, Run(Scheme, Case(works: 0, ads: ads, coopAds: coopAds)).Number("productionScore"));

    [Fact(DisplayName = "附件2: 作品创作生产 total including bonuses is capped at 20 (此项总分 20 分(含)加分)")]
    public void Annex2_ProductionCap()
    {
        var r = Run(Scheme, Case(works: 1, hours: 50, ads: 3, awards: 10));
        Assert.Equal(20m, r.Number("productionScore"));
        Assert.Equal(100m, r.Number("total"));
        Assert.Equal("优秀", r.Text("grade"));
    }

    [Theory(DisplayName = "四、等级评定 boundaries: 90→优秀, 89.5→良好, 75→良好, 74→合格, 60→合格, 59→不合格")]
    [InlineData(1, 0, 20, 20, 15, 4, "优秀")]       // 15+55+20 = 90
    [InlineData(1, 0, 20, 20, 14.5, 4, "良好")]     // 89.5
    [InlineData(1, 0, 20, 15, 5, 4, "良好")]        // 15+40+20 = 75
    [InlineData(1, 0, 20, 14, 5, 4, "合格")]        // 74
    [InlineData(0, 1, 10, 10, 10, 4, "合格")]       // 10+30+20 = 60
    [InlineData(0, 1, 10, 10, 9, 4, "不合格")]      // 59
    public void Div4_Boundaries(int works, int coop, decimal d, decimal e, decimal r, decimal internalEach, string grade)
    {
        var result = Run(Scheme, Case(works: works, coopWorks: coop, d: d, e: e, r: r, internalEach: internalEach));
        Assert.Equal(grade, result.Text("grade"));
        Assert.Contains("jingguangdianfa-2021-17/inst-1/div-4/para-7", Cited(result));
    }

    [Fact(DisplayName = "四/六: a political-direction problem makes the result 不合格 directly, with 通报批评")]
    public void Div4_PoliticalVeto()
    {
        var r = Run(Scheme, Case(hours: 50, extra: ""","politicalProblem":true"""));
        Assert.Equal(100m, r.Number("total"));
        Assert.Equal("不合格", r.Text("grade"));
        Assert.Contains(r.List("consequences"), c => c.Contains("通报批评", StringComparison.Ordinal));
        Assert.Contains(r.List("consequences"), c => c.Contains("诫勉谈话", StringComparison.Ordinal));
    }

    [Fact(DisplayName = "六: 优秀 three years in a row brings 倾斜支持")]
    public void Div6_ThreeYearsExcellent()
    {
        var r = Run(Scheme, Case(extra: ""","excellentPreviousTwoYears":true"""));
        Assert.Contains(r.List("consequences"), c => c.Contains("倾斜支持", StringComparison.Ordinal));
    }

    [Theory(DisplayName = "附件2: item scores outside the printed bands (5—20, 1—4) and missing items are errors naming the field")]
    [InlineData("dissemination", 4)]
    [InlineData("dissemination", 21)]
    [InlineData("training", 0)]
    [InlineData("training", 4.5)]
    [InlineData("awardPoints", 11)]
    public void Annex2_Bands(string field, decimal value)
    {
        var json = Json(Case());
        json[field] = value;
        var ex = Assert.Throws<Engine.InputValidationException>(() => Scheme.Evaluate(json, new DateOnly(2025, 6, 30)));
        Assert.Equal(field, Assert.Single(ex.Errors).Field);
        json.Remove(field);
        if (field != "awardPoints")
        {
            Assert.Equal(field, Assert.Single(Assert.Throws<Engine.InputValidationException>(() => Scheme.Evaluate(json, new DateOnly(2025, 6, 30))).Errors).Field);
        }
    }
}
