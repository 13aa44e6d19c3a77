using System.Diagnostics;
using System.Text;

using Gongbao.Domain;
using Gongbao.Parsing;
using Gongbao.Search;
using Gongbao.Storage;

namespace Gongbao.Corpus.Benchmarking;

public sealed record SearchBenchOptions
{
    /// <summary>Synthetic issues in the large corpus.</summary>
    public int Issues { get; init; } = 2000;

    /// <summary>Index builds per corpus; build time is the median.</summary>
    public int Runs { get; init; } = 3;

    public int Seed { get; init; } = 42;

    /// <summary>Timed executions of every query in the fixed set (after one untimed warm-up pass).</summary>
    public int Repetitions { get; init; } = 20;

    /// <summary>Further issues added one at a time to the built synthetic index, to time incremental indexing.</summary>
    public int IncrementalIssues { get; init; } = 10;

    /// <summary>Progress lines (one per phase), or null.</summary>
    public Action<string>? Progress { get; init; }
}

/// <summary>Latency of one query of the fixed set over its timed repetitions.</summary>
public sealed record QueryLatency(string Label, string Query, SearchLevel Level, int Total, double P50Ms, double P99Ms);

/// <summary>One query of the set against the FTS5 trigram baseline over the same text (p50 of the same repetitions).</summary>
public sealed record Fts5Comparison(string Query, SearchLevel Level, double GongbaoP50Ms, double Fts5P50Ms, int GongbaoTotal, int Fts5Total)
{
    /// <summary>Gongbao time over FTS5 time: below 1 means Gongbao is faster.</summary>
    public double Ratio => GongbaoP50Ms / Fts5P50Ms;
}

/// <summary>Index and search figures of one corpus.</summary>
public sealed record SearchCorpusResult(
    string Corpus,
    int Sources,
    int Documents,
    long TextBytes,
    double IndexBuildSeconds,
    int IndexEntries,
    long IndexBytes,
    long OptimizedIndexBytes,
    double? IncrementalMsPerIssue,
    double FirstQueryMs,
    double SearchP50Ms,
    double SearchP95Ms,
    double SearchP99Ms,
    double SearchMaxMs,
    int Searches,
    IReadOnlyList<QueryLatency> Queries,
    double MergedSearchP50Ms,
    double MergedSearchP99Ms)
{
    /// <summary>Index bytes per byte of source text (UTF-8), as built (before merging segments).</summary>
    public double IndexToTextRatio => (double)IndexBytes / TextBytes;

    /// <summary>Index bytes per byte of source text after merging to one segment.</summary>
    public double OptimizedIndexToTextRatio => (double)OptimizedIndexBytes / TextBytes;

    public double IndexMsPerSource => IndexBuildSeconds * 1000 / Sources;

    public double TextMegabytes => TextBytes / 1e6;

    /// <summary>Per query: the merged index against a plain FTS5 trigram table over the same text.</summary>
    public IReadOnlyList<Fts5Comparison> Fts5 { get; init; } = [];
}

public sealed record SearchBenchReport(SearchCorpusResult Samples, SearchCorpusResult Synthetic, int Runs, int Seed, int Repetitions, double PeakWorkingSetMb)
{
    /// <summary>Index build time per megabyte of text, large corpus over the samples (1.00 = linear growth).</summary>
    public double BuildGrowthPerMegabyte =>
        (Synthetic.IndexBuildSeconds / Synthetic.TextMegabytes) / (Samples.IndexBuildSeconds / Samples.TextMegabytes);
}

/// <summary>
/// Index build time, index size and search latency on the sample gazettes as they are and on a generated
/// corpus of thousands of issues. Both corpora go through the real pipeline (parse → SQLite store) first;
/// every build reads the witnesses back from the store into a fresh index directory, as a re-index does.
/// Latencies come from a fixed query set (terms, phrases, several terms, English titles, filters, both levels).
/// </summary>
public sealed class SearchBenchmark(SearchBenchOptions options)
{
    /// <summary>The fixed query set, each with a label saying what kind of query it is.</summary>
    public static readonly IReadOnlyList<(string Label, SearchRequest Request)> QuerySet =
    [
        ("term", new SearchRequest { Query = "信用评价" }),
        ("term", new SearchRequest { Query = "补助资金", Level = SearchLevel.Provision }),
        ("term", new SearchRequest { Query = "标准化" }),
        ("term", new SearchRequest { Query = "养老服务", Level = SearchLevel.Provision }),
        ("term", new SearchRequest { Query = "营商环境" }),
        ("rare term", new SearchRequest { Query = "熔断机制", Level = SearchLevel.Provision }),
        ("rare term", new SearchRequest { Query = "能效分级" }),
        ("rare term", new SearchRequest { Query = "排行榜", Level = SearchLevel.Provision }),
        ("phrase", new SearchRequest { Query = "\"住宅工程质量\"" }),
        ("phrase", new SearchRequest { Query = "\"超高清视听\"", Level = SearchLevel.Provision }),
        ("two terms", new SearchRequest { Query = "信用 修复", Level = SearchLevel.Provision }),
        ("two terms", new SearchRequest { Query = "医疗保险 缴费" }),
        ("three terms", new SearchRequest { Query = "企业 资金 申请", Level = SearchLevel.Provision }),
        ("single character", new SearchRequest { Query = "园" }),
        ("article label", new SearchRequest { Query = "第八条", Level = SearchLevel.Provision }),
        ("English", new SearchRequest { Query = "credit evaluation" }),
        ("English", new SearchRequest { Query = "measures" }),
        ("year filter", new SearchRequest { Query = "管理办法", IssueYear = 2150 }),
        ("kind filter", new SearchRequest { Query = "实施", Kind = nameof(DocumentKind.Measures) }),
        ("page 20", new SearchRequest { Query = "工作", Level = SearchLevel.Provision, Page = 20 }),
    ];

    public SearchBenchReport Run()
    {
        var files = Directory.GetFiles(SampleGazettes.TryLocate()
            ?? throw new InvalidOperationException("sample gazettes not found (shared/gazettes beside the repository, or GONGBAO_GAZETTES)"), "*.txt");
        Array.Sort(files, StringComparer.Ordinal);

        options.Progress?.Invoke($"sample gazettes: {files.Length} files");
        var samples = Measure("sample gazettes", files.Select(f => (Path.GetFileName(f), GazetteReader.Read(f).Text)), () => [], warmUp: true);

        var generator = CorpusGenerator.FromFiles(files, options.Seed);
        options.Progress?.Invoke($"synthetic corpus: {options.Issues} issues (seed {options.Seed})");
        using var generated = generator.Generate(options.Issues + options.IncrementalIssues).GetEnumerator();
        var corpus = Take(generated, options.Issues).Select(g => (g.FileName, g.Text));
        var synthetic = Measure($"synthetic {options.Issues} issues", corpus, () => Take(generated, options.IncrementalIssues).ToList(), warmUp: false);

        using var process = Process.GetCurrentProcess();
        return new SearchBenchReport(samples, synthetic, options.Runs, options.Seed, options.Repetitions, process.PeakWorkingSet64 / 1e6);
    }

    // Streams the first `count` items of a shared enumerator, leaving the rest for the next caller.
    private static IEnumerable<T> Take<T>(IEnumerator<T> source, int count)
    {
        for (var i = 0; i < count && source.MoveNext(); i++)
        {
            yield return source.Current;
        }
    }

    private SearchCorpusResult Measure(string name, IEnumerable<(string Name, string Text)> sources, Func<List<GeneratedIssue>> incremental, bool warmUp)
    {
        var folder = Directory.CreateTempSubdirectory("gongbao-searchbench-").FullName;
        try
        {
            var parser = new GazetteParser();
            long textBytes = 0;
            int sourceCount = 0, documents = 0;
            using (var store = SqliteGazetteStore.OpenDirectory(folder))
            {
                foreach (var (file, text) in sources)
                {
                    textBytes += Encoding.UTF8.GetByteCount(text);
                    var issue = parser.Parse(text, file, BenchInputs.Sha256(text));
                    store.Ingest(issue);
                    sourceCount++;
                    documents += issue.Documents.Count;
                    if (sourceCount % 250 == 0)
                    {
                        options.Progress?.Invoke($"{name}: {sourceCount} sources parsed and stored");
                    }
                }
            }

            using var reader = SqliteGazetteStore.OpenDirectory(folder);
            if (warmUp)
            {
                // One untimed build, so the first measured corpus does not pay for JIT compilation.
                using var warm = GazetteIndex.InMemory();
                warm.Rebuild(BenchInputs.StoredWitnesses(reader));
                TimeQueries(warm);
            }

            var builds = new List<double>();
            GazetteIndex? index = null;
            for (var run = 1; run <= options.Runs; run++)
            {
                options.Progress?.Invoke($"{name}: index build {run}/{options.Runs}");
                if (index is not null)
                {
                    index.Dispose();
                    Directory.Delete(Path.Combine(folder, $"index-{run - 1}"), recursive: true);
                }

                var clock = Stopwatch.StartNew();
                index = GazetteIndex.Open(Path.Combine(folder, $"index-{run}"));
                index.Rebuild(BenchInputs.StoredWitnesses(reader));
                builds.Add(clock.Elapsed.TotalSeconds);
            }

            using var built = index!;
            var indexBytes = built.SizeInBytes;
            var entries = built.Count;
            options.Progress?.Invoke($"{name}: {QuerySet.Count} queries × {options.Repetitions}");
            var (first, latencies) = TimeQueries(built);

            // Size and latency once merged to one segment (what a bulk build may end with), before any incremental add.
            options.Progress?.Invoke($"{name}: merging segments");
            built.Optimize();
            var optimizedBytes = built.SizeInBytes;
            var (_, mergedLatencies) = TimeQueries(built);
            var merged = mergedLatencies.SelectMany(q => q.Times).OrderBy(t => t).ToList();

            options.Progress?.Invoke($"{name}: FTS5 trigram baseline over the same text");
            var fts5 = CompareWithFts5(Path.Combine(folder, "fts5.db"), reader, mergedLatencies.Select(q => q.Latency).ToList());
            foreach (var c in fts5)
            {
                options.Progress?.Invoke($"{name}: {c.Level} {c.Query}: {c.GongbaoP50Ms:0.00} ms vs FTS5 {c.Fts5P50Ms:0.00} ms (ratio {c.Ratio:0.00}; hits {c.GongbaoTotal} / {c.Fts5Total})");
            }

            double? incrementalMs = null;
            var extra = incremental();
            if (extra.Count > 0)
            {
                options.Progress?.Invoke($"{name}: adding {extra.Count} issues one at a time");
                var times = new List<double>();
                foreach (var generated in extra)
                {
                    var issue = parser.Parse(generated.Text, generated.FileName, BenchInputs.Sha256(generated.Text));
                    var clock = Stopwatch.StartNew();
                    built.IndexIssue(issue);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }

                incrementalMs = ScaleBenchmark.Median(times);
            }

            var all = latencies.SelectMany(q => q.Times).OrderBy(t => t).ToList();
            return new SearchCorpusResult(name, sourceCount, documents, textBytes, ScaleBenchmark.Median(builds), entries, indexBytes, optimizedBytes,
                incrementalMs, first, ScaleBenchmark.Percentile(all, 0.50), ScaleBenchmark.Percentile(all, 0.95), ScaleBenchmark.Percentile(all, 0.99),
                all[^1], all.Count, latencies.Select(q => q.Latency).ToList(),
                ScaleBenchmark.Percentile(merged, 0.50), ScaleBenchmark.Percentile(merged, 0.99))
            {
                Fts5 = fts5,
            };
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

    private List<Fts5Comparison> CompareWithFts5(string path, IGazetteStore store, List<QueryLatency> gongbao)
    {
        using var fts = new Fts5Baseline(path, BenchInputs.StoredWitnesses(store));
        var times = QuerySet.Select(_ => new List<double>()).ToList();
        var totals = new int[QuerySet.Count];
        foreach (var (_, request) in QuerySet)
        {
            fts.Time(request);
        }

        for (var r = 0; r < options.Repetitions; r++)
        {
            for (var q = 0; q < QuerySet.Count; q++)
            {
                (var ms, totals[q]) = fts.Time(QuerySet[q].Request);
                times[q].Add(ms);
            }
        }

        return QuerySet.Select((item, q) => new Fts5Comparison(item.Request.Query, item.Request.Level, gongbao[q].P50Ms,
            ScaleBenchmark.Percentile(times[q].OrderBy(t => t).ToList(), 0.50), gongbao[q].Total, totals[q])).ToList();
    }

    private (double First, List<(QueryLatency Latency, List<double> Times)> Queries) TimeQueries(GazetteIndex index)
    {
        // The very first search pays for opening readers and JIT; it is reported apart from the steady state.
        var clock = Stopwatch.StartNew();
        index.Search(QuerySet[0].Request);
        var first = clock.Elapsed.TotalMilliseconds;
        foreach (var (_, request) in QuerySet)
        {
            index.Search(request);
        }

        var times = QuerySet.Select(_ => new List<double>()).ToList();
        var totals = new int[QuerySet.Count];

        // Round-robin over the set, so one query's repetitions do not all run against caches it just warmed.
        for (var r = 0; r < options.Repetitions; r++)
        {
            for (var q = 0; q < QuerySet.Count; q++)
            {
                clock.Restart();
                totals[q] = index.Search(QuerySet[q].Request).Total;
                times[q].Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        var result = new List<(QueryLatency, List<double>)>();
        for (var q = 0; q < QuerySet.Count; q++)
        {
            var sorted = times[q].OrderBy(t => t).ToList();
            var (label, request) = QuerySet[q];
            result.Add((new QueryLatency(label, request.Query, request.Level, totals[q],
                ScaleBenchmark.Percentile(sorted, 0.50), ScaleBenchmark.Percentile(sorted, 0.99)), sorted));
        }

        return (first, result);
    }
}
