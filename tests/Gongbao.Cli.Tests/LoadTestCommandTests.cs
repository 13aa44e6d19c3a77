using System.Text.Json;

using Gongbao.Application;
using Gongbao.Cli.Load;
using Gongbao.Parsing;
using Gongbao.Search;
using Gongbao.Storage;
using Gongbao.Web;

namespace Gongbao.Cli.Tests;

/// <summary><c>gongbao loadtest</c> against a real Kestrel server on loopback over the sample gazettes, bounded to a few seconds.</summary>
public sealed class LoadTestCommandTests : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private LoadReport ReadReport(string path) => JsonSerializer.Deserialize<LoadReport>(File.ReadAllText(path), Json)!;

    [Fact]
    public void A_bounded_load_test_on_the_samples_has_no_errors_and_the_fixed_mix()
    {
        Assert.Equal(0, _cli.Run("ingest", SampleGazettes.Locate()).ExitCode);
        var json = Path.Combine(_cli.Root, "load.json");

        var run = _cli.Run("loadtest", "--duration", "20s", "--requests", "300", "--concurrency", "4", "--json", json);
        Assert.True(run.ExitCode == 0, run.Out + run.Err);
        Assert.Contains("Throughput", run.Out);
        Assert.Contains("errors 0", run.Out);
        var report = ReadReport(json);

        Assert.Equal(0, report.Errors);
        Assert.Empty(report.ErrorCauses);
        Assert.Equal(4, report.Concurrency);
        Assert.StartsWith("http://127.0.0.1:", report.Target);
        Assert.Equal("requests", report.StoppedBy);
        Assert.Equal(300, report.Requests);
        Assert.InRange(report.DurationSeconds, 0.01, 20.5);
        Assert.Equal(report.Requests / report.DurationSeconds, report.RequestsPerSecond, 6);

        // Per ten requests: three document searches, two provision searches, two documents, two provisions, one citation.
        var byKind = report.Kinds.ToDictionary(k => k.Kind, k => k.Requests);
        Assert.Equal(new Dictionary<string, int>
        {
            ["SearchDocuments"] = 90,
            ["Document"] = 60,
            ["SearchProvisions"] = 60,
            ["Provision"] = 60,
            ["Cite"] = 30,
        }, byKind);
        Assert.Equal(report.Requests, report.Kinds.Sum(k => k.Requests));
        foreach (var k in report.Kinds.Append(report.Total))
        {
            Assert.True(k.P50Ms > 0 && k.P50Ms <= k.P95Ms && k.P95Ms <= k.P99Ms && k.P99Ms <= k.MaxMs, $"{k.Kind}: {k}");
            Assert.True(k.MaxMs < 10_000, $"{k.Kind} slower than the request timeout: {k.MaxMs} ms");
        }

        // The samples give every kind several distinct targets: 12 documents spread over the 4 sources, 10 queries per level.
        Assert.Equal(12, report.Targets["Document"]);
        Assert.Equal(10, report.Targets["SearchDocuments"]);
        Assert.True(report.Targets["Cite"] >= 3, $"{report.Targets["Cite"]} citations");
        Assert.True(report.Targets["Provision"] >= 24, $"{report.Targets["Provision"]} provisions");
    }

    [Fact]
    public async Task Rate_limited_responses_count_as_errors_and_fail_the_run()
    {
        Assert.Equal(0, _cli.Run("ingest", SampleGazettes.Locate()).ExitCode);
        const int permits = 120;
        using var store = SqliteGazetteStore.OpenDirectory(_cli.DataDirectory);
        using var index = GazetteIndex.InMemory();
        var services = new GongbaoServices(store, index);
        services.SynchronizeIndex();
        var app = GongbaoWebApp.Build(services, "http://127.0.0.1:0", quiet: true, configureOptions: o =>
        {
            o.RateLimitPermits = permits;
            o.RateLimitWindowSeconds = 300;
        });
        await app.StartAsync();
        try
        {
            var json = Path.Combine(_cli.Root, "limited.json");
            var run = await Task.Run(() => _cli.Run("loadtest", "--url", app.Urls.First(), "--requests", "200", "--concurrency", "2", "--json", json));
            Assert.Equal(1, run.ExitCode);
            var report = ReadReport(json);
            var allowed = permits - report.DiscoveryRequests;
            Assert.Equal(200, report.Requests);
            Assert.Equal(200 - allowed, report.Errors);
            Assert.Equal(new Dictionary<string, int> { ["429"] = 200 - allowed }, report.ErrorCauses);
            Assert.Contains($"errors {200 - allowed} (429: {200 - allowed})", run.Out);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public void Bad_options_and_an_empty_store_are_refused()
    {
        var badDuration = _cli.Run("loadtest", "--duration", "soon");
        Assert.Equal(2, badDuration.ExitCode);
        Assert.Equal("gongbao: --duration: 'soon' is not a duration such as 30s, 2m or 500ms", badDuration.Err.Trim());

        var badConcurrency = _cli.Run("loadtest", "--concurrency", "0");
        Assert.Equal(2, badConcurrency.ExitCode);
        Assert.Equal("gongbao: --concurrency must be at least 1", badConcurrency.Err.Trim());

        var empty = _cli.Run("loadtest", "--requests", "10");
        Assert.Equal(3, empty.ExitCode);
        Assert.Equal($"gongbao: the store in {Path.Combine(_cli.DataDirectory, "gongbao.db")} is empty: run 'gongbao demo' or 'gongbao ingest <files>' first", empty.Err.Trim());
    }

    [Fact]
    public void Durations_and_percentiles()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), Commands.LoadTestCommand.ParseDuration("30s", "--duration"));
        Assert.Equal(TimeSpan.FromMinutes(2), Commands.LoadTestCommand.ParseDuration("2m", "--duration"));
        Assert.Equal(TimeSpan.FromMilliseconds(500), Commands.LoadTestCommand.ParseDuration("500ms", "--duration"));
        Assert.Equal(TimeSpan.FromSeconds(7.5), Commands.LoadTestCommand.ParseDuration("7.5", "--duration"));
        double[] sorted = [.. Enumerable.Range(1, 100).Select(i => (double)i)];
        Assert.Equal(50, LoadRunner.Percentile(sorted, 50));
        Assert.Equal(99, LoadRunner.Percentile(sorted, 99));
        Assert.Equal(100, LoadRunner.Percentile(sorted, 100));
        Assert.Equal(7, LoadRunner.Percentile([7], 99));
    }
}
