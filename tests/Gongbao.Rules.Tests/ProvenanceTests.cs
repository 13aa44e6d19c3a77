using Gongbao.Domain;
using Gongbao.Parsing;
using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Tests;

/// <summary>
/// Parses the real gazettes and checks every citation of every scheme: the provision ID exists, and the
/// provision's printed text (with its sub-provisions and headings) contains the quoted words, compared after folding full/half
/// width and whitespace. A failure lists, for each bad citation, the provisions that do contain the quote.
/// </summary>
public class ProvenanceTests
{
    private static readonly Lazy<Dictionary<string, Provision>> Provisions = new(() =>
    {
        var parser = new GazetteParser();
        var map = new Dictionary<string, Provision>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(SampleGazettes.Locate(), "*.txt"))
        {
            var issue = parser.ParseFile(file);
            foreach (var doc in issue.Documents.SelectMany(Flatten))
            {
                foreach (var p in doc.AllProvisions())
                {
                    map.TryAdd(p.Id, p);
                }
            }
        }

        return map;
    });

    public static TheoryData<string> SchemeIds => [.. SchemeRegistry.All.Select(s => s.Id)];

    [Theory(DisplayName = "Provenance: every cited provision exists and contains the value as printed")]
    [MemberData(nameof(SchemeIds))]
    public void CitationsResolveToPrintedText(string id)
    {
        var scheme = SchemeRegistry.Find(id)!;
        var citations = scheme.Parameters.SelectMany(p => p.Values.Select(v => (What: "parameter " + p.Name, v.Source)))
            .Concat(scheme.Clauses.Select(c => (What: "clause " + c.Name, c.Source)))
            .Concat(scheme.Interpretations.Select(i => (What: "interpretation", Source: i.Basis)))
            .Concat(scheme.Scales.SelectMany(s => s.Brackets.SelectMany(b => new[]
            {
                (What: $"scale {s.Name} bracket", b.Source),
                (What: $"scale {s.Name} threshold", Source: b.Source with { Quote = b.ThresholdQuote }),
            })))
            .Concat(scheme.Validity is { } v ? [(What: "validity", v.Source)] : [])
            .Concat(scheme.MeasureDefinitions.SelectMany(m => m.Conditions.Where(c => c.Provision is not null)
                .Select(c => (What: $"measure {m.Id} condition '{c.Text}'", Source: new Citation(scheme.Provision(c.Provision!), c.Quote!)))));
        var problems = new List<string>();
        foreach (var (what, source) in citations)
        {
            var quote = TextNormalizer.Fold(source.Quote);
            if (Provisions.Value.TryGetValue(source.ProvisionId, out var p) && Printed(p).Contains(quote, StringComparison.Ordinal))
            {
                continue;
            }

            var holders = Provisions.Value.Values
                .Where(x => x.Id.StartsWith(scheme.DocumentId, StringComparison.Ordinal) && Printed(x).Contains(quote, StringComparison.Ordinal))
                .OrderBy(x => x.FullText().Length).Take(3).Select(x => x.Id);
            problems.Add($"{what}: [{source.ProvisionId}] {(p is null ? "does not exist" : "lacks the quote")} «{source.Quote}»; found in: {string.Join(", ", holders)}");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact(DisplayName = "Provenance: every parameter of every scheme is checked (none without a provision)")]
    public void EveryParameterHasAProvision() =>
        Assert.All(SchemeRegistry.All.SelectMany(s => s.Parameters).SelectMany(p => p.Values),
            v => Assert.False(string.IsNullOrWhiteSpace(v.Source.ProvisionId) || string.IsNullOrWhiteSpace(v.Source.Quote)));

    [Fact(DisplayName = "Provenance: every number of a scale bracket appears in its printed words")]
    public void ScaleValuesArePrinted()
    {
        var wrong = SchemeRegistry.All.SelectMany(s => s.Scales.SelectMany(sc => sc.Brackets.Select(b => (Scale: s.Id + "/" + sc.Name, b))))
            .Where(x => !PrintedValue.Contains(x.b.ThresholdQuote, x.b.Threshold) || !PrintedValue.Contains(x.b.Source.Quote, x.b.Amount) || !PrintedValue.Contains(x.b.Source.Quote, x.b.Rate))
            .Select(x => $"{x.Scale}: {x.b.Threshold} → {x.b.Amount} + {x.b.Rate}% «{x.b.ThresholdQuote}» «{x.b.Source.Quote}»").ToList();
        Assert.Empty(wrong);
        Assert.NotEmpty(SchemeRegistry.All.SelectMany(s => s.Scales));
    }

    [Fact(DisplayName = "Validity in the data files matches the validity the parser extracted from the stored document")]
    public void ValidityMatchesTheDocument()
    {
        var documents = new Dictionary<string, GazetteDocument>(StringComparer.Ordinal);
        var parser = new GazetteParser();
        foreach (var file in Directory.EnumerateFiles(SampleGazettes.Locate(), "*.txt"))
        {
            foreach (var d in parser.ParseFile(file).Documents.SelectMany(Flatten))
            {
                documents.TryAdd(d.Id, d);
            }
        }

        var checkedCount = 0;
        var problems = new List<string>();
        foreach (var s in SchemeRegistry.All.Where(s => s.Validity is not null))
        {
            var doc = documents[s.DocumentId];
            var v = s.Validity!;
            if (doc.EffectiveFrom is { } from && v.From is { } dataFrom && from != dataFrom)
            {
                problems.Add($"{s.Id}: data from {dataFrom}, document {from}");
            }

            if (doc.EffectiveUntil is { } until && v.Until is { } dataUntil && until != dataUntil)
            {
                problems.Add($"{s.Id}: data until {dataUntil}, document {until}");
            }

            checkedCount += (doc.EffectiveFrom is null ? 0 : 1) + (doc.EffectiveUntil is null ? 0 : 1);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(checkedCount >= 2, $"only {checkedCount} validity dates could be compared with the parser's");
    }

    /// <summary>
    /// The printed text of a provision and its sub-provisions, headings included (第十一条【评价标准内容】…,
    /// or a line the parser took for a heading), folded for comparison.
    /// </summary>
    private static string Printed(Provision p) =>
        TextNormalizer.Fold(string.Concat(p.DescendantsAndSelf().Select(x => (x.Heading ?? "") + x.Text)));

    private static IEnumerable<GazetteDocument> Flatten(GazetteDocument d) => d.Instruments.SelectMany(Flatten).Prepend(d);
}
