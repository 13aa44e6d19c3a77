using System.Diagnostics;
using System.Text;

using Gongbao.Domain;
using Gongbao.Parsing;
using Gongbao.Search;
using Gongbao.Storage;
using Gongbao.Storage.Postgres;

namespace Gongbao.Corpus.Benchmarking;

public sealed record BenchOptions
{
    /// <summary>Scale factors (× the number of sample issues).</summary>
    public IReadOnlyList<int> Scales { get; init; } = [1, 10, 100];

    /// <summary>Runs per scale; every figure is the median over runs.</summary>
    public int Runs { get; init; } = 3;

    public int Seed { get; init; } = 42;

    /// <summary>Measure PostgreSQL ingest on a throw-away local server (skipped when PostgreSQL is not installed).</summary>
    public bool Postgres { get; init; } = true;

    /// <summary>Keep the server's fsync on (realistic); off makes PostgreSQL figures optimistic.</summary>
    public bool DurablePostgres { get; init; } = true;

    /// <summary>Searches per query term for the latency percentiles.</summary>
    public int SearchRepetitions { get; init; } = 20;

    /// <summary>Progress lines (one per phase), or null.</summary>
    public Action<string>? Progress { get; init; }
}

/// <summary>Median figures of one scale.</summary>
public sealed record ScaleResult(
    int Scale,
    int Issues,
    int Documents,
    double Megabytes,
    double ParseSeconds,
    double SqliteSeconds,
    double? PostgresSeconds,
    double IndexSeconds,
    int IndexEntries,
    double SearchP50Ms,
    double SearchP99Ms,
    double PeakWorkingSetMb,
    double IngestSeconds)
{
    /// <summary><c>gongbao ingest</c> of the scale's issue files (the ingest service: parse, store, one index commit), per issue.</summary>
    public double IngestMsPerIssue => IngestSeconds * 1000 / Issues;

    public double ParseMbPerSecond => Megabytes / ParseSeconds;

    public double ParseMsPerIssue => ParseSeconds * 1000 / Issues;

    public double SqliteIssuesPerSecond => Issues / SqliteSeconds;

    public double SqliteMsPerIssue => SqliteSeconds * 1000 / Issues;

    public double? PostgresIssuesPerSecond => PostgresSeconds is { } s ? Issues / s : null;

    public double? PostgresMsPerIssue => PostgresSeconds is { } s ? s * 1000 / Issues : null;

    public double IndexMsPerIssue => IndexSeconds * 1000 / Issues;
}

public sealed record BenchReport(IReadOnlyList<ScaleResult> Scales, int Runs, int Seed, string? PostgresNote)
{
    /// <summary>Time per issue at the largest scale over the smallest (1.0 = flat), per phase.</summary>
    public (double Parse, double Sqlite, double? Postgres, double Index) Growth()
    {
        var (first, last) = (Scales[0], Scales[^1]);
        return (last.ParseMsPerIssue / first.ParseMsPerIssue, last.SqliteMsPerIssue / first.SqliteMsPerIssue,
            first.PostgresMsPerIssue is { } a && last.PostgresMsPerIssue is { } b ? b / a : null,
            last.IndexMsPerIssue / first.IndexMsPerIssue);
    }
}

/// <summary>
/// Measures the pipeline on generated corpora of growing size, in one process: parse throughput,
/// ingest into SQLite and PostgreSQL, index build, search latency and memory, and then the whole
/// <c>gongbao ingest</c> path (<see cref="IngestBenchmark"/>) over the same issues written as files. Issues stream through
/// generate → parse → ingest one at a time, so memory reflects the pipeline, not the corpus size.
/// </summary>
public sealed class ScaleBenchmark(BenchOptions options)
{
    private static readonly string[] Queries =
        ["管理办法", "补助资金", "信用评价", "标准化", "住宅工程质量", "超高清视听", "营商环境", "养老服务", "应急管理", "实施细则"];

    public BenchReport Run()
    {
        var generator = CorpusGenerator.FromSamples(options.Seed);
        LocalPostgresServer? server = null;
        string? postgresNote = null;
        if (options.Postgres)
        {
            if (LocalPostgresServer.FindBinaries() is null)
            {
                postgresNote = "PostgreSQL not installed: not measured (scripts/install-deps.sh installs it)";
            }
            else
            {
                options.Progress?.Invoke("starting a local PostgreSQL server");
                server = LocalPostgresServer.Start(durable: options.DurablePostgres);
            }
        }
        else
        {
            postgresNote = "PostgreSQL not measured (disabled)";
        }

        try
        {
            var results = new List<ScaleResult>();
            foreach (var scale in options.Scales)
            {
                var runs = new List<ScaleResult>();
                for (var run = 1; run <= options.Runs; run++)
                {
                    options.Progress?.Invoke($"scale {scale}x, run {run}/{options.Runs}");
                    runs.Add(RunOnce(generator, scale, server));
                }

                results.Add(Median(runs));
            }

            return new BenchReport(results, options.Runs, options.Seed, postgresNote);
        }
        finally
        {
            server?.Dispose();
        }
    }

    private ScaleResult RunOnce(CorpusGenerator generator, int scale, LocalPostgresServer? server)
    {
        var parser = new GazetteParser();
        var folder = Directory.CreateTempSubdirectory("gongbao-bench-").FullName;
        var parse = new Stopwatch();
        var sqlite = new Stopwatch();
        var postgres = new Stopwatch();
        long bytes = 0;
        int issues = 0, documents = 0;
        var files = Path.Combine(folder, "gazettes");
        Directory.CreateDirectory(files);
        try
        {
            using (var sqliteStore = SqliteGazetteStore.OpenDirectory(folder))
            using (var postgresStore = server is null ? null : PostgresGazetteStore.Open(server.CreateDatabase("bench")))
            {
                foreach (var generated in generator.GenerateScale(scale))
                {
                    bytes += Encoding.UTF8.GetByteCount(generated.Text);
                    File.WriteAllText(Path.Combine(files, generated.FileName), generated.Text);
                    parse.Start();
                    var issue = parser.Parse(generated.Text, generated.FileName, BenchInputs.Sha256(generated.Text));
                    parse.Stop();

                    sqlite.Start();
                    sqliteStore.Ingest(issue);
                    sqlite.Stop();

                    if (postgresStore is not null)
                    {
                        postgres.Start();
                        postgresStore.Ingest(issue);
                        postgres.Stop();
                    }

                    issues++;
                    documents += issue.Documents.Count;
                }
            }

            // Index build from the store, as `gongbao index` would: read every witness back and index it in one commit.
            var index = Stopwatch.StartNew();
            using var store = SqliteGazetteStore.OpenDirectory(folder);
            using var gazetteIndex = GazetteIndex.Open(Path.Combine(folder, "index"));
            gazetteIndex.Rebuild(BenchInputs.StoredWitnesses(store));
            index.Stop();

            var latencies = new List<double>();
            foreach (var query in Queries)
            {
                for (var i = 0; i < options.SearchRepetitions; i++)
                {
                    var clock = Stopwatch.StartNew();
                    gazetteIndex.Search(new SearchRequest { Query = query, Level = i % 2 == 0 ? SearchLevel.Document : SearchLevel.Provision });
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            latencies.Sort();

            // The path `gongbao ingest <folder>` takes, end to end, into a fresh data folder.
            var ingest = IngestBenchmark.Ingest(Path.Combine(folder, "ingest"), files, bytes);
            using var process = Process.GetCurrentProcess();
            return new ScaleResult(scale, issues, documents, bytes / 1e6, parse.Elapsed.TotalSeconds, sqlite.Elapsed.TotalSeconds,
                server is null ? null : postgres.Elapsed.TotalSeconds, index.Elapsed.TotalSeconds, gazetteIndex.Count,
                Percentile(latencies, 0.50), Percentile(latencies, 0.99), process.PeakWorkingSet64 / 1e6, ingest.TotalSeconds);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a leftover temp folder is harmless.
            }
        }
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static ScaleResult Median(List<ScaleResult> runs) => new(
        runs[0].Scale, runs[0].Issues, runs[0].Documents, runs[0].Megabytes,
        Median(runs.Select(r => r.ParseSeconds)), Median(runs.Select(r => r.SqliteSeconds)),
        runs[0].PostgresSeconds is null ? null : Median(runs.Select(r => r.PostgresSeconds!.Value)),
        Median(runs.Select(r => r.IndexSeconds)), runs[0].IndexEntries,
        Median(runs.Select(r => r.SearchP50Ms)), Median(runs.Select(r => r.SearchP99Ms)), runs.Max(r => r.PeakWorkingSetMb),
        Median(runs.Select(r => r.IngestSeconds)));
}
