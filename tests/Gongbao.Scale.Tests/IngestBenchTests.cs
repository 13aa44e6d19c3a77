using Gongbao.Application;
using Gongbao.Corpus.Benchmarking;
using Gongbao.Search;
using Gongbao.Storage;

namespace Gongbao.Scale.Tests;

/// <summary>`bench ingest` times what `gongbao ingest` does: files in, one store transaction each, one index commit, store and index agreeing.</summary>
public sealed class IngestBenchTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gongbao-ingestbench-test-").FullName;

    [Fact]
    public void A_small_run_ingests_every_file_through_the_ingest_service_and_leaves_store_and_index_in_agreement()
    {
        var report = new IngestBenchmark(new IngestBenchOptions { Issues = 6, KeepIn = _folder }).Run();

        Assert.Equal((6, 6, 0), (report.Issues, report.Stored, report.Failed));
        Assert.True(report.Documents >= 6 && report.TextBytes > 100_000);
        Assert.True(report.ParseSeconds > 0 && report.StoreSeconds > 0 && report.IndexAddSeconds > 0 && report.IndexCommitSeconds > 0);
        // Reading and parsing run on their own thread beside storing and indexing, so only what runs in sequence adds
        // up within the total: the index adds, then the one commit after the last of them.
        Assert.True(report.IndexAddSeconds + report.IndexCommitSeconds < report.TotalSeconds);
        Assert.True(report.ParseSeconds < report.TotalSeconds && report.StoreSeconds < report.TotalSeconds);
        Assert.True(report.StoreBytes > report.TextBytes / 2 && report.IndexBytes > report.TextBytes / 10);
        Assert.Equal(6, Directory.GetFiles(Path.Combine(_folder, "gazettes"), "*.txt").Length);

        // One index commit after the empty one of a new index, and the data folder is what `gongbao ingest` leaves: store and index agree by content.
        var data = Path.Combine(_folder, "data");
        Assert.Equal(["segments_2"], Directory.GetFiles(Path.Combine(data, "index"), "segments_*").Select(Path.GetFileName));
        using var store = SqliteGazetteStore.OpenDirectory(data);
        using var index = GazetteIndex.OpenWritable(Path.Combine(data, "index"));
        var services = new GongbaoServices(store, index);
        Assert.Equal(6, store.SourceStates().Count);
        Assert.Empty(services.Disagreements());
        Assert.Equal(0, services.ReconcileIndex().Stale);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
