using System.CommandLine;
using System.Globalization;
using System.Text.Json;

using Gongbao.Cli.Load;
using Gongbao.Web;

using Microsoft.AspNetCore.Builder;

using Spectre.Console;

namespace Gongbao.Cli.Commands;

/// <summary>
/// <c>gongbao loadtest</c>: sustained search, document, provision and citation requests against <c>serve</c>
/// (started in-process on a free loopback port over the store in <c>--data</c>, or a running server given
/// with <c>--url</c>), bounded in count and time; reports throughput, latency percentiles and errors.
/// </summary>
public static class LoadTestCommand
{
    public static Command Create(CliContext context)
    {
        var url = new Option<string?>("--url")
        {
            Description = "Base address of a running server (its rate limit must allow the load: e.g. GONGBAO__RATELIMITEXEMPTLOOPBACK=true); " +
                "default: start serve in-process on 127.0.0.1 over --data, exempting loopback from the rate limit",
        };
        var duration = new Option<string>("--duration") { Description = "Stop after this long (30s, 2m, or seconds)", DefaultValueFactory = _ => "10s" };
        var requests = new Option<int>("--requests") { Description = "Stop after this many requests", DefaultValueFactory = _ => 5000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Simultaneous clients, each waiting for its response", DefaultValueFactory = _ => 8 };
        var timeout = new Option<string>("--timeout") { Description = "A request slower than this counts as an error", DefaultValueFactory = _ => "10s" };
        var json = new Option<string?>("--json") { Description = "Also write the report as JSON to this file" };
        var command = new Command("loadtest", "Load-test the HTTP API on loopback: throughput, p50/p95/p99 latency per request kind, errors (exit 1 if any)")
        {
            url, duration, requests, concurrency, timeout, json,
        };
        command.SetAction(parseResult =>
        {
            var options = new LoadOptions
            {
                Concurrency = Positive(parseResult.GetValue(concurrency), "--concurrency"),
                Requests = Positive(parseResult.GetValue(requests), "--requests"),
                Duration = ParseDuration(parseResult.GetValue(duration)!, "--duration"),
                RequestTimeout = ParseDuration(parseResult.GetValue(timeout)!, "--timeout"),
            };

            var report = parseResult.GetValue(url) is { Length: > 0 } target
                ? Run(new Uri(target.TrimEnd('/') + "/"), options)
                : RunInProcess(context, parseResult, options);
            Print(context, report);
            if (parseResult.GetValue(json) is { Length: > 0 } path)
            {
                File.WriteAllText(path, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
            }

            return report.Errors == 0 ? ExitCodes.Success : ExitCodes.InputFailed;
        });
        return command;
    }

    private static LoadReport RunInProcess(CliContext context, ParseResult parseResult, LoadOptions options)
    {
        using var services = SearchServices.OpenReadOnly(context, parseResult);
        if (services.Store.Counts().Sources == 0)
        {
            throw new CliException(ExitCodes.NotFound, $"the store in {CliContext.Describe(services.Store)} is empty: run 'gongbao demo' or 'gongbao ingest <files>' first");
        }

        // The same application serve runs, with its limits; only loopback (this client) skips the rate limiter.
        var app = GongbaoWebApp.Build(services.Services, "http://127.0.0.1:0", quiet: true, configureOptions: o => o.RateLimitExemptLoopback = true);
        app.StartAsync().GetAwaiter().GetResult();
        try
        {
            return Run(new Uri(app.Urls.First().TrimEnd('/') + "/"), options);
        }
        finally
        {
            app.StopAsync().GetAwaiter().GetResult();
            ((IDisposable)app).Dispose();
        }
    }

    private static LoadReport Run(Uri target, LoadOptions options)
    {
        try
        {
            return LoadRunner.Run(target, options).GetAwaiter().GetResult();
        }
        catch (LoadTestException ex)
        {
            throw new CliException(ExitCodes.StoreError, ex.Message);
        }
    }

    private static int Positive(int value, string name) =>
        value >= 1 ? value : throw new CliException(ExitCodes.Usage, $"{name} must be at least 1");

    /// <summary>30s, 2m, 500ms or plain seconds.</summary>
    public static TimeSpan ParseDuration(string text, string name)
    {
        var t = text.Trim().ToLowerInvariant();
        var (number, scale) = t.EndsWith("ms", StringComparison.Ordinal) ? (t[..^2], 0.001)
            : t.EndsWith('s') ? (t[..^1], 1.0)
            : t.EndsWith('m') ? (t[..^1], 60.0)
            : (t, 1.0);
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0 || value * scale > 24 * 3600)
        {
            throw new CliException(ExitCodes.Usage, $"{name}: '{text}' is not a duration such as 30s, 2m or 500ms");
        }

        return TimeSpan.FromSeconds(value * scale);
    }

    private static void Print(CliContext context, LoadReport report)
    {
        static string F(double v, string format = "0.0") => v.ToString(format, CultureInfo.InvariantCulture);
        var table = new Table
        {
            Title = new TableTitle($"{report.Requests} requests in {F(report.DurationSeconds, "0.0")} s, {report.Concurrency} clients → {Markup.Escape(report.Target)}"),
        }.AddColumns("Kind", "Requests", "Errors", "req/s", "mean ms", "p50 ms", "p95 ms", "p99 ms", "max ms");
        foreach (var k in report.Kinds.Append(report.Total))
        {
            table.AddRow(k.Kind == "Total" ? "[bold]Total[/]" : k.Kind, k.Requests.ToString(CultureInfo.InvariantCulture),
                k.Errors == 0 ? "0" : $"[red]{k.Errors}[/]", F(k.RequestsPerSecond), F(k.MeanMs, "0.00"), F(k.P50Ms, "0.00"), F(k.P95Ms, "0.00"),
                F(k.P99Ms, "0.00"), F(k.MaxMs, "0.00"));
        }

        context.Console.Write(table);
        var load = report.LoadAverageBefore is { } b && report.LoadAverageAfter is { } a ? $"; load average {F(b, "0.00")} → {F(a, "0.00")}" : "";
        context.Console.MarkupLine($"Throughput [bold]{F(report.RequestsPerSecond)}[/] req/s, errors [bold]{report.Errors}[/]" +
            (report.Errors > 0 ? $" ({Markup.Escape(string.Join(", ", report.ErrorCauses.Select(e => $"{e.Key}: {e.Value}")))})" : "") +
            $"; stopped by {report.StoppedBy}; {report.ProcessorCount} CPUs{load}");
        context.Console.MarkupLine($"Targets: {string.Join(", ", report.Targets.Select(t => $"{t.Value} {t.Key}"))} (found and checked with {report.DiscoveryRequests} requests before measuring)");
    }
}
