using System.Diagnostics;

using Gongbao.Application;
using Gongbao.Corpus;
using Gongbao.Search;
using Gongbao.Storage;
using Gongbao.Storage.Postgres;
using Gongbao.Storage.Relational;

using Xunit.Abstractions;

namespace Gongbao.Scale.Tests;

/// <summary>
/// Issue 10: <c>gongbao ingest</c> (and the forced re-index of changed issues) killed with SIGKILL at random
/// points; after each kill, reopening for writing reconciles, and store and index agree by content for every source.
/// </summary>
public sealed class RandomKillReconcileTests(PostgresServerFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresServerFixture>, IDisposable
{
    private const int Points = 30;
    private readonly string _root = Directory.CreateTempSubdirectory("gongbao-rkill-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void Killed_at_random_points_store_and_index_agree_by_content_after_reopen(string backend)
    {
        var clock = Stopwatch.StartNew();
        var versions = new[] { Path.Combine(_root, "a"), Path.Combine(_root, "b") };
        var generated = CorpusGenerator.FromSamples(seed: 5).Generate(6).ToList();
        foreach (var (folder, suffix) in versions.Zip(new[] { "", "\n（本期修订。）\n" }))
        {
            Directory.CreateDirectory(folder);
            foreach (var g in generated)
            {
                File.WriteAllText(Path.Combine(folder, g.FileName), g.Text + suffix);
            }
        }

        var data = Path.Combine(_root, "data-" + backend);
        string[] storeArgs = backend == "sqlite" ? ["--data", data] : ["--data", data, "--store", postgres.Server.CreateDatabase("rkill")];
        var random = new Random(10);
        var survived = 0;
        for (var point = 0; point < Points; point++)
        {
            var folder = versions[point % 2];
            using (var child = StartCli([.. storeArgs, "ingest", "--force", folder]))
            {
                Thread.Sleep(random.Next(150, 1500));
                if (!child.HasExited)
                {
                    child.Kill();
                }

                child.WaitForExit();
            }

            using var store = backend == "sqlite" ? (RelationalGazetteStore)SqliteGazetteStore.OpenDirectory(data) : PostgresGazetteStore.Open(storeArgs[3]);
            using var index = GazetteIndex.OpenWritable(Path.Combine(data, "index"));
            var services = new GongbaoServices(store, index);
            services.ReconcileIndex();
            var differ = services.Disagreements();
            Assert.True(differ.Count == 0, $"point {point}: store and index differ for {string.Join(", ", differ)}");
            survived++;
        }

        output.WriteLine($"{backend}: {Points} kill points tried, {survived} survived, {clock.Elapsed.TotalSeconds:F0} s");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"took {clock.Elapsed}");
    }

    private static Process StartCli(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gongbao.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start gongbao");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
