using System.Diagnostics;

using Xunit.Abstractions;

namespace Gongbao.Parsing.Tests;

/// <summary>Parse throughput over all sample files: median of 7 runs, printed to the test output.</summary>
public class ThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public void Median_throughput_over_samples()
    {
        var files = Directory.GetFiles(SampleGazettes.Locate(), "*.txt").Select(f => (Path: f, Text: GazetteReader.Read(f))).ToList();
        var bytes = files.Sum(f => new FileInfo(f.Path).Length);
        var parser = new GazetteParser();
        foreach (var f in files)
        {
            parser.Parse(f.Text.Text, f.Path, f.Text.Sha256); // warm-up
        }

        var times = new List<double>();
        for (var run = 0; run < 7; run++)
        {
            var w = Stopwatch.StartNew();
            foreach (var f in files)
            {
                parser.Parse(f.Text.Text, f.Path, f.Text.Sha256);
            }

            times.Add(w.Elapsed.TotalSeconds);
        }

        times.Sort();
        var median = times[times.Count / 2];
        var mbps = bytes / (1024.0 * 1024.0) / median;
        output.WriteLine($"parsed {files.Count} files, {bytes:N0} bytes: median {median * 1000:F1} ms per pass, {mbps:F2} MB/s");
        Assert.True(mbps > 0.2, $"throughput {mbps:F2} MB/s");
    }
}
