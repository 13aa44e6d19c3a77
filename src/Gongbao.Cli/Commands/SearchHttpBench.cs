using System.Diagnostics;
using System.Globalization;

using Gongbao.Application;
using Gongbao.Corpus.Benchmarking;
using Gongbao.Search;
using Gongbao.Storage;
using Gongbao.Web;

namespace Gongbao.Cli.Commands;

/// <summary>One query of the set over HTTP against the same query in-process, on the same index in the same run.</summary>
public sealed record HttpQueryLatency(string Query, SearchLevel Level, int Total, double HttpP50Ms, double HttpP99Ms, double InProcessP50Ms, double InProcessP99Ms);

public sealed record SearchHttpReport(TimeSpan FollowInterval, int Repetitions, double HttpP50Ms, double HttpP99Ms, double InProcessP50Ms, double InProcessP99Ms, IReadOnlyList<HttpQueryLatency> Queries);

/// <summary>
/// <c>bench search --http</c>: the fixed query set through <c>GET /api/search</c> of the application <c>serve</c> runs
/// (Kestrel in-process on a loopback port, its limits, loopback exempt from the rate limit), over the kept synthetic
/// store and merged index, after the server's start-up warm-up (the relation graph), one client waiting for each
/// response (body read in full; the server's once-a-second look at the store included); and the same requests in-process,
/// interleaved with the HTTP ones, so the difference is what HTTP adds under the same load.
/// </summary>
public static class SearchHttpBench
{
    /// <param name="followInterval">How often the server looks at the store for other processes' ingests (serve: every second).</param>
    public static SearchHttpReport Run(string storeFolder, string indexFolder, int repetitions, double warmUpSeconds, TimeSpan followInterval)
    {
        using var store = SqliteGazetteStore.OpenDirectoryReadOnly(storeFolder);
        using var index = GazetteIndex.Open(indexFolder);
        var services = new GongbaoServices(store, index) { FollowInterval = followInterval };
        var app = GongbaoWebApp.Build(services, "http://127.0.0.1:0", quiet: true, configureOptions: o => o.RateLimitExemptLoopback = true);
        app.StartAsync().GetAwaiter().GetResult();
        try
        {
            // The server builds the relation graph in the background when it starts: time the steady state after it.
            services.WarmUp().Wait(TimeSpan.FromMinutes(10));
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/") };
            var set = SearchBenchmark.QuerySet;
            var http = set.Select(_ => new List<double>()).ToList();
            var local = set.Select(_ => new List<double>()).ToList();
            var totals = new int[set.Count];
            var clock = Stopwatch.StartNew();
            for (var pass = 0; pass < 3 || clock.Elapsed.TotalSeconds < warmUpSeconds; pass++)
            {
                foreach (var (_, request) in set)
                {
                    Get(client, request);
                    index.Search(request);
                }
            }

            for (var r = 0; r < repetitions; r++)
            {
                for (var q = 0; q < set.Count; q++)
                {
                    var request = set[q].Request;
                    clock.Restart();
                    Get(client, request);
                    http[q].Add(clock.Elapsed.TotalMilliseconds);
                    clock.Restart();
                    totals[q] = index.Search(request).Total;
                    local[q].Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            var queries = set.Select((item, q) =>
            {
                var (h, l) = (http[q].Order().ToList(), local[q].Order().ToList());
                return new HttpQueryLatency(item.Request.Query, item.Request.Level, totals[q], ScaleBenchmark.Percentile(h, 0.5), ScaleBenchmark.Percentile(h, 0.99),
                    ScaleBenchmark.Percentile(l, 0.5), ScaleBenchmark.Percentile(l, 0.99));
            }).ToList();
            var (allHttp, allLocal) = (http.SelectMany(t => t).Order().ToList(), local.SelectMany(t => t).Order().ToList());
            return new SearchHttpReport(followInterval, repetitions, ScaleBenchmark.Percentile(allHttp, 0.5), ScaleBenchmark.Percentile(allHttp, 0.99),
                ScaleBenchmark.Percentile(allLocal, 0.5), ScaleBenchmark.Percentile(allLocal, 0.99), queries);
        }
        finally
        {
            app.StopAsync().GetAwaiter().GetResult();
            ((IDisposable)app).Dispose();
        }
    }

    private static void Get(HttpClient client, SearchRequest request)
    {
        var query = new List<string>
        {
            "q=" + Uri.EscapeDataString(request.Query),
            "level=" + (request.Level == SearchLevel.Provision ? "provision" : "document"),
            "page=" + request.Page.ToString(CultureInfo.InvariantCulture),
            "pageSize=" + request.PageSize.ToString(CultureInfo.InvariantCulture),
        };
        if (request.IssueYear is { } year)
        {
            query.Add("issueYear=" + year.ToString(CultureInfo.InvariantCulture));
        }

        if (request.Kind is { } kind)
        {
            query.Add("kind=" + Uri.EscapeDataString(kind));
        }

        using var response = client.GetAsync("api/search?" + string.Join('&', query)).GetAwaiter().GetResult();
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /api/search for '{request.Query}': {(int)response.StatusCode} {body}");
        }
    }
}
