using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;

using Gongbao.Parsing;
using Gongbao.Search;
using Gongbao.Storage;
using Gongbao.Storage.Relational;

using Microsoft.Data.Sqlite;

namespace Gongbao.Cli.Tests;

/// <summary>
/// Issue 10 storage faults: a read-only data directory (readers work, writers fail saying why), a database with
/// 4 KB overwritten mid-file (nothing written, index kept), a database at an older schema (readers work without a writer).
/// </summary>
public sealed class StoreFaultTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose()
    {
        SetImmutable(_cli.DataDirectory, false);
        _cli.Dispose();
    }

    [Fact]
    public async Task A_read_only_data_directory_serves_every_reader_and_refuses_a_writer_saying_why()
    {
        Assert.Equal(0, _cli.Run("ingest", SampleGazettes.File("2024-31.txt")).ExitCode);
        var before = DirectoryDigest(_cli.DataDirectory);
        // Root ignores file modes; the immutable attribute binds root too (as a read-only mount would).
        SetImmutable(_cli.DataDirectory, true);
        try
        {
            Assert.ThrowsAny<Exception>(() => File.WriteAllText(Path.Combine(_cli.DataDirectory, "probe"), "x"));

            var issues = _cli.Run("issues");
            Assert.True(issues.ExitCode == 0, issues.Err);
            Assert.Contains("beijing-2024-31", issues.Out);
            var search = _cli.Run("search", "信用评价");
            Assert.True(search.ExitCode == 0, search.Err);
            Assert.Contains("jingguizifa-2024-122", search.Out);
            Assert.Equal(0, _cli.Run("show", "jingguizifa-2024-122").ExitCode);
            Assert.Equal(0, _cli.Run("toc", "beijing-2024-31").ExitCode);
            Assert.Equal(0, _cli.Run("cite", "京规自发〔2024〕122号第八条").ExitCode);

            using (var server = GongbaoProcess.Start(_cli.DataDirectory, ["serve", "--url", "http://127.0.0.1:0"]))
            {
                var url = await GongbaoProcess.ServerUrl(server);
                using var http = new HttpClient { BaseAddress = new Uri(url) };
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/issues")).StatusCode);
                var hits = await http.GetAsync("/api/search?q=" + Uri.EscapeDataString("信用评价"));
                Assert.Equal(HttpStatusCode.OK, hits.StatusCode);
                Assert.Contains("jingguizifa-2024-122", await hits.Content.ReadAsStringAsync());
                server.Kill();
                await server.WaitForExitAsync();
            }

            var ingest = _cli.Run("ingest", SampleGazettes.File("2021-40.txt"));
            Assert.Equal(ExitCodes.StoreError, ingest.ExitCode);
            Assert.Matches($"^gongbao: cannot write to {System.Text.RegularExpressions.Regex.Escape(_cli.DataDirectory)}: ", ingest.Err);
            Assert.Equal(ExitCodes.StoreError, _cli.Run("reindex").ExitCode);
        }
        finally
        {
            SetImmutable(_cli.DataDirectory, false);
        }

        Assert.Equal(before, DirectoryDigest(_cli.DataDirectory));
    }

    [Fact]
    public void A_database_with_4_KB_overwritten_mid_file_is_not_written_and_the_index_is_kept()
    {
        Assert.Equal(0, _cli.Run("ingest", SampleGazettes.File("2024-31.txt"), SampleGazettes.File("2021-40.txt")).ExitCode);
        var db = Path.Combine(_cli.DataDirectory, SqliteGazetteStore.DefaultFileName);
        Assert.False(File.Exists(db + "-wal") && new FileInfo(db + "-wal").Length > 0, "the WAL is checkpointed when the last connection closes");
        var bytes = File.ReadAllBytes(db);
        Assert.True(bytes.Length > 16 * 4096, $"the database has {bytes.Length} bytes");
        var middle = bytes.Length / 2 / 4096 * 4096;
        new Random(4096).NextBytes(bytes.AsSpan(middle, 4096));
        File.WriteAllBytes(db, bytes);
        var damaged = SHA256.HashData(bytes);

        var ingest = _cli.Run("ingest", SampleGazettes.File("2025-12.txt"));
        var reindex = _cli.Run("reindex");

        Assert.Equal(ExitCodes.StoreError, ingest.ExitCode);
        Assert.Contains("is damaged (SQLite quick_check", ingest.Err);
        Assert.Contains("it was not written to", ingest.Err);
        Assert.Equal(ExitCodes.StoreError, reindex.ExitCode);
        Assert.Equal(damaged, SHA256.HashData(File.ReadAllBytes(db)));
        using var index = GazetteIndex.TryOpenReadOnly(Path.Combine(_cli.DataDirectory, "index"), out var problem) ?? throw new InvalidOperationException(problem);
        Assert.Superset(new HashSet<string> { "beijing-2024-31", "beijing-2021-40" }, index.IndexedIssues());
    }

    [Fact]
    public void A_corrupt_segments_file_is_rebuilt_from_the_store_by_the_next_writer()
    {
        Assert.Equal(0, _cli.Run("ingest", SampleGazettes.File("2024-31.txt")).ExitCode);
        var segments = Directory.EnumerateFiles(Path.Combine(_cli.DataDirectory, "index"), "segments_*").Single();
        var bytes = File.ReadAllBytes(segments);
        new Random(7).NextBytes(bytes.AsSpan(8, Math.Min(64, bytes.Length - 8)));
        File.WriteAllBytes(segments, bytes);

        // A reader says the index is unusable and answers from one built in memory; the next writer rebuilds it.
        var search = _cli.Run("search", "信用评价");
        Assert.Equal(0, search.ExitCode);
        Assert.Contains("jingguizifa-2024-122", search.Out);
        Assert.Contains("searching an index built in memory", search.Err);
        var reindex = _cli.Run("reindex");
        Assert.Equal(0, reindex.ExitCode);
        Assert.Contains("rebuilding it from the store", reindex.Err);
        using var store = SqliteGazetteStore.OpenDirectoryReadOnly(_cli.DataDirectory);
        using var index = GazetteIndex.TryOpenReadOnly(Path.Combine(_cli.DataDirectory, "index"), out var problem) ?? throw new InvalidOperationException(problem);
        Assert.Empty(new Application.GongbaoServices(store, index).Disagreements());
    }

    [Fact]
    public void Readers_work_on_a_database_at_every_older_schema_version_without_writing_it()
    {
        Assert.Equal(0, _cli.Run("ingest", SampleGazettes.File("2024-31.txt")).ExitCode);
        var current = Path.Combine(_cli.DataDirectory, SqliteGazetteStore.DefaultFileName);
        var latest = GazetteSchema.Migrations.Max(m => m.Version);
        Assert.True(latest >= 2, "needs a migration after the first");

        foreach (var version in GazetteSchema.Migrations.Select(m => m.Version).Where(v => v < latest))
        {
            var data = Path.Combine(_cli.Root, $"schema-{version}");
            Directory.CreateDirectory(data);
            var old = Path.Combine(data, SqliteGazetteStore.DefaultFileName);
            BuildOlderDatabase(old, current, version);
            var digest = DirectoryDigest(data);

            var issues = _cli.RunIn(data, "issues");
            Assert.True(issues.ExitCode == 0, $"schema {version}: {issues.Err}");
            Assert.Contains("beijing-2024-31", issues.Out);
            Assert.Contains("older schema; reading a copy upgraded in memory", issues.Err);
            var search = _cli.RunIn(data, "search", "信用评价");
            Assert.True(search.ExitCode == 0, $"schema {version}: {search.Err}");
            Assert.Contains("jingguizifa-2024-122", search.Out);
            Assert.Equal(0, _cli.RunIn(data, "show", "jingguizifa-2024-122").ExitCode);
            Assert.Equal(digest, DirectoryDigest(data));

            // A writer upgrades the file; readers then read it directly.
            Assert.Equal(0, _cli.RunIn(data, "reindex").ExitCode);
            using var upgraded = SqliteGazetteStore.OpenReadOnly(old);
            Assert.False(upgraded.OlderSchema);
        }
    }

    /// <summary>A database at <paramref name="version"/> (migrations up to it only) holding the rows of <paramref name="source"/> its tables can take.</summary>
    private static void BuildOlderDatabase(string path, string source, int version)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        MigrationRunner.Apply(connection, GazetteSchema.Migrations.Where(m => m.Version <= version).ToList());
        Assert.Equal(version, MigrationRunner.CurrentVersion(connection));
        if (version < 4)
        {
            // Schema 4 keeps document texts and provisions in compressed bodies: the older row layout is written from the model.
            source = BuildSchema3Database(source, Path.Combine(Path.GetDirectoryName(path)!, "..", $"schema-3-of-{version}.db"));
        }

        Execute(connection, $"ATTACH DATABASE '{source.Replace("'", "''", StringComparison.Ordinal)}' AS latest");
        Execute(connection, "PRAGMA foreign_keys = OFF");
        foreach (var table in Strings(connection, "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        {
            if (table == GazetteSchema.MigrationTable)
            {
                continue;
            }

            var columns = Strings(connection, $"SELECT name FROM pragma_table_info('{table}', 'main')")
                .Intersect(Strings(connection, $"SELECT name FROM pragma_table_info('{table}', 'latest')")).ToList();
            var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
            Execute(connection, $"INSERT INTO main.\"{table}\" ({list}) SELECT {list} FROM latest.\"{table}\"");
        }

        Execute(connection, "DETACH DATABASE latest");
    }

    private static string BuildSchema3Database(string source, string path)
    {
        using var latest = SqliteGazetteStore.OpenReadOnly(source);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        MigrationRunner.Apply(connection, GazetteSchema.Migrations.Where(m => m.Version <= 3).ToList());
        Schema3Rows.CopyStore(latest, connection);
        return path;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var list = new List<string>();
        while (reader.Read())
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }

    /// <summary>Every file's name and bytes: proves a command wrote nothing.</summary>
    private static string DirectoryDigest(string directory) => string.Join('\n', Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal).Select(f => $"{Path.GetRelativePath(directory, f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}"));

    private static void SetImmutable(string directory, bool on)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        using var chattr = Process.Start(new ProcessStartInfo("chattr", ["-R", on ? "+i" : "-i", directory]) { RedirectStandardError = true })!;
        var error = chattr.StandardError.ReadToEnd();
        chattr.WaitForExit();
        Assert.True(chattr.ExitCode == 0, $"chattr {(on ? "+i" : "-i")} {directory} failed (needs root on ext4/xfs/btrfs): {error}");
    }
}
