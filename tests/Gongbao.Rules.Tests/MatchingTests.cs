using System.Diagnostics;
using System.Globalization;
using System.Text;

using Gongbao.Parsing;
using Gongbao.Rules.Matching;

namespace Gongbao.Rules.Tests;

/// <summary>Profiles kept in docs/examples/profiles give the expected measures, with reasons cited.</summary>
public class MatchingTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);

    private static string ProfilePath(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "docs", "examples", "profiles")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("docs/examples/profiles"), "docs", "examples", "profiles", file);
    }

    private static Dictionary<string, MeasureMatch> Match(string file) =>
        MeasureMatcher.Default.Match(Profile.FromJson(File.ReadAllText(ProfilePath(file))), AsOf)
            .ToDictionary(m => m.SchemeId + "/" + m.MeasureId);

    [Fact(DisplayName = "Matching: 经开区 private inclusive kindergarten → 生均定额补助 120 × 1800 × 12; company measures do not apply")]
    public void Kindergarten()
    {
        var m = Match("jingkaiqu-private-inclusive-kindergarten.json");
        var perChild = m["kindergarten-subsidy/per-child"];
        Assert.Equal(MatchStatus.Applies, perChild.Status);
        Assert.Equal(2_592_000m, perChild.MaxAmount);
        Assert.Equal(MatchStatus.DoesNotApply, m["job-expansion-subsidy/job-expansion"].Status);
        Assert.Equal("jingrenshebifa-2024-16/div-1/item-1", m["job-expansion-subsidy/job-expansion"].Conditions.First(c => c.Holds == false).Source.ProvisionId);
    }

    [Fact(DisplayName = "Matching: 专精特新 company in 经开区 → 科技保险, 贴息, 措施2, 扩岗 apply with amounts; 幼儿园 does not")]
    public void SpecialisedCompany()
    {
        var m = Match("jingkaiqu-specialised-sme-zhuanjingtexin.json");
        Assert.Equal((MatchStatus.Applies, 15m), (m["industrial-finance/a2-tech-insurance"].Status, m["industrial-finance/a2-tech-insurance"].MaxAmount!.Value)); // 50% × 30
        Assert.Equal((MatchStatus.Applies, 30m), (m["industrial-finance/a4-loan-interest"].Status, m["industrial-finance/a4-loan-interest"].MaxAmount!.Value)); // 50% × 60 ≤ 40
        Assert.Equal((MatchStatus.Applies, 160m), (m["sci-tech-culture/m2-games-rd"].Status, m["sci-tech-culture/m2-games-rd"].MaxAmount!.Value));           // 20% × 800
        Assert.Equal((MatchStatus.Applies, 12000m), (m["job-expansion-subsidy/job-expansion"].Status, m["job-expansion-subsidy/job-expansion"].MaxAmount!.Value));
        Assert.Equal(MatchStatus.DoesNotApply, m["kindergarten-subsidy/per-child"].Status);
        var ranked = MeasureMatcher.Default.Match(Profile.FromJson(File.ReadAllText(ProfilePath("jingkaiqu-specialised-sme-zhuanjingtexin.json"))), AsOf);
        Assert.Equal("sci-tech-culture", ranked[0].SchemeId); // 160万元 is the largest
    }

    [Fact(DisplayName = "Matching: a state-owned broadcaster → 社会效益考核 applies, 超高清 600 → 500万元; 经开区 measures do not apply")]
    public void Broadcaster()
    {
        var m = Match("state-owned-broadcaster.json");
        Assert.Equal(MatchStatus.Applies, m["social-benefit/assessment"].Status);
        Assert.Equal((MatchStatus.Applies, 360m), (m["uhd-support/uhd-project"].Status, m["uhd-support/uhd-project"].MaxAmount!.Value)); // 30% × 1200
        Assert.Equal(MatchStatus.DoesNotApply, m["sci-tech-culture/m2-games-rd"].Status);
        Assert.Equal(MatchStatus.MayApply, m["job-expansion-subsidy/job-expansion"].Status);
        Assert.Contains("plans.graduateHires", m["job-expansion-subsidy/job-expansion"].MissingFacts);
    }

    [Fact(DisplayName = "Matching: a public building owner (25000 m²) → 能效分级 applies; no 3000 m² → not")]
    public void PublicBuildingOwner()
    {
        var m = Match("public-building-owner.json");
        Assert.Equal(MatchStatus.Applies, m["energy-efficiency/grading"].Status);
        var small = MeasureMatcher.Default.Match(new Profile(new Dictionary<string, object> { ["publicBuildingArea"] = 2999.99m }), AsOf)
            .Single(x => x.SchemeId == "energy-efficiency");
        Assert.Equal(MatchStatus.DoesNotApply, small.Status);
    }

    [Fact(DisplayName = "Matching: a standards body (first drafter) → 标准项目补助 30 + 15 = 45万元; an administrative organ does not qualify")]
    public void StandardsBody()
    {
        var m = Match("standards-body-first-drafter.json");
        Assert.Equal((MatchStatus.Applies, 45m), (m["standardisation-subsidy/standard-projects"].Status, m["standardisation-subsidy/standard-projects"].MaxAmount!.Value));
        var organ = MeasureMatcher.Default.Match(new Profile(new Dictionary<string, object> { ["entityType"] = "administrative-organ" }), AsOf)
            .Single(x => x.SchemeId == "standardisation-subsidy");
        Assert.Equal(MatchStatus.DoesNotApply, organ.Status);
        Assert.Equal("jingshijianfa-2024-52/art-36", organ.Conditions.First(c => c.Holds == false).Source.ProvisionId);
    }

    [Fact(DisplayName = "Matching: an empty profile — every measure 'may apply' or is out of its validity; none 'applies'")]
    public void EmptyProfile()
    {
        var all = MeasureMatcher.Default.Match(new Profile(new Dictionary<string, object>()), AsOf);
        Assert.DoesNotContain(all, m => m.Status == MatchStatus.Applies);
        Assert.All(all.Where(m => m.Status == MatchStatus.MayApply), m => Assert.NotEmpty(m.MissingFacts));
    }

    [Fact(DisplayName = "Matching: unknown profile facts are errors naming them")]
    public void UnknownFact() =>
        Assert.Equal("revenu", Assert.Single(Assert.Throws<Engine.InputValidationException>(() => Profile.FromJson("""{"revenu":1}""")).Errors).Field);

    [Fact(DisplayName = "Matching batch: CSV of profiles; throughput reported (status of every measure)")]
    public void BatchThroughput()
    {
        var csv = new StringBuilder("name,entityType,legalPerson,ownership,area,industries,tags,revenue,plans.rdSpend,plans.insurancePremium,plans.graduateHires,publicBuildingArea\n");
        for (var i = 0; i < 200_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"p{i},{(i % 3 == 0 ? "enterprise" : "kindergarten")},true,{(i % 2 == 0 ? "private" : "state")},{(i % 4 == 0 ? "经开区" : "北京市")},games-esports;audiovisual,专精特新,{i % 20000},{i % 1000},{i % 40},{i % 5},{i % 6000}\n");
        }

        var profiles = MatchBatch.ReadCsv(new StringReader(csv.ToString()));
        var runs = Enumerable.Range(0, 3).Select(_ => MatchBatch.Run(MeasureMatcher.Default, profiles, AsOf)).ToList();
        var median = runs.Select(r => r.Elapsed).Order().ElementAt(1);
        var perMinute = profiles.Count / median.TotalMinutes;
        Console.WriteLine($"batch matching: {profiles.Count} profiles × {MeasureMatcher.Default.MeasureCount} measures in {median.TotalMilliseconds:0} ms (median of 3) = {perMinute:0} profiles/min");
        Assert.True(runs[0].Applies > 0 && runs[0].MayApply > 0);
        Assert.True(perMinute > 1_000_000, $"{perMinute:0} profiles/min");
    }
}
