using System.Diagnostics;
using System.Net;
using System.Text;

using Gongbao.Application;
using Gongbao.Citations;
using Gongbao.Search;
using Gongbao.Storage;
using Gongbao.Web;

using Microsoft.AspNetCore.Builder;

using Xunit.Abstractions;

namespace Gongbao.Cli.Tests;

[CollectionDefinition(nameof(BoundedWorkTests), DisableParallelization = true)]
public sealed class BoundedWorkCollection;

/// <summary>
/// Issue 10, bounded work: a timed-out or aborted diff really stops (the Myers loop checks the request's token),
/// and memory comes back after a burst of concurrent large diffs and searches. Runs alone: it measures the process.
/// </summary>
[Collection(nameof(BoundedWorkTests))]
public sealed class BoundedWorkTests(ITestOutputHelper output) : IDisposable
{
    private const int Long = 150_000;
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>Prose-like filler from characters that cannot form structure (no 第…条, no headings, no newlines).</summary>
    private static string Filler(int seed, int length)
    {
        const string pool = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学所民得经之进着等部度家电力里如水化高自理起小物现实加量都两体机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气向道命此变只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据";
        var random = new Random(seed);
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            sb.Append(i % 97 == 96 ? '。' : i % 23 == 22 ? '，' : pool[random.Next(pool.Length)]);
        }

        return sb.ToString();
    }

    private static string Edited(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 1; i <= 20; i++)
        {
            chars[i * (chars.Length / 21)] = '变';
        }

        return new string(chars);
    }

    [Fact]
    public void A_cancelled_diff_stops_inside_the_algorithm()
    {
        var a = Filler(1, Long);
        var b = Filler(2, Long);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(() => TextDiff.Compute(a, b, timeout: TimeSpan.FromMinutes(5), cancellation: cancel.Token));

        output.WriteLine($"cancelled after {clock.ElapsedMilliseconds} ms (two unrelated {Long:N0}-character texts, no deadline for 5 min)");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed} to stop");
    }

    [Fact]
    public async Task A_diff_over_the_request_time_limit_is_504_on_time_and_frees_its_slot()
    {
        var (services, server) = await Serve(o =>
        {
            o.RequestTimeoutSeconds = 1;
            o.MaxConcurrentExpensive = 1;
        });
        using var __ = services;
        await using var _ = server;

        // The server's first request pays for starting up (JIT of the pipeline, the first look at the store); that is
        // not what this measures, so it is spent on a cheap request before the clock starts.
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/issues")).StatusCode);
        var clock = Stopwatch.StartNew();

        var slow = await server.Client.GetAsync($"/api/documents/jinshuifa-{MadeUpGazette.Year}-900/diff/tianjin-{MadeUpGazette.Year}-2?source=tianjin-{MadeUpGazette.Year}-1");
        var answered = clock.Elapsed;
        // With one slot, a comparison still running would keep the next request waiting (2 s) and then refuse it (503).
        var next = await server.Client.GetAsync($"/api/documents/jinshuifa-{MadeUpGazette.Year}-900/diff/tianjin-{MadeUpGazette.Year}-4?source=tianjin-{MadeUpGazette.Year}-3");

        output.WriteLine($"unrelated {Long:N0}-character witnesses, 1 s limit: {(int)slow.StatusCode} after {answered.TotalMilliseconds:F0} ms; next diff {(int)next.StatusCode}");
        Assert.Equal(HttpStatusCode.GatewayTimeout, slow.StatusCode);
        Assert.True(answered < TimeSpan.FromSeconds(3), $"the 504 came after {answered}");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Memory_comes_back_after_a_burst_of_16_large_diffs_and_16_searches()
    {
        var (services, server) = await Serve(o => o.MaxConcurrentExpensive = 16);
        using var __ = services;
        await using var _ = server;
        var diff = $"/api/documents/jinshuifa-{MadeUpGazette.Year}-900/diff/tianjin-{MadeUpGazette.Year}-5?source=tianjin-{MadeUpGazette.Year}-1";
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync(diff)).StatusCode);
        var (managedBefore, rssBefore) = Settle();

        long peakRss = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                using var self = Process.GetCurrentProcess();
                peakRss = Math.Max(peakRss, self.WorkingSet64);
                await Task.Delay(20);
            }
        });
        var clock = Stopwatch.StartNew();
        var requests = Enumerable.Range(0, 16).Select(_ => server.Client.GetAsync(diff))
            .Concat(Enumerable.Range(0, 16).Select(i => server.Client.GetAsync($"/api/search?q={Uri.EscapeDataString("补助资金")}&level=provision&pageSize=100&page={i % 2 + 1}")))
            .ToList();
        var responses = await Task.WhenAll(requests);
        var burst = clock.Elapsed;
        await sampling.CancelAsync();
        await sampler;
        var managedPeak = GC.GetGCMemoryInfo().HeapSizeBytes;
        var statuses = responses.GroupBy(r => (int)r.StatusCode).ToDictionary(g => g.Key, g => g.Count());
        foreach (var r in responses)
        {
            r.Dispose();
        }

        var (managedAfter, rssAfter) = Settle();
        output.WriteLine($"16 diffs of {Long:N0}-character witnesses + 16 searches in {burst.TotalSeconds:F1} s " +
            $"({string.Join(", ", statuses.Select(s => $"{s.Key} × {s.Value}"))}); managed heap {Mb(managedBefore)} → peak ≥ {Mb(managedPeak)} → {Mb(managedAfter)} MB; " +
            $"working set {Mb(rssBefore)} → peak {Mb(peakRss)} → {Mb(rssAfter)} MB");
        Assert.Equal(32, statuses.GetValueOrDefault(200));
        Assert.True(managedAfter < managedBefore + (32L << 20), $"managed heap {Mb(managedBefore)} MB before, {Mb(managedAfter)} MB after the burst");
        Assert.True(rssAfter < rssBefore + (256L << 20), $"working set {Mb(rssBefore)} MB before, {Mb(rssAfter)} MB after the burst");
    }

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024)).ToString("F0", System.Globalization.CultureInfo.InvariantCulture);

    private static (long Managed, long Rss) Settle()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var self = Process.GetCurrentProcess();
        return (GC.GetGCMemoryInfo().HeapSizeBytes, self.WorkingSet64);
    }

    /// <summary>
    /// Five witnesses of one made-up measures document (津水发〔2031〕900号): issues 1 and 2 with unrelated long
    /// fillers, 3 and 4 short, 5 the filler of 1 with twenty edits; served on a loopback Kestrel port.
    /// </summary>
    private async Task<(IDisposable Services, RunningServer Server)> Serve(Action<ServerOptions> configure)
    {
        var filler = Filler(1, Long);
        var issues = new[]
        {
            new MadeUpGazette(1) { MeasuresNumber = 900, Padding = filler },
            new MadeUpGazette(2) { MeasuresNumber = 900, Padding = Filler(2, Long) },
            new MadeUpGazette(3) { MeasuresNumber = 900 },
            new MadeUpGazette(4) { MeasuresNumber = 900, Padding = "补助资金按季度拨付。" },
            new MadeUpGazette(5) { MeasuresNumber = 900, Padding = Edited(filler) },
        };
        var ingest = _cli.Run(["ingest", .. issues.Select(i => _cli.Input(i.FileName, i.Bytes))]);
        Assert.True(ingest.ExitCode == 0, ingest.Err);
        var store = SqliteGazetteStore.OpenDirectoryReadOnly(_cli.DataDirectory);
        var index = GazetteIndex.TryOpenReadOnly(Path.Combine(_cli.DataDirectory, "index"), out var problem) ?? throw new InvalidOperationException(problem);
        Assert.Equal(5, store.FindDocument($"jinshuifa-{MadeUpGazette.Year}-900").Count);
        var services = new GongbaoServices(store, index);
        var app = GongbaoWebApp.Build(services, "http://127.0.0.1:0", quiet: true, configureOptions: o =>
        {
            o.RateLimitPermits = 0;
            configure(o);
        });
        await app.StartAsync();
        return (new Both(store, index), new RunningServer(app));
    }

    private sealed class Both(IDisposable store, IDisposable index) : IDisposable
    {
        public void Dispose()
        {
            index.Dispose();
            store.Dispose();
        }
    }

    private sealed class RunningServer(WebApplication app) : IAsyncDisposable
    {
        public HttpClient Client { get; } = new() { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(120) };

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
