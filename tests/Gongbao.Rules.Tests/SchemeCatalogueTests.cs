using Gongbao.Parsing;
using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Tests;

/// <summary>Checks every scheme's declarations against themselves and against the raw gazette text.</summary>
public class SchemeCatalogueTests
{
    public static TheoryData<string> SchemeIds => [.. SchemeRegistry.All.Select(s => s.Id)];

    [Fact(DisplayName = "Catalogue: scheme IDs are unique and found by ID or document ID (the first of a document)")]
    public void IdsUniqueAndFindable()
    {
        Assert.Equal(SchemeRegistry.All.Count, SchemeRegistry.All.Select(s => s.Id).Distinct().Count());
        foreach (var s in SchemeRegistry.All)
        {
            Assert.Same(s, SchemeRegistry.Find(s.Id));
            // A document may define several schemes (京建法〔2024〕12号: grading and the 第十条 spot check); its ID finds the first.
            Assert.Same(SchemeRegistry.All.First(x => x.DocumentId == s.DocumentId), SchemeRegistry.Find(s.DocumentId));
        }
    }

    [Theory(DisplayName = "Catalogue: every parameter value appears in its printed words")]
    [MemberData(nameof(SchemeIds))]
    public void ValuesAppearInPrintedWords(string id)
    {
        var scheme = SchemeRegistry.Find(id)!;
        var wrong = scheme.Parameters.SelectMany(p => p.Values.Select(v => (p.Name, v)))
            .Where(x => !PrintedValue.Contains(x.v.Source.Quote, x.v.Value))
            .Select(x => $"{x.Name}={x.v.Value} «{x.v.Source.Quote}»").ToList();
        Assert.Empty(wrong);
    }

    [Theory(DisplayName = "Catalogue: every quote (parameters, clauses, interpretations) is printed in the scheme's gazette file")]
    [MemberData(nameof(SchemeIds))]
    public void QuotesArePrintedInSource(string id)
    {
        var scheme = SchemeRegistry.Find(id)!;
        var text = TextNormalizer.Fold(File.ReadAllText(SampleGazettes.File(scheme.SourceFile)));
        var quotes = scheme.Parameters.SelectMany(p => p.Values.Select(v => v.Source))
            .Concat(scheme.Clauses.Select(c => c.Source))
            .Concat(scheme.Interpretations.Select(i => i.Basis));
        var missing = quotes.Where(c => !text.Contains(TextNormalizer.Fold(c.Quote), StringComparison.Ordinal))
            .Select(c => $"[{c.ProvisionId}] «{c.Quote}»").Distinct().ToList();
        Assert.Empty(missing);
    }

    [Theory(DisplayName = "Catalogue: every provision ID lies inside the scheme's document")]
    [MemberData(nameof(SchemeIds))]
    public void ProvisionIdsInsideDocument(string id)
    {
        var scheme = SchemeRegistry.Find(id)!;
        var ids = scheme.Parameters.SelectMany(p => p.Values.Select(v => v.Source.ProvisionId))
            .Concat(scheme.Clauses.Select(c => c.Source.ProvisionId));
        Assert.All(ids, pid => Assert.StartsWith(scheme.DocumentId, pid, StringComparison.Ordinal));
    }

    [Theory(DisplayName = "Catalogue: the describe JSON lists every input and parameter")]
    [MemberData(nameof(SchemeIds))]
    public void DescribeJsonHasInputsAndParameters(string id)
    {
        var scheme = SchemeRegistry.Find(id)!;
        var json = SchemeJson.Describe(scheme);
        Assert.Equal(scheme.Parameters.Count, json["parameters"]!.AsArray().Count);
        Assert.Equal(scheme.Inputs.Fields.Count, json["inputs"]!["properties"]!.AsObject().Count);
    }
}
