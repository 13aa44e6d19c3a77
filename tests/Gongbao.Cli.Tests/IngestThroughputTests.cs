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

        var (endToEnd, endToEndCpu) = MedianWallAndCpu(7, store =>
        {
            foreach (var file in files)
            {
                store.Ingest(new GazetteParser().ParseFile(file));
            }
        });
        var (storeOnly, storeOnlyCpu) = MedianWallAndCpu(7, store =>
        {
            foreach (var issue in parsed)
            {
                store.Ingest(issue);
            }
        });

        var provisions = parsed.Sum(i => i.Documents.Sum(CountProvisions));
        output.WriteLine($"parse+store: median {endToEnd.TotalMilliseconds:F1} ms for 3 issues = {3 / endToEnd.TotalSeconds:F1} issues/s");
        output.WriteLine($"store only:  median {storeOnly.TotalMilliseconds:F1} ms for 3 issues ({provisions} provisions) = {3 / storeOnly.TotalSeconds:F1} issues/s, {provisions / storeOnly.TotalSeconds:F0} provisions/s");
        output.WriteLine($"process CPU: parse+store {endToEndCpu.TotalMilliseconds:F0} ms, store only {storeOnlyCpu.TotalMilliseconds:F0} ms (median)");
        Assert.True(endToEnd < TimeSpan.FromSeconds(3), $"3 issues took {endToEnd}");
    }

    /// <summary>Wall time and this thread's CPU time: on a shared, loaded machine the CPU time is the steadier figure.</summary>
    private static (TimeSpan Wall, TimeSpan Cpu) MedianWallAndCpu(int runs, Action<IGazetteStore> ingest)
    {
        var times = new List<TimeSpan>();
        var cpu = new List<TimeSpan>();
        for (var run = 0; run < runs + 1; run++)
        {
            var dir = Path.Combine(Path.GetTempPath(), "gongbao-bench-" + Guid.NewGuid().ToString("N"));
            try
            {
                using var store = SqliteGazetteStore.OpenDirectory(dir);
                var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                ingest(store);
                if (run > 0)
                {
                    times.Add(watch.Elapsed); // run 0 warms up the JIT
                    cpu.Add(Process.GetCurrentProcess().TotalProcessorTime - cpuStart);
                }
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        times.Sort();
        cpu.Sort();
        return (times[times.Count / 2], cpu[cpu.Count / 2]);
    }

    private static int CountProvisions(GazetteDocument d) => d.AllProvisions().Count() + d.Instruments.Sum(CountProvisions);
}
