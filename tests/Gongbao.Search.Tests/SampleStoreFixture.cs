using Gongbao.Citations;
using Gongbao.Storage;

namespace Gongbao.Search.Tests;

/// <summary>A temporary SQLite store holding the four samples.</summary>
public sealed class SampleStoreFixture : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gongbao-cite-" + Guid.NewGuid().ToString("N"));

    public SampleStoreFixture()
    {
        Store = SqliteGazetteStore.OpenDirectory(_directory);
        foreach (var issue in SampleCorpus.Issues)
        {
            Store.Ingest(issue);
        }

        Resolver = new CitationResolver(Store);
    }

    public SqliteGazetteStore Store { get; }

    public CitationResolver Resolver { get; }

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
