using Gongbao.Domain;
using Gongbao.Parsing;

namespace Gongbao.Search.Tests;

/// <summary>The four sample sources, parsed once per test run.</summary>
public static class SampleCorpus
{
    public static readonly string[] Files = ["2021-40.txt", "2024-31.txt", "2025-12.txt", "standalone-jingguangdianfa-2021-93.txt"];

    private static readonly Lazy<IReadOnlyList<GazetteIssue>> Parsed = new(() =>
    {
        var parser = new GazetteParser();
        return Files.Select(f => parser.ParseFile(SampleGazettes.File(f))).ToList();
    });

    public static IReadOnlyList<GazetteIssue> Issues => Parsed.Value;

    /// <summary>
    /// The sample issues in an in-memory index of three segments: one with every source, then the first and last
    /// sources replaced in segments of their own, so the first segment holds deleted entries.
    /// </summary>
    public static GazetteIndex IndexWithReplacedSources()
    {
        var index = GazetteIndex.InMemory();
        index.Rebuild(Issues.SelectMany(IndexedWitness.FromIssue));
        index.IndexIssue(Issues[0]);
        index.IndexIssue(Issues[^1]);
        return index;
    }
}

/// <summary>An in-memory index of the samples shared by a test class.</summary>
public sealed class SampleIndexFixture : IDisposable
{
    public SampleIndexFixture()
    {
        Index = GazetteIndex.InMemory();
        foreach (var issue in SampleCorpus.Issues)
        {
            Index.IndexIssue(issue);
        }
    }

    public GazetteIndex Index { get; }

    public void Dispose() => Index.Dispose();
}
