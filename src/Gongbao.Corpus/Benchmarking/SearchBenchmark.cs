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

    /// <summary>
    /// Untimed passes over the query set before timing: at least three, and until this long has passed, so the timed runs
    /// measure the steady state of a running server (the runtime recompiles hot methods optimised after some calls; the
    /// first search is reported on its own).
    /// </summary>
    public double WarmUpSeconds { get; init; } = 2;

    /// <summary>
    /// Timed executions of each query against the FTS5 baseline (at most <see cref="Repetitions"/>): its one- and
    /// two-character terms scan the table (seconds each at 2,000 issues), so a few runs give its median.
    /// </summary>
    public int Fts5Repetitions { get; init; } = 3;

    /// <summary>Further issues added one at a time to the built synthetic index, to time incremental indexing.</summary>
    public int IncrementalIssues { get; init; } = 10;

    /// <summary>Progress lines (one per phase), or null.</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>
    /// Keep the synthetic corpus's store, index (as built), merged index and FTS5 table in this folder, and reuse them
    /// when a later run finds them complete for the same issue count and seed (the build takes minutes at 2,000 issues).
    /// A reused build reports the build figures of the run that made it and no incremental add (that would change the kept index).
    /// </summary>
    public string? KeepIn { get; init; }

    /// <summary>Time with <see cref="GazetteIndex.SplitMatching"/> on (matching on two threads when a second core is idle).</summary>
    public bool SplitMatching { get; init; }
}

/// <summary>Latency percentiles of the searches of one level (document or provision, or null for all) on one index (as built or merged).</summary>
public sealed record LevelLatency(string Index, SearchLevel? Level, int Searches, double P50Ms, double P95Ms, double P99Ms);

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

    /// <summary>Per query on the merged index (<see cref="Queries"/> are on the index as built).</summary>
    public IReadOnlyList<QueryLatency> MergedQueries { get; init; } = [];

    /// <summary>p50 / p95 / p99 per level, as built and merged.</summary>
    public IReadOnlyList<LevelLatency> Levels { get; init; } = [];
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

    /// <summary>The kept synthetic build's store and merged index (<see cref="SearchBenchOptions.KeepIn"/>), once a run has completed it; else null.</summary>
    public static (string Store, string MergedIndex)? KeptBuildOf(SearchBenchOptions options)
    {
        if (options.KeepIn is not { } dir)
        {
            return null;
        }

        var folder = Path.Combine(Path.GetFullPath(dir), $"synthetic-{options.Issues}-seed{options.Seed}");
        return KeptBuild.TryRead(folder) is null ? null : (Path.Combine(folder, KeptBuild.StoreFolder), Path.Combine(folder, KeptBuild.MergedFolder));
    }

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
        var keep = options.KeepIn is { } dir ? Path.Combine(Path.GetFullPath(dir), $"synthetic-{options.Issues}-seed{options.Seed}") : null; // as KeptBuildOf
        var synthetic = keep is not null && KeptBuild.TryRead(keep) is { } kept
            ? MeasureKept($"synthetic {options.Issues} issues", keep, kept)
            : Measure($"synthetic {options.Issues} issues", corpus, () => Take(generated, options.IncrementalIssues).ToList(), warmUp: false, keep);

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

    private SearchCorpusResult Measure(string name, IEnumerable<(string Name, string Text)> sources, Func<List<GeneratedIssue>> incremental, bool warmUp,
        string? keep = null)
    {
        if (keep is not null && Directory.Exists(keep))
        {
            Directory.Delete(keep, recursive: true); // an incomplete kept build, or one of another index layout: start over
        }

        var folder = keep is not null ? Directory.CreateDirectory(keep).FullName : Directory.CreateTempSubdirectory("gongbao-searchbench-").FullName;
        try
        {
            var parser = new GazetteParser();
            long textBytes = 0;
            int sourceCount = 0, documents = 0;
            var storeFolder = keep is not null ? Directory.CreateDirectory(Path.Combine(folder, KeptBuild.StoreFolder)).FullName : folder;
            using (var store = SqliteGazetteStore.OpenDirectory(storeFolder))
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

            using var reader = SqliteGazetteStore.OpenDirectory(storeFolder);
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

            var built = index!;
            if (keep is not null)
            {
                // Kept: the build as built, and a merged copy beside it, so a later run can time both without rebuilding.
                built.Dispose();
                var asBuilt = Path.Combine(folder, KeptBuild.IndexFolder);
                Directory.Move(Path.Combine(folder, $"index-{options.Runs}"), asBuilt);
                CopyDirectory(asBuilt, Path.Combine(folder, KeptBuild.MergedFolder));
                built = GazetteIndex.Open(asBuilt);
            }

            using var disposeBuilt = built;
            built.SplitMatching = options.SplitMatching;
            var indexBytes = built.SizeInBytes;
            var entries = built.Count;
            options.Progress?.Invoke($"{name}: {QuerySet.Count} queries × {options.Repetitions}");
            var (first, latencies) = TimeQueries(built);

            // Size and latency once merged to one segment (what a bulk build may end with), before any incremental add.
            options.Progress?.Invoke($"{name}: merging segments");
            using var mergedIndex = keep is not null ? GazetteIndex.Open(Path.Combine(folder, KeptBuild.MergedFolder)) : null;
            var toMerge = mergedIndex ?? built;
            toMerge.SplitMatching = options.SplitMatching;
            toMerge.Optimize();
            var optimizedBytes = toMerge.SizeInBytes;
            var (_, mergedLatencies) = TimeQueries(toMerge);
            var merged = mergedLatencies.SelectMany(q => q.Times).OrderBy(t => t).ToList();
            if (keep is not null)
            {
                new KeptBuild(sourceCount, documents, textBytes, ScaleBenchmark.Median(builds), entries, indexBytes, optimizedBytes, GazetteIndex.FormatVersion).Write(keep);
            }

            var fts5 = CompareWithFts5(name, Path.Combine(folder, KeptBuild.Fts5File), reader, mergedLatencies.Select(q => q.Latency).ToList());

            double? incrementalMs = null;
            var extra = keep is null ? incremental() : [];
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
                MergedQueries = mergedLatencies.Select(q => q.Latency).ToList(),
                Levels = [.. ByLevel("as built", latencies), .. ByLevel("merged", mergedLatencies)],
            };
        }
        finally
        {
            try
            {
                if (keep is null)
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
                // Best effort: a leftover temp folder is harmless.
            }
        }
    }

    /// <summary>Times the kept build of an earlier run: as built, merged, and the kept FTS5 table.</summary>
    private SearchCorpusResult MeasureKept(string name, string folder, KeptBuild kept)
    {
        options.Progress?.Invoke($"{name}: reusing the kept build in {folder}");
        using var reader = SqliteGazetteStore.OpenDirectory(Path.Combine(folder, KeptBuild.StoreFolder));
        List<(QueryLatency Latency, List<double> Times)> latencies, mergedLatencies;
        double first;
        using (var built = GazetteIndex.Open(Path.Combine(folder, KeptBuild.IndexFolder)))
        {
            built.SplitMatching = options.SplitMatching;
            options.Progress?.Invoke($"{name}: {QuerySet.Count} queries × {options.Repetitions}");
            (first, latencies) = TimeQueries(built);
        }

        using (var merged = GazetteIndex.Open(Path.Combine(folder, KeptBuild.MergedFolder)))
        {
            merged.SplitMatching = options.SplitMatching;
            options.Progress?.Invoke($"{name}: merged index");
            (_, mergedLatencies) = TimeQueries(merged);
        }

        var fts5 = CompareWithFts5(name, Path.Combine(folder, KeptBuild.Fts5File), reader, mergedLatencies.Select(q => q.Latency).ToList());
        var all = latencies.SelectMany(q => q.Times).OrderBy(t => t).ToList();
        var mergedAll = mergedLatencies.SelectMany(q => q.Times).OrderBy(t => t).ToList();
        return new SearchCorpusResult(name, kept.Sources, kept.Documents, kept.TextBytes, kept.BuildSeconds, kept.Entries, kept.IndexBytes, kept.MergedBytes,
            null, first, ScaleBenchmark.Percentile(all, 0.50), ScaleBenchmark.Percentile(all, 0.95), ScaleBenchmark.Percentile(all, 0.99),
            all[^1], all.Count, latencies.Select(q => q.Latency).ToList(),
            ScaleBenchmark.Percentile(mergedAll, 0.50), ScaleBenchmark.Percentile(mergedAll, 0.99))
        {
            Fts5 = fts5,
            MergedQueries = mergedLatencies.Select(q => q.Latency).ToList(),
            Levels = [.. ByLevel("as built", latencies), .. ByLevel("merged", mergedLatencies)],
        };
    }

    // Percentiles over the timed searches of each level, and of all.
    private static IEnumerable<LevelLatency> ByLevel(string index, List<(QueryLatency Latency, List<double> Times)> latencies)
    {
        foreach (var level in new SearchLevel?[] { SearchLevel.Document, SearchLevel.Provision, null })
        {
            var times = latencies.Where(q => level is null || q.Latency.Level == level).SelectMany(q => q.Times).Order().ToList();
            if (times.Count > 0)
            {
                yield return new LevelLatency(index, level, times.Count, ScaleBenchmark.Percentile(times, 0.50), ScaleBenchmark.Percentile(times, 0.95),
                    ScaleBenchmark.Percentile(times, 0.99));
            }
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private List<Fts5Comparison> CompareWithFts5(string name, string path, IGazetteStore store, List<QueryLatency> gongbao)
    {
        options.Progress?.Invoke($"{name}: FTS5 trigram baseline over the same text");
        var result = CompareWithFts5(path, store, gongbao);
        foreach (var c in result)
        {
            options.Progress?.Invoke($"{name}: {c.Level} {c.Query}: {c.GongbaoP50Ms:0.00} ms vs FTS5 {c.Fts5P50Ms:0.00} ms (ratio {c.Ratio:0.00}; hits {c.GongbaoTotal} / {c.Fts5Total})");
        }

        return result;
    }

    private List<Fts5Comparison> CompareWithFts5(string path, IGazetteStore store, List<QueryLatency> gongbao)
    {
        using var fts = File.Exists(path) ? Fts5Baseline.OpenExisting(path) : Fts5Baseline.Build(path, BenchInputs.StoredWitnesses(store));
        var times = QuerySet.Select(_ => new List<double>()).ToList();
        var totals = new int[QuerySet.Count];
        foreach (var (_, request) in QuerySet)
        {
            fts.Time(request);
        }

        for (var r = 0; r < Math.Min(options.Repetitions, options.Fts5Repetitions); r++)
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
        for (var pass = 0; pass < 3 || clock.Elapsed.TotalSeconds < options.WarmUpSeconds; pass++)
        {
            foreach (var (_, request) in QuerySet)
            {
                index.Search(request);
            }
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

/// <summary>
/// The figures of a kept synthetic build (<see cref="SearchBenchOptions.KeepIn"/>), written once it is complete. A build whose
/// index has another layout (<see cref="GazetteIndex.FormatVersion"/>) is not reused: opening it would empty the index.
/// </summary>
internal sealed record KeptBuild(int Sources, int Documents, long TextBytes, double BuildSeconds, int Entries, long IndexBytes, long MergedBytes, int IndexFormat)
{
    public const string StoreFolder = "store";
    public const string IndexFolder = "index";
    public const string MergedFolder = "index-merged";

    /// <summary>The FTS5 table; its name carries the baseline's layout, so a changed layout is rebuilt, not reused.</summary>
    public const string Fts5File = "fts5-" + Fts5Baseline.Layout + ".db";

    private const string FileName = "built.json";

    public static KeptBuild? TryRead(string folder)
    {
        var path = Path.Combine(folder, FileName);
        return File.Exists(path) && System.Text.Json.JsonSerializer.Deserialize<KeptBuild>(File.ReadAllText(path)) is { } kept
            && kept.IndexFormat == GazetteIndex.FormatVersion ? kept : null;
    }

    public void Write(string folder) => File.WriteAllText(Path.Combine(folder, FileName), System.Text.Json.JsonSerializer.Serialize(this));
}
