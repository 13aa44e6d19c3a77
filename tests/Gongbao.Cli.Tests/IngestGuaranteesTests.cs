using System.Diagnostics;
using System.Text;

using Gongbao.Application;
using Gongbao.Domain;
using Gongbao.Parsing;
using Gongbao.Search;
using Gongbao.Storage;

namespace Gongbao.Cli.Tests;

/// <summary>Regression tests for the findings of issue 10 (one ingest path; store and index that agree).</summary>
public sealed class IngestGuaranteesTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void A_changed_text_under_a_stored_id_needs_force_and_every_version_is_kept()
    {
        var original = File.ReadAllText(SampleGazettes.File("2024-31.txt"));
        var v1 = _cli.Input("issue.txt", Encoding.UTF8.GetBytes(original));
        Assert.Equal(0, _cli.Run("ingest", v1).ExitCode);
        var truncated = _cli.Input("issue.txt", Encoding.UTF8.GetBytes(original[..(original.Length / 2)]));

        var refused = _cli.Run("ingest", truncated);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("already stored from a different text", refused.Err);
        Assert.Single(_cli.Run("issues", "beijing-2024-31", "--history").Out.Split('\n'), l => l.Contains("issue.txt"));

        // Forced, the truncated text is stored, but as an incomplete source: its lost contents entries are
        // errors (GZ2002), so ingest exits 1 while the version is kept.
        var forced = _cli.Run("ingest", "--force", truncated);
        Assert.Equal(1, forced.ExitCode);
        Assert.Contains("GZ2002", forced.Out + forced.Err);
        var history = _cli.Run("issues", "beijing-2024-31", "--history");
        Assert.Equal(0, history.ExitCode);
        Assert.Equal(2, history.Out.Split('\n').Count(l => l.Contains("issue.txt")));
        var first = _cli.Run("issues", "beijing-2024-31", "--version", "1");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains(original.Trim()[^40..].Trim(), first.Out);
    }

    [Fact]
    public void Unstructured_text_and_files_reached_through_links_or_fifos_are_not_stored()
    {
        var junk = _cli.Input("junk/random.txt", Encoding.UTF8.GetBytes(Convert.ToBase64String(Enumerable.Range(0, 30_000).Select(i => (byte)(i * 7919 % 251)).ToArray())));
        var folder = Path.GetDirectoryName(junk)!;
        File.CreateSymbolicLink(Path.Combine(folder, "passwd.txt"), "/etc/passwd");
        var fifo = Path.Combine(folder, "pipe.txt");
        Process.Start("mkfifo", fifo).WaitForExit();
        var clock = Stopwatch.StartNew();

        var run = _cli.Run("ingest", folder);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "a FIFO must not block the ingest");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("passwd.txt: a symbolic link leading outside", run.Err);
        Assert.Contains("pipe.txt: not a regular file", run.Err);
        Assert.Contains("not a gazette", run.Err);
        Assert.Equal(0, _cli.Snapshot().Counts.Sources);
        Assert.Equal(1, _cli.Run("ingest", fifo).ExitCode);
    }

    [Fact]
    public void A_source_parsed_with_errors_is_stored_but_marked_incomplete()
    {
        var path = _cli.Input("2024-31.txt", File.ReadAllBytes(SampleGazettes.File("2024-31.txt")));
        var services = new GongbaoServices(SqliteGazetteStore.OpenDirectory(_cli.DataDirectory), GazetteIndex.InMemory());
        var ingest = new IngestService(services)
        {
            Parse = (decoded, name) => new GazetteParser().Parse(decoded.Text, name, decoded.Sha256) is var issue
                ? issue with { Diagnostics = [.. issue.Diagnostics, new ParseDiagnostic("GZ9999", DiagnosticSeverity.Error, "contents entry 3 not found in the body", name, 7)] }
                : null!,
        };

        var result = ingest.IngestFiles([path], force: false).Single();
        services.Store.Dispose();
        services.Index.Dispose();

        Assert.True(result.Incomplete);
        var issues = _cli.Run("issues");
        Assert.Contains("incomplete", issues.Out);
        Assert.Contains("contents entry 3 not found in the body", issues.Out);
    }

    [Fact]
    public void An_index_behind_the_store_or_unreadable_is_repaired_by_content()
    {
        Assert.Equal(0, _cli.Run("ingest", SampleGazettes.File("2024-31.txt")).ExitCode);

        // As after a crash between the store's commit and the index's: the store holds a new version the index lacks.
        var original = File.ReadAllText(SampleGazettes.File("2024-31.txt"));
        var changed = original.Replace("评价等级熔断机制", "评价等级一票否决", StringComparison.Ordinal);
        using (var store = SqliteGazetteStore.OpenDirectory(_cli.DataDirectory))
        {
            store.Ingest(new GazetteParser().ParseBytes(Encoding.UTF8.GetBytes(changed), "2024-31.txt"), force: true);
        }

        // A read-only search does not write, but does not answer from the stale index either.
        var search = _cli.Run("search", "--provisions", "一票否决");
        Assert.Contains("jingguizifa-2024-122/art-16", search.Out);
        Assert.Contains("behind the store", search.Err);

        Assert.Equal(0, _cli.Run("reindex").ExitCode);
        AssertAgree();

        // Deleted segment files (every file of a segment starts with '_'): rebuilt from the store with a message.
        var segmentFiles = Directory.EnumerateFiles(Path.Combine(_cli.DataDirectory, "index"), "_*").ToList();
        Assert.NotEmpty(segmentFiles);
        foreach (var file in segmentFiles)
        {
            File.Delete(file);
        }

        var repaired = _cli.Run("reindex");
        Assert.Equal(0, repaired.ExitCode);
        Assert.Contains("rebuilding it from the store", repaired.Err);
        AssertAgree();
        Assert.DoesNotContain("behind the store", _cli.Run("search", "--provisions", "一票否决").Err);
    }

    [Fact]
    public void An_empty_database_file_is_refused_and_the_index_is_kept()
    {
        Assert.Equal(0, _cli.Run("ingest", SampleGazettes.File("2024-31.txt")).ExitCode);
        var db = Path.Combine(_cli.DataDirectory, SqliteGazetteStore.DefaultFileName);
        File.WriteAllBytes(db, []);

        var run = _cli.Run("ingest", SampleGazettes.File("2021-40.txt"));

        Assert.Equal(ExitCodes.StoreError, run.ExitCode);
        Assert.Contains("0-byte", run.Err);
        Assert.Equal(0, new FileInfo(db).Length);
        using var index = GazetteIndex.TryOpenReadOnly(Path.Combine(_cli.DataDirectory, "index"), out _)!;
        Assert.Contains("beijing-2024-31", index.IndexedIssues());
    }

    [Fact]
    public void A_second_writer_of_a_data_directory_is_refused_and_the_lock_file_survives()
    {
        var first = WriterLock.ForDirectory(_cli.DataDirectory);
        var second = WriterLock.ForDirectory(_cli.DataDirectory);
        Directory.CreateDirectory(_cli.DataDirectory);
        using (first.Acquire(TimeSpan.Zero))
        {
            Assert.Null(second.TryAcquire(TimeSpan.FromMilliseconds(300)));
        }

        Assert.True(File.Exists(Path.Combine(_cli.DataDirectory, WriterLock.FileName)));
        using var again = second.Acquire(TimeSpan.Zero);
    }

    private void AssertAgree()
    {
        using var store = SqliteGazetteStore.OpenDirectory(_cli.DataDirectory);
        using var index = GazetteIndex.TryOpenReadOnly(Path.Combine(_cli.DataDirectory, "index"), out var problem) ?? throw new InvalidOperationException(problem);
        Assert.Empty(new GongbaoServices(store, index).Disagreements());
    }
}
