using Gongbao.Domain;

namespace Gongbao.Parsing.Tests;

/// <summary>Parses each sample file once for all tests.</summary>
public static class ParsedSamples
{
    private static readonly Dictionary<string, Lazy<GazetteIssue>> Cache = new()
    {
        ["2021-40.txt"] = new(() => Parse("2021-40.txt")),
        ["2024-31.txt"] = new(() => Parse("2024-31.txt")),
        ["2025-12.txt"] = new(() => Parse("2025-12.txt")),
        ["standalone-jingguangdianfa-2021-93.txt"] = new(() => Parse("standalone-jingguangdianfa-2021-93.txt")),
    };

    public static IEnumerable<string> Names => Cache.Keys;

    public static GazetteIssue Get(string name) => Cache[name].Value;

    private static GazetteIssue Parse(string name) => new GazetteParser().ParseFile(SampleGazettes.File(name));

    public static GazetteDocument Document(string file, string id) =>
        Get(file).Documents.Single(d => d.Id == id);

    public static List<Provision> Articles(GazetteDocument document) =>
        document.AllProvisions().Concat(document.Instruments.SelectMany(i => i.AllProvisions()))
            .Where(p => p.Kind == ProvisionKind.Article).ToList();
}
