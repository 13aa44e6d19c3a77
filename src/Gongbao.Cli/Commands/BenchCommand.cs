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
        return command;
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
                "PG issues/s", "PG ms/issue", "Index s", "Index entries", "Search p50 ms", "Search p99 ms", "Peak MB");
        foreach (var s in report.Scales)
        {
            table.AddRow(s.Scale + "×", s.Issues.ToString(CultureInfo.InvariantCulture), s.Documents.ToString(CultureInfo.InvariantCulture),
                F(s.Megabytes, "0.00"), F(s.ParseMbPerSecond, "0.00"), F(s.ParseMsPerIssue), F(s.SqliteIssuesPerSecond), F(s.SqliteMsPerIssue),
                F(s.PostgresIssuesPerSecond), F(s.PostgresMsPerIssue), F(s.IndexSeconds, "0.00"), s.IndexEntries.ToString(CultureInfo.InvariantCulture),
                F(s.SearchP50Ms, "0.00"), F(s.SearchP99Ms, "0.00"), F(s.PeakWorkingSetMb, "0"));
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
