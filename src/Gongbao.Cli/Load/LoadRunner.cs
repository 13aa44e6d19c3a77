using System.Diagnostics;
using System.Globalization;

namespace Gongbao.Cli.Load;

public sealed record LoadOptions
{
    public int Concurrency { get; init; } = 8;

    /// <summary>Stop after this many requests…</summary>
    public int Requests { get; init; } = 5000;

    /// <summary>…or after this long, whichever comes first.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A request slower than this counts as an error (timeout).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>Latency figures of one kind of request (or all), in milliseconds; errors are included in the latencies.</summary>
public sealed record LoadKindStats(string Kind, int Requests, int Errors, double RequestsPerSecond, double MeanMs, double P50Ms, double P95Ms, double P99Ms, double MaxMs);

public sealed record LoadReport
{
    public required string Target { get; init; }

    public required int Concurrency { get; init; }

    public required double DurationSeconds { get; init; }

    /// <summary>"requests" when the count was reached, "duration" when time ran out first.</summary>
    public required string StoppedBy { get; init; }

    public required int Requests { get; init; }

    public required int Errors { get; init; }

    public required double RequestsPerSecond { get; init; }

    public required IReadOnlyList<LoadKindStats> Kinds { get; init; }

    public required LoadKindStats Total { get; init; }

    /// <summary>Errors by cause: an HTTP status ("429") or "timeout" / "connection".</summary>
    public required IReadOnlyDictionary<string, int> ErrorCauses { get; init; }

    /// <summary>Requests made to find the targets before measuring (not counted above).</summary>
    public required int DiscoveryRequests { get; init; }

    /// <summary>How many distinct URLs of each kind the mix cycles through.</summary>
    public required IReadOnlyDictionary<string, int> Targets { get; init; }

    public required int ProcessorCount { get; init; }

    /// <summary>The 1-minute load average before and after the run (Linux), to judge how busy the machine was.</summary>
    public double? LoadAverageBefore { get; init; }

    public double? LoadAverageAfter { get; init; }
}

/// <summary>
/// Runs a bounded load test: <see cref="LoadOptions.Concurrency"/> clients issue requests in a fixed mix
/// (per ten: three document searches, two provision searches, two documents, two provisions, one citation),
/// until the request count or the duration is reached. Each client waits for its response before sending
/// the next (closed loop), so throughput is what the server sustains at that concurrency.
/// </summary>
public static class LoadRunner
{
    private static readonly LoadKind[] Mix =
    [
        LoadKind.SearchDocuments, LoadKind.Document, LoadKind.SearchProvisions, LoadKind.Provision, LoadKind.SearchDocuments,
        LoadKind.Cite, LoadKind.SearchProvisions, LoadKind.Document, LoadKind.SearchDocuments, LoadKind.Provision,
    ];

    private readonly record struct Sample(LoadKind Kind, double Milliseconds, string? Error);

    public static async Task<LoadReport> Run(Uri baseAddress, LoadOptions options, CancellationToken cancellation = default)
    {
        if (options.Concurrency < 1 || options.Requests < 1 || options.Duration <= TimeSpan.Zero)
        {
            throw new ArgumentException("concurrency, requests and duration must be positive");
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        LoadTargets targets;
        try
        {
            targets = await LoadTargets.Discover(client, cancellation);
        }
        catch (HttpRequestException ex)
        {
            throw new LoadTestException($"cannot reach {baseAddress}: {ex.Message}");
        }

        var before = LoadAverage();
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            var samples = new List<Sample>(options.Requests / options.Concurrency + 16);
            while (!cancellation.IsCancellationRequested && clock.Elapsed < options.Duration)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= options.Requests)
                {
                    break;
                }

                var kind = Mix[i % Mix.Length];
                var list = targets.Urls[kind];
                var url = list[i / Mix.Length % list.Count];
                samples.Add(await Request(client, kind, url, options.RequestTimeout, cancellation));
            }

            return samples;
        }, cancellation)).ToList();
        var all = (await Task.WhenAll(workers)).SelectMany(s => s).ToList();
        var elapsed = clock.Elapsed.TotalSeconds;
        var after = LoadAverage();

        var kinds = Mix.Distinct().Select(k => Stats(k.ToString(), all.Where(s => s.Kind == k).ToList(), elapsed)).ToList();
        var total = Stats("Total", all, elapsed);
        return new LoadReport
        {
            Target = baseAddress.ToString(),
            Concurrency = options.Concurrency,
            DurationSeconds = elapsed,
            StoppedBy = all.Count >= options.Requests ? "requests" : "duration",
            Requests = all.Count,
            Errors = total.Errors,
            RequestsPerSecond = total.RequestsPerSecond,
            Kinds = kinds,
            Total = total,
            ErrorCauses = all.Where(s => s.Error is not null).GroupBy(s => s.Error!).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count()),
            DiscoveryRequests = targets.DiscoveryRequests,
            Targets = targets.Urls.ToDictionary(t => t.Key.ToString(), t => t.Value.Count),
            ProcessorCount = Environment.ProcessorCount,
            LoadAverageBefore = before,
            LoadAverageAfter = after,
        };
    }

    private static async Task<Sample> Request(HttpClient client, LoadKind kind, string url, TimeSpan timeout, CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        string? error;
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead, deadline.Token);
            error = response.IsSuccessStatusCode ? null : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            error = "timeout";
        }
        catch (HttpRequestException)
        {
            error = "connection";
        }

        return new Sample(kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds, error);
    }

    private static LoadKindStats Stats(string kind, List<Sample> samples, double seconds)
    {
        if (samples.Count == 0)
        {
            return new LoadKindStats(kind, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        var ms = samples.Select(s => s.Milliseconds).Order().ToArray();
        return new LoadKindStats(kind, samples.Count, samples.Count(s => s.Error is not null), samples.Count / seconds, ms.Average(),
            Percentile(ms, 50), Percentile(ms, 95), Percentile(ms, 99), ms[^1]);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double percent)
    {
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static double? LoadAverage()
    {
        try
        {
            var text = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg") : null;
            return text is null ? null : double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
