using System.Diagnostics;
using Gongbao.Domain;
using Gongbao.Parsing;
using Gongbao.Storage;
using Xunit.Abstractions;

namespace Gongbao.Cli.Tests;

/// <summary>
/// Ingest throughput on the three sample issues (median of 7 runs, each into a fresh store), parse + store
/// and store alone. The bound is loose (a regression to quadratic work would break it); the numbers are printed.
/// </summary>
public sealed class IngestThroughputTests(ITestOutputHelper output)
{
    private static readonly string[] Issues = ["2021-40.txt", "2024-31.txt", "2025-12.txt"];

    [Fact]
    public void Three_sample_issues_ingest_well_above_one_issue_per_second()
    {
        var files = Issues.Select(SampleGazettes.File).ToArray();
        var parsed = files.Select(f => new GazetteParser().ParseFile(f)).ToArray();

        var endToEnd = Median(7, store =>
        {
            foreach (var file in files)
            {
                store.Ingest(new GazetteParser().ParseFile(file));
            }
        });
        var storeOnly = Median(7, store =>
        {
            foreach (var issue in parsed)
            {
                store.Ingest(issue);
            }
        });

        var provisions = parsed.Sum(i => i.Documents.Sum(CountProvisions));
        output.WriteLine($"parse+store: median {endToEnd.TotalMilliseconds:F1} ms for 3 issues = {3 / endToEnd.TotalSeconds:F1} issues/s");
        output.WriteLine($"store only:  median {storeOnly.TotalMilliseconds:F1} ms for 3 issues ({provisions} provisions) = {3 / storeOnly.TotalSeconds:F1} issues/s, {provisions / storeOnly.TotalSeconds:F0} provisions/s");
        Assert.True(endToEnd < TimeSpan.FromSeconds(3), $"3 issues took {endToEnd}");
    }

    private static TimeSpan Median(int runs, Action<IGazetteStore> ingest)
    {
        var times = new List<TimeSpan>();
        for (var run = 0; run < runs + 1; run++)
        {
            var dir = Path.Combine(Path.GetTempPath(), "gongbao-bench-" + Guid.NewGuid().ToString("N"));
            try
            {
                using var store = SqliteGazetteStore.OpenDirectory(dir);
                var watch = Stopwatch.StartNew();
                ingest(store);
                if (run > 0)
                {
                    times.Add(watch.Elapsed); // run 0 warms up the JIT
                }
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static int CountProvisions(GazetteDocument d) => d.AllProvisions().Count() + d.Instruments.Sum(CountProvisions);
}
