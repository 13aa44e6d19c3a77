using System.CommandLine;
using System.Globalization;
using System.Text.Json;

using Gongbao.Corpus.Benchmarking;

using Spectre.Console;

namespace Gongbao.Cli.Commands;

/// <summary><c>gongbao bench</c>: parse, ingest (SQLite, PostgreSQL), index and search on generated corpora of growing size.</summary>
public static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var scales = new Option<string>("--scales") { Description = "Comma-separated scale factors (× the sample issues)", DefaultValueFactory = _ => "1,10,100" };
        var runs = new Option<int>("--runs") { Description = "Runs per scale; figures are medians", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "Corpus generator seed", DefaultValueFactory = _ => 42 };
        var noPostgres = new Option<bool>("--no-postgres") { Description = "Skip the PostgreSQL ingest measurement" };
        var json = new Option<string?>("--json") { Description = "Also write the report as JSON to this file" };
        var command = new Command("bench", "Benchmark parse, ingest (SQLite and PostgreSQL), index and search at 1×, 10×, 100× the sample corpus")
        {
            scales, runs, seed, noPostgres, json,
        };
        command.SetAction(parseResult =>
        {
            var factors = ParseScales(parseResult.GetValue(scales) ?? "");
            var runCount = parseResult.GetValue(runs);
            if (runCount < 1)
            {
                throw new CliException(ExitCodes.Usage, "--runs must be at least 1");
            }

            var report = new ScaleBenchmark(new BenchOptions
            {
                Scales = factors,
                Runs = runCount,
                Seed = parseResult.GetValue(seed),
                Postgres = !parseResult.GetValue(noPostgres),
                Progress = line => context.Error.WriteLine($"bench: {line}"),
            }).Run();
            Print(context, report);
            if (parseResult.GetValue(json) is { Length: > 0 } path)
            {
                File.WriteAllText(path, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
            }

            return ExitCodes.Success;
        });
        command.Subcommands.Add(CreateSearch(context));
        command.Subcommands.Add(CreateIngest(context));
        return command;
    }

    private static Command CreateIngest(CliContext context)
    {
        var issues = new Option<int>("--issues") { Description = "Synthetic issues written as files and ingested", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Corpus generator seed", DefaultValueFactory = _ => 42 };
        var json = new Option<string?>("--json") { Description = "Also write the report as JSON to this file" };
        var keep = new Option<string?>("--keep") { Description = "Write the files and the data folder here and keep them (default: a temp folder, deleted)" };
        var command = new Command("ingest", "Time `gongbao ingest` (the ingest service: parse, store, one index commit) of synthetic issue files into a fresh SQLite data folder")
        {
            issues, seed, json, keep,
        };
        command.SetAction(parseResult =>
        {
            var issueCount = parseResult.GetValue(issues);
            if (issueCount is < 1 or > 100_000)
            {
                throw new CliException(ExitCodes.Usage, "--issues must be between 1 and 100000");
            }

            var r = new IngestBenchmark(new IngestBenchOptions
            {
                Issues = issueCount,
                Seed = parseResult.GetValue(seed),
                KeepIn = parseResult.GetValue(keep),
                Progress = line => context.Error.WriteLine($"bench ingest: {line}"),
            }).Run();
            static string F(double? v, string format = "0.00") => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "–";
            var table = new Table { Title = new TableTitle("gongbao ingest of synthetic issue files (SQLite, one index commit)") }
                .AddColumns("Issues", "Stored", "Failed", "Docs", "Text MB", "Total s", "CPU s", "ms/issue", "Parse s", "Store s", "Index add s", "Commit s",
                    "Store MB (× text)", "Index MB (× text)", "Segments", "Load before / after");
            table.AddRow(r.Issues.ToString(CultureInfo.InvariantCulture), r.Stored.ToString(CultureInfo.InvariantCulture), r.Failed.ToString(CultureInfo.InvariantCulture),
                r.Documents.ToString(CultureInfo.InvariantCulture), F(r.TextMegabytes, "0.0"), F(r.TotalSeconds, "0.0"), F(r.CpuSeconds, "0.0"), F(r.MsPerIssue, "0.0"),
                F(r.ParseSeconds, "0.0"), F(r.StoreSeconds, "0.0"), F(r.IndexAddSeconds, "0.0"), F(r.IndexCommitSeconds, "0.0"),
                $"{F(r.StoreBytes / 1e6, "0.0")} ({F(r.StoreToTextRatio)}×)", $"{F(r.IndexBytes / 1e6, "0.0")} ({F(r.IndexToTextRatio)}×)",
                r.IndexSegments.ToString(CultureInfo.InvariantCulture), $"{F(r.LoadAverageBefore)} / {F(r.LoadAverageAfter)}");
            context.Console.Write(table);
            if (parseResult.GetValue(json) is { Length: > 0 } path)
            {
                File.WriteAllText(path, JsonSerializer.Serialize(r, new JsonSerializerOptions { WriteIndented = true }));
            }

            return r.Failed > 0 ? ExitCodes.InputFailed : ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateSearch(CliContext context)
    {
        var issues = new Option<int>("--issues") { Description = "Synthetic issues in the large corpus", DefaultValueFactory = _ => 2000 };
        var runs = new Option<int>("--runs") { Description = "Index builds per corpus; build time is the median", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "Corpus generator seed", DefaultValueFactory = _ => 42 };
        var repetitions = new Option<int>("--repetitions") { Description = "Timed executions of each query of the fixed set", DefaultValueFactory = _ => 20 };
        var json = new Option<string?>("--json") { Description = "Also write the report as JSON to this file" };
        var keep = new Option<string?>("--keep") { Description = "Keep the synthetic store and indexes in this folder and reuse them on the next run with the same --issues and --seed" };
        var http = new Option<bool>("--http") { Description = "Also time the query set over HTTP (GET /api/search of serve, in-process Kestrel) on the kept merged index; needs --keep" };
        var split = new Option<bool>("--split-matching") { Description = "Match each search on two threads (GazetteIndex.SplitMatching; a gain only when a second core is idle)" };
        var command = new Command("search", "Index build time, index size and search latency: the sample gazettes and a synthetic corpus (default 2,000 issues)")
        {
            issues, runs, seed, repetitions, json, keep, http, split,
        };
        command.SetAction(parseResult =>
        {
            var issueCount = parseResult.GetValue(issues);
            var runCount = parseResult.GetValue(runs);
            var repetitionCount = parseResult.GetValue(repetitions);
            if (issueCount is < 1 or > 100_000)
            {
                throw new CliException(ExitCodes.Usage, "--issues must be between 1 and 100000");
            }

            if (runCount < 1 || repetitionCount < 1)
            {
                throw new CliException(ExitCodes.Usage, "--runs and --repetitions must be at least 1");
            }

            if (parseResult.GetValue(http) && parseResult.GetValue(keep) is null)
            {
                throw new CliException(ExitCodes.Usage, "--http needs --keep <dir> (it serves the kept synthetic store and merged index)");
            }

            var options = new SearchBenchOptions
            {
                Issues = issueCount,
                Runs = runCount,
                Seed = parseResult.GetValue(seed),
                Repetitions = repetitionCount,
                KeepIn = parseResult.GetValue(keep),
                SplitMatching = parseResult.GetValue(split),
                Progress = line => context.Error.WriteLine($"bench search: {line}"),
            };
            var report = new SearchBenchmark(options).Run();
            PrintSearch(context, report);
            List<SearchHttpReport>? overHttp = null;
            if (parseResult.GetValue(http) && SearchBenchmark.KeptBuildOf(options) is { } kept)
            {
                // As serve runs (a look at the store every second, for other processes' ingests), and without that look:
                // the difference is the store's cost, the rest is search and HTTP.
                overHttp = [];
                foreach (var follow in new[] { TimeSpan.FromSeconds(1), TimeSpan.FromDays(1) })
                {
                    options.Progress?.Invoke($"over HTTP (store followed every {follow}): {SearchBenchmark.QuerySet.Count} queries × {repetitionCount}");
                    overHttp.Add(SearchHttpBench.Run(kept.Store, kept.MergedIndex, repetitionCount, options.WarmUpSeconds, follow));
                    PrintHttp(context, overHttp[^1]);
                }
            }

            if (parseResult.GetValue(json) is { Length: > 0 } path)
            {
                File.WriteAllText(path, JsonSerializer.Serialize(new { report.Samples, report.Synthetic, report.Runs, report.Seed, report.Repetitions, report.PeakWorkingSetMb, report.BuildGrowthPerMegabyte, Http = overHttp },
                    new JsonSerializerOptions { WriteIndented = true }));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void PrintSearch(CliContext context, SearchBenchReport report)
    {
        static string F(double? v, string format = "0.0") => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "–";
        var table = new Table { Title = new TableTitle($"Index and search (build: median of {report.Runs}; latency: {report.Repetitions} runs of each query)") }
            .AddColumns("Corpus", "Sources", "Docs", "Text MB", "Build s", "Build ms/source", "Entries", "Index MB", "Index/text",
                "Merged/text", "Add 1 issue ms", "First query ms", "p50 ms", "p95 ms", "p99 ms", "Max ms", "Merged p50 / p99 ms");
        foreach (var c in new[] { report.Samples, report.Synthetic })
        {
            table.AddRow(Markup.Escape(c.Corpus), c.Sources.ToString(CultureInfo.InvariantCulture), c.Documents.ToString(CultureInfo.InvariantCulture),
                F(c.TextMegabytes, "0.00"), F(c.IndexBuildSeconds, "0.00"), F(c.IndexMsPerSource), c.IndexEntries.ToString(CultureInfo.InvariantCulture),
                F(c.IndexBytes / 1e6, "0.0"), F(c.IndexToTextRatio, "0.00"), F(c.OptimizedIndexToTextRatio, "0.00"), F(c.IncrementalMsPerIssue),
                F(c.FirstQueryMs), F(c.SearchP50Ms, "0.00"), F(c.SearchP95Ms, "0.00"), F(c.SearchP99Ms, "0.00"), F(c.SearchMaxMs, "0.0"),
                $"{F(c.MergedSearchP50Ms, "0.00")} / {F(c.MergedSearchP99Ms, "0.00")}");
        }

        context.Console.Write(table);
        var queries = new Table { Title = new TableTitle("Fixed query set (hits are distinct documents or provisions)") }
            .AddColumns("Kind", "Query", "Level", "Hits (samples)", "p50 / p99 ms (samples)", "Hits (synthetic)", "p50 / p99 ms (synthetic)");
        for (var i = 0; i < report.Samples.Queries.Count; i++)
        {
            var (a, b) = (report.Samples.Queries[i], report.Synthetic.Queries[i]);
            queries.AddRow(Markup.Escape(a.Label), Markup.Escape(a.Query), a.Level.ToString(), a.Total.ToString(CultureInfo.InvariantCulture),
                $"{F(a.P50Ms, "0.00")} / {F(a.P99Ms, "0.00")}", b.Total.ToString(CultureInfo.InvariantCulture), $"{F(b.P50Ms, "0.00")} / {F(b.P99Ms, "0.00")}");
        }

        context.Console.Write(queries);

        // The synthetic corpus per level (the latency goal is per search, at either level) and per query on the merged index against FTS5.
        var levels = new Table { Title = new TableTitle($"{report.Synthetic.Corpus}: search latency by level") }
            .AddColumns("Index", "Level", "Searches", "p50 ms", "p95 ms", "p99 ms");
        foreach (var l in report.Synthetic.Levels)
        {
            levels.AddRow(Markup.Escape(l.Index), l.Level?.ToString() ?? "all", l.Searches.ToString(CultureInfo.InvariantCulture),
                F(l.P50Ms, "0.00"), F(l.P95Ms, "0.00"), F(l.P99Ms, "0.00"));
        }

        context.Console.Write(levels);
        var merged = new Table { Title = new TableTitle($"{report.Synthetic.Corpus}: per query, as built and merged, against the FTS5 trigram baseline (merged)") }
            .AddColumns("Query", "Level", "Hits", "As built p50 / p99 ms", "Merged p50 / p99 ms", "FTS5 p50 ms", "Merged / FTS5");
        for (var i = 0; i < report.Synthetic.Queries.Count; i++)
        {
            var (built, m) = (report.Synthetic.Queries[i], report.Synthetic.MergedQueries.ElementAtOrDefault(i));
            var fts = report.Synthetic.Fts5.ElementAtOrDefault(i);
            merged.AddRow(Markup.Escape(built.Query), built.Level.ToString(), built.Total.ToString(CultureInfo.InvariantCulture),
                $"{F(built.P50Ms, "0.00")} / {F(built.P99Ms, "0.00")}", m is null ? "–" : $"{F(m.P50Ms, "0.00")} / {F(m.P99Ms, "0.00")}",
                F(fts?.Fts5P50Ms, "0.0"), F(fts?.Ratio, "0.000"));
        }

        context.Console.Write(merged);
        context.Console.MarkupLine(Markup.Escape(
            $"Index build time per MB of text, synthetic over samples (1.00 = linear): {F(report.BuildGrowthPerMegabyte, "0.00")}; peak working set {F(report.PeakWorkingSetMb, "0")} MB"));
    }

    private static void PrintHttp(CliContext context, SearchHttpReport report)
    {
        static string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
        var table = new Table { Title = new TableTitle($"Synthetic, merged index: GET /api/search against in-process Search, interleaved ({report.Repetitions} runs of each query; store followed every {report.FollowInterval})") }
            .AddColumns("Query", "Level", "Hits", "HTTP p50 / p99 ms", "In-process p50 / p99 ms");
        foreach (var q in report.Queries)
        {
            table.AddRow(Markup.Escape(q.Query), q.Level.ToString(), q.Total.ToString(CultureInfo.InvariantCulture), $"{F(q.HttpP50Ms)} / {F(q.HttpP99Ms)}", $"{F(q.InProcessP50Ms)} / {F(q.InProcessP99Ms)}");
        }

        table.AddRow("all", "", "", $"{F(report.HttpP50Ms)} / {F(report.HttpP99Ms)}", $"{F(report.InProcessP50Ms)} / {F(report.InProcessP99Ms)}");
        context.Console.Write(table);
    }

    private static List<int> ParseScales(string text)
    {
        var factors = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var f) || f < 1 || f > 1000)
            {
                throw new CliException(ExitCodes.Usage, $"--scales: '{part}' is not a scale factor between 1 and 1000");
            }

            factors.Add(f);
        }

        return factors.Count > 0 ? factors : throw new CliException(ExitCodes.Usage, "--scales: no scale factor given");
    }

    private static void Print(CliContext context, BenchReport report)
    {
        static string F(double? v, string format = "0.0") => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "–";
        var table = new Table { Title = new TableTitle($"Medians of {report.Runs} runs (seed {report.Seed})") }
            .AddColumns("Scale", "Issues", "Docs", "MB", "Parse MB/s", "Parse ms/issue", "SQLite issues/s", "SQLite ms/issue",
                "PG issues/s", "PG ms/issue", "Index s", "Index entries", "Search p50 ms", "Search p99 ms", "Peak MB", "gongbao ingest ms/issue");
        foreach (var s in report.Scales)
        {
            table.AddRow(s.Scale + "×", s.Issues.ToString(CultureInfo.InvariantCulture), s.Documents.ToString(CultureInfo.InvariantCulture),
                F(s.Megabytes, "0.00"), F(s.ParseMbPerSecond, "0.00"), F(s.ParseMsPerIssue), F(s.SqliteIssuesPerSecond), F(s.SqliteMsPerIssue),
                F(s.PostgresIssuesPerSecond), F(s.PostgresMsPerIssue), F(s.IndexSeconds, "0.00"), s.IndexEntries.ToString(CultureInfo.InvariantCulture),
                F(s.SearchP50Ms, "0.00"), F(s.SearchP99Ms, "0.00"), F(s.PeakWorkingSetMb, "0"), F(s.IngestMsPerIssue));
        }

        context.Console.Write(table);
        if (report.PostgresNote is { } note)
        {
            context.Console.MarkupLine(Markup.Escape(note));
        }

        if (report.Scales.Count > 1)
        {
            var g = report.Growth();
            context.Console.MarkupLine(Markup.Escape(
                $"Time per issue, {report.Scales[^1].Scale}× over {report.Scales[0].Scale}× (1.00 = flat): parse {F(g.Parse, "0.00")}, " +
                $"SQLite ingest {F(g.Sqlite, "0.00")}, PostgreSQL ingest {F(g.Postgres, "0.00")}, index build {F(g.Index, "0.00")}"));
        }
    }
}
