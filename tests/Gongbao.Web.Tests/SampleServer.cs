using Gongbao.Domain;
using Gongbao.Parsing;
using Gongbao.Search;
using Gongbao.Storage;

namespace Gongbao.Web.Tests;

/// <summary>The samples in a temporary SQLite store with an in-memory index: the services a server shares.</summary>
public sealed class SampleServices : IDisposable
{
    public static readonly string[] AllFiles = ["2021-40.txt", "2024-31.txt", "2025-12.txt", "standalone-jingguangdianfa-2021-93.txt"];

    // Parsed once per test run: every fixture stores the same immutable issues into its own store.
    private static readonly Dictionary<string, Lazy<GazetteIssue>> Parsed = AllFiles.ToDictionary(
        f => f, f => new Lazy<GazetteIssue>(() => new GazetteParser().ParseFile(SampleGazettes.File(f))));

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gongbao-web-" + Guid.NewGuid().ToString("N"));
    private readonly GazetteIndex _index;

    /// <param name="files">The samples to store (default: all four).</param>
    /// <param name="wrapStore">Wraps the store the services use (tests inject delays this way).</param>
    public SampleServices(IEnumerable<string>? files = null, Func<IGazetteStore, IGazetteStore>? wrapStore = null)
    {
        Store = SqliteGazetteStore.OpenDirectory(_directory);
        foreach (var f in files ?? AllFiles)
        {
            Store.Ingest(Parsed[f].Value);
        }

        _index = GazetteIndex.InMemory();
        Services = new GongbaoServices(wrapStore is null ? Store : wrapStore(Store), _index);
        Services.SynchronizeIndex();
    }

    public GongbaoServices Services { get; }

    /// <summary>The underlying store, for row counts and the content digest.</summary>
    public SqliteGazetteStore Store { get; }

    public void Dispose()
    {
        _index.Dispose();
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
