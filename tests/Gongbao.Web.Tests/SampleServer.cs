using Gongbao.Parsing;
using Gongbao.Search;
using Gongbao.Storage;

namespace Gongbao.Web.Tests;

/// <summary>The four samples in a temporary SQLite store with an in-memory index: the services a server shares.</summary>
public sealed class SampleServices : IDisposable
{
    private static readonly string[] Files = ["2021-40.txt", "2024-31.txt", "2025-12.txt", "standalone-jingguangdianfa-2021-93.txt"];
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gongbao-web-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteGazetteStore _store;
    private readonly GazetteIndex _index;

    public SampleServices()
    {
        _store = SqliteGazetteStore.OpenDirectory(_directory);
        var parser = new GazetteParser();
        foreach (var f in Files)
        {
            _store.Ingest(parser.ParseFile(SampleGazettes.File(f)));
        }

        _index = GazetteIndex.InMemory();
        Services = new GongbaoServices(_store, _index);
        Services.SynchronizeIndex();
    }

    public GongbaoServices Services { get; }

    public void Dispose()
    {
        _index.Dispose();
        _store.Dispose();
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
