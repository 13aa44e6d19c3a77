using System.Security.Cryptography;

using Gongbao.Application;
using Gongbao.Parsing;
using Gongbao.Search;
using Gongbao.Storage;

namespace Gongbao.Cli.Tests;

/// <summary>
/// Issue 10 findings: <c>gongbao search</c> over a store holding a source with no documents re-indexed (and took the
/// index lock) on every run; <c>demo --force</c> left stale index entries. Readers write nothing; demo keeps the index in step.
/// </summary>
public sealed class ReaderWritesNothingTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Searching_a_store_with_a_source_of_no_documents_writes_nothing()
    {
        Assert.Equal(0, _cli.Run("ingest", SampleGazettes.File("2024-31.txt")).ExitCode);
        using (var store = SqliteGazetteStore.OpenDirectory(_cli.DataDirectory))
        {
            var empty = new GazetteParser().ParseFile(SampleGazettes.File("2021-40.txt"));
            store.Ingest(empty with { Documents = [] });
        }

        Assert.Equal(0, _cli.Run("reindex").ExitCode);
        var before = Digest();

        for (var i = 0; i < 2; i++)
        {
            var search = _cli.Run("search", "信用评价");
            Assert.Equal(0, search.ExitCode);
            Assert.Equal("", search.Err);
            Assert.Equal(0, _cli.Run("issues").ExitCode);
        }

        Assert.Equal(before, Digest());
    }

    [Fact]
    public void Demo_with_force_over_a_changed_issue_leaves_store_and_index_agreeing()
    {
        var folder = Path.Combine(_cli.Root, "gazettes");
        Directory.CreateDirectory(folder);
        var first = new MadeUpGazette(1);
        File.WriteAllBytes(Path.Combine(folder, first.FileName), first.Bytes);
        Assert.Equal(0, _cli.Run("demo", "--no-serve", "--gazettes", folder).ExitCode);

        var changed = first with { Padding = "新设蜃楼专项补贴。" };
        File.WriteAllBytes(Path.Combine(folder, first.FileName), changed.Bytes);
        var rerun = _cli.Run("demo", "--no-serve", "--force", "--gazettes", folder);

        Assert.True(rerun.ExitCode == 0, rerun.Err);
        using var store = SqliteGazetteStore.OpenDirectoryReadOnly(_cli.DataDirectory);
        using var index = GazetteIndex.TryOpenReadOnly(Path.Combine(_cli.DataDirectory, "index"), out var problem) ?? throw new InvalidOperationException(problem);
        Assert.Empty(new GongbaoServices(store, index).Disagreements());
        Assert.Contains(first.MeasuresId, _cli.Run("search", "\"蜃楼专项补贴\"").Out);
        Assert.Equal(2, store.Versions(first.IssueId).Count);
    }

    // SQLite's shared-memory index of the WAL (-shm) is created by any reader of a WAL database; it holds no data.
    private string Digest() => string.Join('\n', Directory.EnumerateFiles(_cli.DataDirectory, "*", SearchOption.AllDirectories)
        .Where(f => !f.EndsWith("-shm", StringComparison.Ordinal) && !(f.EndsWith("-wal", StringComparison.Ordinal) && new FileInfo(f).Length == 0))
        .Order(StringComparer.Ordinal).Select(f => $"{Path.GetRelativePath(_cli.DataDirectory, f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}"));
}
