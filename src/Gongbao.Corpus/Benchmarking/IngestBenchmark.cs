using System.Diagnostics;
using System.Text;

using Gongbao.Application;
using Gongbao.Parsing;
using Gongbao.Search;
using Gongbao.Storage;

namespace Gongbao.Corpus.Benchmarking;

public sealed record IngestBenchOptions
{
    /// <summary>Synthetic issues written as files and ingested.</summary>
    public int Issues { get; init; } = 2000;

    public int Seed { get; init; } = 42;

    /// <summary>Work in this folder and keep it (gazette files, data folder) instead of a deleted temp folder.</summary>
    public string? KeepIn { get; init; }

    /// <summary>Progress lines, or null.</summary>
    public Action<string>? Progress { get; init; }
}

/// <summary>
/// One run of <c>gongbao ingest &lt;folder&gt;</c> as a user runs it, with where the time went. Parse, store and
/// index add are measured inside the run (parse through the service's parser hook, index add and commit by
/// the index, store as each file's own time less its parse: reading, hashing, relations, SQLite). The ingest
/// reads and parses, stores and indexes on three threads at once, so the three overlap: their sum exceeds the total.
/// </summary>
public sealed record IngestBenchReport(
    int Issues,
    int Stored,
    int Failed,
    int Documents,
    long TextBytes,
    double TotalSeconds,
    double ParseSeconds,
    double StoreSeconds,
    double IndexAddSeconds,
    double IndexCommitSeconds,
    long StoreBytes,
    long IndexBytes,
    int IndexSegments,
    double? LoadAverageBefore,
    double? LoadAverageAfter)
{
    /// <summary>CPU time (user + system, all threads) the process spent in the run: on a shared machine, the load-independent figure.</summary>
    public double CpuSeconds { get; init; }

    public double MsPerIssue => TotalSeconds * 1000 / Issues;

    public double TextMegabytes => TextBytes / 1e6;

    /// <summary>SQLite file bytes (with its WAL) per byte of gazette text.</summary>
    public double StoreToTextRatio => (double)StoreBytes / TextBytes;

    /// <summary>Index bytes per byte of gazette text.</summary>
    public double IndexToTextRatio => (double)IndexBytes / TextBytes;
}

/// <summary>
/// Times the path <c>gongbao ingest</c> takes (<see cref="IngestService"/>: read, hash, parse, store one transaction
/// per file, one index commit for the run) over synthetic issues written to files, into a fresh SQLite data folder
/// opened the way the CLI opens it (writer lock, writable index, reconcile).
/// </summary>
public sealed class IngestBenchmark(IngestBenchOptions options)
{
    public IngestBenchReport Run()
    {
        var folder = options.KeepIn is { } keep ? Directory.CreateDirectory(keep).FullName : Directory.CreateTempSubdirectory("gongbao-ingestbench-").FullName;
        try
        {
            var gazettes = Path.Combine(folder, "gazettes");
            Directory.CreateDirectory(gazettes);
            options.Progress?.Invoke($"writing {options.Issues} synthetic issues (seed {options.Seed})");
            long textBytes = 0;
            foreach (var generated in CorpusGenerator.FromSamples(options.Seed).Generate(options.Issues))
            {
                var bytes = Encoding.UTF8.GetBytes(generated.Text);
                textBytes += bytes.Length;
                File.WriteAllBytes(Path.Combine(gazettes, generated.FileName), bytes);
            }

            options.Progress?.Invoke("ingesting as `gongbao ingest` does");
            return Ingest(Path.Combine(folder, "data"), gazettes, textBytes, options.Progress);
        }
        finally
        {
            try
            {
                if (options.KeepIn is null)
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

    /// <summary>Ingests every <c>*.txt</c> of <paramref name="gazettes"/> into the data folder <paramref name="data"/> and reports the timings.</summary>
    public static IngestBenchReport Ingest(string data, string gazettes, long textBytes, Action<string>? progress = null)
    {
        var loadBefore = LoadAverage.OneMinute();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var parse = new Stopwatch();
        var total = Stopwatch.StartNew();
        var inputs = SourceFiles.ExpandInputs([gazettes]);
        Directory.CreateDirectory(data);
        IReadOnlyList<SourceIngestResult> results;
        IndexWriteTimes times;
        using (WriterLock.ForDirectory(data).Acquire(TimeSpan.FromSeconds(30), _ => { }))
        using (var store = SqliteGazetteStore.OpenDirectory(data))
        using (var index = GazetteIndex.OpenWritable(Path.Combine(data, "index")))
        {
            var services = new GongbaoServices(store, index);
            services.ReconcileIndex();
            var service = new IngestService(services)
            {
                Parse = (decoded, name) =>
                {
                    parse.Start();
                    try
                    {
                        var issue = new GazetteParser().Parse(decoded.Text, name, decoded.Sha256);
                        return decoded.Diagnostics.Count == 0 ? issue : issue with { Diagnostics = decoded.Diagnostics.Concat(issue.Diagnostics).ToList() };
                    }
                    finally
                    {
                        parse.Stop();
                    }
                },
            };
            var done = 0;
            results = service.IngestFiles(inputs.Files, force: false, _ =>
            {
                if (++done % 250 == 0)
                {
                    progress?.Invoke($"{done} of {inputs.Files.Count} files stored");
                }
            });
            times = index.WriteTimes;
        }

        total.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var perSource = results.Sum(r => r.Elapsed.TotalSeconds);
        var stored = results.Count(r => r.Stored is not null);
        var documents = results.Sum(r => r.Stored?.Documents ?? 0);
        var storeBytes = Directory.EnumerateFiles(data, SqliteGazetteStore.DefaultFileName + "*").Sum(f => new FileInfo(f).Length);
        var indexFiles = Directory.GetFiles(Path.Combine(data, "index"));
        return new IngestBenchReport(inputs.Files.Count, stored, results.Count(r => r.Failed), documents, textBytes,
            total.Elapsed.TotalSeconds, parse.Elapsed.TotalSeconds,
            perSource - parse.Elapsed.TotalSeconds, times.Add.TotalSeconds, times.Commit.TotalSeconds,
            storeBytes, indexFiles.Sum(f => new FileInfo(f).Length), indexFiles.Count(f => f.EndsWith(".si", StringComparison.Ordinal)),
            loadBefore, LoadAverage.OneMinute())
        {
            CpuSeconds = cpu,
        };
    }
}

/// <summary>The machine's one-minute load average (Linux), reported beside every timing: the bench machine is shared.</summary>
public static class LoadAverage
{
    public static double? OneMinute()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
