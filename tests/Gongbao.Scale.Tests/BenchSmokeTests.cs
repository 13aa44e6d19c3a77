using Gongbao.Corpus.Benchmarking;
using Gongbao.Storage.Postgres;

namespace Gongbao.Scale.Tests;

/// <summary>A tiny bench run (1×, one run, fast PostgreSQL): every phase runs and reports sane figures. The full bench is `gongbao bench`.</summary>
public sealed class BenchSmokeTests
{
    [Fact]
    public void One_run_at_scale_one_measures_every_phase()
    {
        var report = new ScaleBenchmark(new BenchOptions
        {
            Scales = [1],
            Runs = 1,
            DurablePostgres = false,
            SearchRepetitions = 2,
        }).Run();

        var s = Assert.Single(report.Scales);
        Assert.Equal(3, s.Issues);
        Assert.True(s.Documents >= 20, $"{s.Documents} documents");
        Assert.InRange(s.Megabytes, 0.2, 1.0);
        Assert.True(s.ParseMbPerSecond > 0 && s.SqliteIssuesPerSecond > 0 && s.IndexSeconds > 0);
        Assert.True(s.IndexEntries > s.Documents, "the index holds document and provision entries");
        Assert.True(s.SearchP50Ms <= s.SearchP99Ms);
        Assert.True(s.IngestMsPerIssue > 0, "the gongbao ingest path is timed too");
        Assert.True(s.PeakWorkingSetMb > 10);
        if (LocalPostgresServer.FindBinaries() is not null)
        {
            Assert.NotNull(s.PostgresIssuesPerSecond);
            Assert.Null(report.PostgresNote);
        }
    }

    [Fact]
    public void Percentiles_and_medians_use_nearest_rank_and_the_middle()
    {
        double[] sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal(5, ScaleBenchmark.Percentile(sorted, 0.50));
        Assert.Equal(10, ScaleBenchmark.Percentile(sorted, 0.99));
        Assert.Equal(2.5, ScaleBenchmark.Median([4, 1, 3, 2]));
        Assert.Equal(3, ScaleBenchmark.Median([5, 3, 1]));
    }
}
