using Gongbao.Rules.Engine;
using Gongbao.Rules.Schemes;

using static Gongbao.Rules.Tests.CaseInput;

namespace Gongbao.Rules.Tests;

/// <summary>京建法〔2024〕4号 第七条、第十三条: every printed threshold checked on both sides.</summary>
public class ResidentialAcceptanceTests
{
    private static readonly ResidentialAcceptanceScheme Scheme = new();

    [Theory(DisplayName = "京建法〔2024〕4号 第七条第(一)项: sample by households; 200, 500 and 1000 lie in two ranges → the larger floor")]
    [InlineData(1, 10)]
    [InlineData(199, 10)]
    [InlineData(200, 15)]     // 200户以下 and 200—500户: the larger 不少于 (interpretation)
    [InlineData(201, 15)]
    [InlineData(499, 15)]
    [InlineData(500, 20)]     // 200—500户 and 500—1000户
    [InlineData(999, 20)]
    [InlineData(1000, 25)]    // 500—1000户 (20) and 1000户以上 (max(⌈20⌉, 25))
    [InlineData(1250, 25)]    // 2% = 25
    [InlineData(1251, 26)]    // 2% = 25.02 → 26
    [InlineData(1300, 26)]
    public void Art7Item1_SampleTotal(int households, decimal expected)
    {
        var r = Run(Scheme, $$"""{"households":{{households}}}""");
        Assert.Equal(expected, r.Number("sampleTotal"));
        Assert.Contains("jingjianfa-2024-4/art-7/item-1", Cited(r));
    }

    [Theory(DisplayName = "京建法〔2024〕4号 第七条第(一)项: 单位工程不少于2户 raises the total; 1:3 split rounds each stage up")]
    [InlineData(100, 4, 10, 3, 8)]      // 10 → ⌈2.5⌉ + ⌈7.5⌉
    [InlineData(100, 5, 10, 3, 8)]      // 5 × 2 = 10, no change
    [InlineData(100, 6, 12, 3, 9)]      // 6 × 2 = 12 > 10
    [InlineData(300, 0, 15, 4, 12)]
    [InlineData(2000, 10, 40, 10, 30)]  // 2% = 40, divides exactly
    public void Art7Item1_UnitsAndStages(int households, int units, decimal total, decimal stage1, decimal stage2)
    {
        var r = Run(Scheme, $$"""{"households":{{households}},"unitProjects":{{units}}}""");
        Assert.Equal((total, stage1, stage2), (r.Number("sampleTotal"), r.Number("stage1Sample"), r.Number("stage2Sample")));
    }

    [Theory(DisplayName = "京建法〔2024〕4号 第七条第(二)项: 合格率大于或等于85% conforms, compared unrounded")]
    [InlineData(100, 85, true)]
    [InlineData(100, 84, false)]
    [InlineData(20000, 16999, false)]  // 84.995% must not round up to 85%
    [InlineData(7, 6, true)]           // 85.714…%
    public void Art7Item2_HomePassRate(int measured, int passed, bool conforms)
    {
        var r = Run(Scheme, $$"""{"measuredPoints":{{measured}},"passedPoints":{{passed}}}""");
        Assert.Equal(conforms, (bool)r.Output("homeConforms")!);
        Assert.Contains("jingjianfa-2024-4/art-7/item-2", Cited(r));
    }

    [Theory(DisplayName = "京建法〔2024〕4号 第七条第(三)项: public parts ⌈20% of buildings⌉, at least 1")]
    [InlineData(1, 1)]
    [InlineData(4, 1)]   // 0.8 → 1
    [InlineData(5, 1)]
    [InlineData(6, 2)]   // 1.2 → 2
    [InlineData(10, 2)]
    public void Art7Item3_PublicParts(int buildings, decimal expected) =>
        Assert.Equal(expected, Run(Scheme, $$"""{"buildings":{{buildings}}}""").Number("publicPartBuildings"));

    [Theory(DisplayName = "京建法〔2024〕4号 第十三条第(一)项: notice at least 7 days ahead; 第(二)项: at most 3 persons")]
    [InlineData("2025-06-01", 3, true, true)]
    [InlineData("2025-06-02", 3, false, true)]   // 6 days
    [InlineData("2025-05-20", 4, true, false)]
    public void Art13_OwnerInspection(string notice, int persons, bool onTime, bool party)
    {
        var r = Run(Scheme, $$"""{"inspectionDate":"2025-06-08","noticeDate":"{{notice}}","participants":{{persons}}}""");
        Assert.Equal("2025-06-01", r.Text("latestNoticeDate"));
        Assert.Equal((onTime, party), ((bool)r.Output("noticeConforms")!, (bool)r.Output("participantsConform")!));
        Assert.Contains("jingjianfa-2024-4/art-13/item-1", Cited(r));
        Assert.Contains("jingjianfa-2024-4/art-13/item-2", Cited(r));
    }

    [Fact(DisplayName = "京建法〔2024〕4号: no group given, passed > measured, notice after inspection → errors naming the field")]
    public void InvalidInputs()
    {
        Assert.Equal("*", Assert.Single(Fails(Scheme, "{}").Errors).Field);
        Assert.Equal("passedPoints", Assert.Single(Fails(Scheme, """{"measuredPoints":10,"passedPoints":11}""").Errors).Field);
        Assert.Equal("noticeDate", Assert.Single(Fails(Scheme, """{"inspectionDate":"2025-06-01","noticeDate":"2025-06-02"}""").Errors).Field);
    }

    [Fact(DisplayName = "京建法〔2024〕4号: a new dated 85% → 90% in the data changes the pass only from its date")]
    public void NewPassRateAppliesFromItsDate()
    {
        var file = SchemeDataLoader.LoadEmbedded(Scheme.Id);
        var rate = file.Parameters.Single(p => p.Name == "home-pass-rate");
        rate.Values.Add(new ValueEntry { From = "2026-01-01", Value = 90, Provision = rate.Values[0].Provision, Quote = "合格率大于或等于90%" });
        var edited = Scheme.WithData(file);
        const string home = """{"measuredPoints":100,"passedPoints":88}""";
        Assert.True((bool)Run(edited, home, "2025-12-31").Output("homeConforms")!);
        Assert.False((bool)Run(edited, home, "2026-01-01").Output("homeConforms")!);
        Assert.True((bool)Run(Scheme, home, "2026-01-01").Output("homeConforms")!);
    }
}

/// <summary>京建法〔2024〕12号 第十条.</summary>
public class EnergySpotCheckTests
{
    private static readonly EnergySpotCheckScheme Scheme = new();

    [Theory(DisplayName = "京建法〔2024〕12号 第十条: ⌈5% of large public buildings⌉ by 30 September")]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(20, 1)]
    [InlineData(21, 2)]   // 1.05 → 2
    [InlineData(40, 2)]
    [InlineData(41, 3)]
    public void Art10_Count(int buildings, decimal expected)
    {
        var r = Run(Scheme, $$"""{"largeBuildings":{{buildings}}}""");
        Assert.Equal(expected, r.Number("minimumChecks"));
        Assert.Equal("2025-09-30", r.Text("deadline"));
        Assert.Contains("jingjianfa-2024-12/art-10", Cited(r));
    }

    [Theory(DisplayName = "京建法〔2024〕12号 第十条: 9月底前 includes 30 September; the year may be given")]
    [InlineData("2025-09-30", true)]
    [InlineData("2025-10-01", false)]
    public void Art10_Deadline(string done, bool onTime) =>
        Assert.Equal(onTime, (bool)Run(Scheme, $$"""{"largeBuildings":40,"year":2025,"checkCompletedOn":"{{done}}"}""").Output("onTime")!);

    [Fact(DisplayName = "京建法〔2024〕12号 第十六条: the spot check is not known before 2025-02-01")]
    public void NotBeforeCommencement() =>
        Assert.Throws<InputValidationException>(() => Run(Scheme, """{"largeBuildings":40}""", "2025-01-31"));
}

/// <summary>京技管发〔2024〕30号 第五条第3项: quarterly counting dates.</summary>
public class KindergartenQuarterlyTests
{
    private const string AllConditions = "\"conditionsMet\":[\"admission\",\"lawful\",\"inspection\"]";

    [Theory(DisplayName = "京技管发〔2024〕30号 第五条第3项: Q1–Q2 by last September's count, Q3–Q4 by this March's")]
    [InlineData(100, 100, 2_160_000)]   // equal counts: same as 12 months
    [InlineData(100, 90, 2_052_000)]    // 2 × 100 × 5400 + 2 × 90 × 5400
    [InlineData(0, 10, 108_000)]
    public void Art5Sub3_Quarterly(int september, int march, decimal expected)
    {
        var r = Run(new KindergartenSubsidyScheme(), $$"""{{{AllConditions}},"childrenLastSeptember":{{september}},"childrenThisMarch":{{march}}}""");
        Assert.Equal(expected, r.Number("perChildSubsidy"));
        Assert.Equal("2024-09-30", r.Text("firstHalfCountDate"));
        Assert.Equal("2025-03-31", r.Text("secondHalfCountDate"));
        Assert.Contains("jingjiguanfa-2024-30/art-5/sub-3", Cited(r));
    }

    [Fact(DisplayName = "京技管发〔2024〕30号 第五条第3项: the year picks the counting dates; one count alone or both kinds → error")]
    public void Art5Sub3_YearAndErrors()
    {
        var r = Run(new KindergartenSubsidyScheme(), $$"""{{{AllConditions}},"childrenLastSeptember":1,"childrenThisMarch":1,"year":2026}""");
        Assert.Equal(("2025-09-30", "2026-03-31"), (r.Text("firstHalfCountDate"), r.Text("secondHalfCountDate")));
        Assert.Equal("childrenThisMarch", Assert.Single(Fails(new KindergartenSubsidyScheme(), $$"""{{{AllConditions}},"childrenLastSeptember":1}""").Errors).Field);
        Assert.Equal("children", Assert.Single(Fails(new KindergartenSubsidyScheme(), $$"""{{{AllConditions}},"childrenLastSeptember":1,"childrenThisMarch":1,"children":1}""").Errors).Field);
        Assert.Equal("childrenLastSeptember", Assert.Single(Fails(new KindergartenSubsidyScheme(), $$"""{{{AllConditions}}}""").Errors).Field);
    }
}
