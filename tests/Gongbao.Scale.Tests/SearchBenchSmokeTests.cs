using Gongbao.Corpus.Benchmarking;
using Gongbao.Search;

namespace Gongbao.Scale.Tests;

/// <summary>A small `bench search` run: both corpora are built, sized and queried, and the figures hang together.</summary>
public sealed class SearchBenchSmokeTests
{
    [Fact]
    public void A_small_run_measures_build_size_and_latency_for_both_corpora()
    {
        var report = new SearchBenchmark(new SearchBenchOptions { Issues = 12, Runs = 1, Repetitions = 2, IncrementalIssues = 2 }).Run();

        var samples = report.Samples;
        Assert.Equal(4, samples.Sources);
        Assert.Equal(30, samples.Documents);
        Assert.Null(samples.IncrementalMsPerIssue);

        var synthetic = report.Synthetic;
        Assert.Equal(12, synthetic.Sources);
        Assert.NotNull(synthetic.IncrementalMsPerIssue);
        Assert.True(synthetic.TextBytes > 3 * samples.TextBytes, "12 generated issues hold more text than the 3 sample issues");

        foreach (var c in new[] { samples, synthetic })
        {
            Assert.True(c.IndexBuildSeconds > 0);
            Assert.True(c.IndexEntries > c.Documents, "document and provision entries");
            Assert.InRange(c.IndexToTextRatio, 0.5, 10);
            Assert.InRange(c.OptimizedIndexToTextRatio, 0.5, 10);
            Assert.Equal(SearchBenchmark.QuerySet.Count * 2, c.Searches);
            Assert.True(c.SearchP50Ms <= c.SearchP95Ms && c.SearchP95Ms <= c.SearchP99Ms && c.SearchP99Ms <= c.SearchMaxMs);
            Assert.Equal(SearchBenchmark.QuerySet.Count, c.Queries.Count);
            Assert.True(c.MergedSearchP50Ms > 0 && c.MergedSearchP50Ms <= c.MergedSearchP99Ms);

            // Per level, as built and merged: documents and provisions add up to all, percentiles in order.
            Assert.Equal(c.Queries.Select(q => q.Total), c.MergedQueries.Select(q => q.Total));
            foreach (var index in new[] { "as built", "merged" })
            {
                var levels = c.Levels.Where(l => l.Index == index).ToList();
                Assert.Equal(new SearchLevel?[] { SearchLevel.Document, SearchLevel.Provision, null }, levels.Select(l => l.Level));
                Assert.Equal(c.Searches, levels[0].Searches + levels[1].Searches);
                Assert.Equal(c.Searches, levels[2].Searches);
                Assert.All(levels, l => Assert.True(l.P50Ms > 0 && l.P50Ms <= l.P95Ms && l.P95Ms <= l.P99Ms));
            }
        }

        // The fixed query set finds what the samples hold: 熔断机制 is in one article (京规自发〔2024〕122号 第十六条).
        var rare = samples.Queries.Single(q => q.Query == "熔断机制");
        Assert.Equal((1, SearchLevel.Provision), (rare.Total, rare.Level));
        Assert.True(synthetic.Queries.Single(q => q.Query == "熔断机制").Total >= 1);
    }

    [Fact]
    public void A_kept_synthetic_build_is_reused_with_its_figures_and_the_fair_fts5_table()
    {
        var keep = Directory.CreateTempSubdirectory("gongbao-searchbench-keep-").FullName;
        try
        {
            var options = new SearchBenchOptions { Issues = 6, Runs = 1, Repetitions = 1, IncrementalIssues = 1, WarmUpSeconds = 0, KeepIn = keep };
            Assert.Null(SearchBenchmark.KeptBuildOf(options));
            var first = new SearchBenchmark(options).Run().Synthetic;
            var kept = SearchBenchmark.KeptBuildOf(options);
            Assert.NotNull(kept);
            Assert.True(Directory.Exists(kept.Value.MergedIndex) && Directory.Exists(kept.Value.Store));

            var second = new SearchBenchmark(options).Run().Synthetic;
            Assert.Equal((first.Sources, first.Documents, first.TextBytes, first.IndexEntries, first.IndexBuildSeconds, first.IndexBytes, first.OptimizedIndexBytes),
                (second.Sources, second.Documents, second.TextBytes, second.IndexEntries, second.IndexBuildSeconds, second.IndexBytes, second.OptimizedIndexBytes));
            Assert.Null(second.IncrementalMsPerIssue); // an incremental add would change the kept index
            Assert.Equal(first.Queries.Select(q => q.Total), second.Queries.Select(q => q.Total));

            // The baseline searches the English titles too (it held none, and found nothing for English queries).
            Assert.True(second.Fts5.Single(c => c.Query == "measures").Fts5Total > 0);
        }
        finally
        {
            Directory.Delete(keep, recursive: true);
        }
    }
}
