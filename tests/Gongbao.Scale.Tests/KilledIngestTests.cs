using System.Diagnostics;

using Gongbao.Corpus;
using Gongbao.Domain;
using Gongbao.Parsing;
using Gongbao.Storage;
using Gongbao.Storage.Postgres;
using Gongbao.Storage.Relational;

using Microsoft.Data.Sqlite;

namespace Gongbao.Scale.Tests;

public sealed class PostgresServerFixture : IDisposable
{
    public LocalPostgresServer Server { get; } = LocalPostgresServer.Start();

    public void Dispose() => Server.Dispose();
}

/// <summary>
/// Fault tests with a real child process: <c>gongbao ingest</c> killed with SIGKILL in the middle of a
/// folder leaves a store holding only whole issues, and running the same ingest again completes it.
/// </summary>
public sealed class KilledIngestTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>, IDisposable
{
    private const int IssueCount = 32;
    private readonly string _root = Directory.CreateTempSubdirectory("gongbao-kill-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void A_child_killed_mid_ingest_leaves_whole_issues_and_reingest_completes(string backend)
    {
        var inputs = Path.Combine(_root, "in");
        Directory.CreateDirectory(inputs);
        var expected = new Dictionary<string, (List<string> Documents, int Provisions)>();
        var parser = new GazetteParser();
        foreach (var generated in CorpusGenerator.FromSamples(seed: 11).Generate(IssueCount))
        {
            var path = Path.Combine(inputs, generated.FileName);
            File.WriteAllText(path, generated.Text);
            var issue = parser.ParseFile(path);
            expected[issue.Id] = (issue.Documents.Select(d => d.Id).ToList(), issue.Documents.Sum(Provisions));
        }

        string[] storeArgs = backend == "sqlite"
            ? ["--data", Path.Combine(_root, "data")]
            : ["--store", postgres.Server.CreateDatabase("kill")];
        RelationalGazetteStore Open() => backend == "sqlite"
            ? SqliteGazetteStore.OpenDirectory(Path.Combine(_root, "data"))
            : PostgresGazetteStore.Open(storeArgs[1]);

        var observed = "";

        // Create the empty store first, so the child and the watcher never race to migrate it.
        using var watcher = Open();
        using (var child = StartCli([.. storeArgs, "ingest", inputs]))
        {
            // Kill once a few issues are committed: the next one is being written.
            var clock = Stopwatch.StartNew();
            var seen = 0;
            while ((seen = watcher.Counts().Sources) < 3 && !child.HasExited && clock.Elapsed < TimeSpan.FromSeconds(90))
            {
                Thread.Sleep(5);
            }

            observed = $"{seen} sources seen at {clock.ElapsedMilliseconds} ms";

            if (child.HasExited)
            {
                Assert.Fail("the ingest finished before it could be killed: " + child.StandardError.ReadToEnd());
            }

            child.Kill(); // SIGKILL to the dotnet host itself: no tree walk, so nothing more is committed meanwhile
            child.WaitForExit();
            observed += $", killed at {clock.ElapsedMilliseconds} ms with exit code {child.ExitCode}, watcher then sees {watcher.Counts().Sources}";
        }

        using (var store = Open())
        {
            var stored = store.ListIssues();
            Assert.True(stored.Count >= 3 && stored.Count < IssueCount, $"{stored.Count} stored after the kill; {observed}");
            foreach (var summary in stored)
            {
                AssertWhole(store, summary.Id, expected[summary.Id]);
            }

            if (backend == "sqlite")
            {
                using var check = new SqliteConnection($"Data Source={Path.Combine(_root, "data", "gongbao.db")};Pooling=False");
                check.Open();
                using var cmd = check.CreateCommand();
                cmd.CommandText = "PRAGMA integrity_check";
                Assert.Equal("ok", cmd.ExecuteScalar());
            }
        }

        using (var again = StartCli([.. storeArgs, "ingest", inputs]))
        {
            Assert.True(again.WaitForExit(TimeSpan.FromSeconds(120)), "re-ingest did not finish");
            Assert.True(again.ExitCode == 0, again.StandardError.ReadToEnd());
        }

        using (var store = Open())
        {
            Assert.Equal(expected.Keys.Order(), store.ListIssues().Select(i => i.Id).Order());
            foreach (var (id, want) in expected)
            {
                AssertWhole(store, id, want);
            }
        }
    }

    private static void AssertWhole(IGazetteStore store, string issueId, (List<string> Documents, int Provisions) want)
    {
        var issue = store.GetIssue(issueId);
        Assert.NotNull(issue);
        Assert.Equal(want.Documents, issue.Documents.Select(d => d.Id));
        Assert.Equal(want.Provisions, issue.Documents.Sum(Provisions));
    }

    private static int Provisions(GazetteDocument d) => d.AllProvisions().Count() + d.Instruments.Sum(Provisions);

    private static Process StartCli(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gongbao.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start gongbao");
        // Drain output so a full pipe never blocks the child.
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }
}
