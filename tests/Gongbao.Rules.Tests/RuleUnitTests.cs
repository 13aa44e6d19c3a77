using Gongbao.Domain;
using Gongbao.Parsing;
using Gongbao.Rules.Engine;
using Gongbao.Rules.Extraction;

namespace Gongbao.Rules.Tests;

/// <summary>Candidate rule units: recall against the hand-curated scheme parameters, precision on a labelled sample.</summary>
public class RuleUnitTests
{
    private static readonly Lazy<List<GazetteDocument>> Documents = new(() =>
    {
        var parser = new GazetteParser();
        return [.. Directory.EnumerateFiles(SampleGazettes.Locate(), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => parser.ParseFile(f).Documents.SelectMany(Flatten))];
    });

    private static readonly Lazy<List<RuleUnit>> Units = new(() => [.. Documents.Value.SelectMany(RuleUnitExtractor.Extract).DistinctBy(u => (u.ProvisionId, u.Value, u.Unit, u.Quote))]);

    [Theory(DisplayName = "Rule units: number, unit, comparison and kind")]
    [InlineData("给予不超过50万元的补助", 50, "万元", RuleUnitKind.Cap, "不超过")]
    [InlineData("按照其当年实际保费支出的 50% 给予企业补贴", 50, "%", RuleUnitKind.Rate, null)]
    [InlineData("每人每月1800元", 1800, "元", RuleUnitKind.Amount, null)]
    [InlineData("在5个工作日内完成", 5, "个工作日", RuleUnitKind.Deadline, "内")]
    [InlineData("不少于两名工作人员", 2, "名", RuleUnitKind.Threshold, "不少于")]
    [InlineData("3000平方米以上", 3000, "平方米", RuleUnitKind.Threshold, "以上")]
    [InlineData("每年9月底前组织抽查", 9, "月底前", RuleUnitKind.Deadline, "前")]
    [InlineData("且不少于1栋", 1, "栋", RuleUnitKind.Threshold, "不少于")]
    public void Extracts(string text, decimal value, string unit, RuleUnitKind kind, string? comparison)
    {
        var u = Assert.Single(RuleUnitExtractor.Extract("d/art-1", text));
        Assert.Equal((value, unit, kind, comparison), (u.Value, u.Unit, u.Kind, u.Comparison));
    }

    [Fact(DisplayName = "Rule units: dates, years and ordinals are not rule units")]
    public void SkipsDatesAndOrdinals() =>
        Assert.Empty(RuleUnitExtractor.Extract("d/art-1", "自2025年1月1日起施行，第3项、第十二条"));

    [Fact(DisplayName = "Rule units: recall against every numeric scheme parameter ≥ 0.9 (reported)")]
    public void RecallAgainstSchemeParameters()
    {
        var curated = SchemeRegistry.All.SelectMany(s => s.Parameters.SelectMany(p => p.Values.Select(v => (Scheme: s.Id, p.Name, v.Value, v.Source.ProvisionId))))
            .Concat(SchemeRegistry.All.SelectMany(s => s.Scales.SelectMany(sc => sc.Brackets.Select(b => (Scheme: s.Id, Name: sc.Name, Value: b.Amount, b.Source.ProvisionId)))))
            .ToList();
        var byValue = Units.Value.ToLookup(u => u.Value);
        var missed = curated.Where(c => !byValue[c.Value].Any(u => RuleUnitCatalogue.Related(u.ProvisionId, c.ProvisionId))).ToList();
        var recall = 1 - (double)missed.Count / curated.Count;
        Console.WriteLine($"rule-unit recall: {curated.Count - missed.Count}/{curated.Count} = {recall:0.000}; {Units.Value.Count} units extracted from {Documents.Value.Count} documents");
        Console.WriteLine("missed: " + string.Join("; ", missed.Select(m => $"{m.Scheme}/{m.Name}={m.Value}")));
        Assert.True(recall >= 0.9, $"recall {recall:0.000}; missed: {string.Join("; ", missed.Take(30).Select(m => $"{m.Scheme}/{m.Name}={m.Value}"))}");
    }

    [Fact(DisplayName = "Rule units: precision on the labelled sample ≥ 0.9 (reported)")]
    public void PrecisionOnLabelledSample()
    {
        // Labels written by hand after reading each unit in context: 1 = a real rule unit (value and unit right), 0 = not.
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "rule-units-labelled.tsv");
        var labels = File.ReadAllLines(path).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t')).ToList();
        Assert.True(labels.Count >= 50, $"only {labels.Count} labelled units");
        var present = labels.Count(l => Units.Value.Any(u => u.ProvisionId == l[1] && u.Quote == l[2]));
        Assert.True(present == labels.Count, $"{labels.Count - present} labelled units are no longer extracted (relabel the sample)");
        var precision = labels.Count(l => l[0] == "1") / (double)labels.Count;
        Console.WriteLine($"rule-unit precision on {labels.Count} labelled units: {precision:0.000}");
        Assert.True(precision >= 0.9, $"precision {precision:0.000}");
    }

    [Fact(DisplayName = "Rule units: a scheme's document lists modelled (linked to a parameter) and unmodelled units")]
    public void ModelledAndUnmodelled()
    {
        var doc = Documents.Value.First(d => d.Id == "jingrenshebifa-2024-16");
        var entries = RuleUnitCatalogue.Classify(doc.Id, RuleUnitExtractor.Extract(doc), SchemeRegistry.All);
        Assert.Contains(entries, e => e.Parameter == "per-hire");
        Assert.Contains(entries, e => e.Parameter is null);
    }

    private static IEnumerable<GazetteDocument> Flatten(GazetteDocument d) => d.Instruments.SelectMany(Flatten).Prepend(d);
}
