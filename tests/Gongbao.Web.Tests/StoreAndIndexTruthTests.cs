using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

using Gongbao.Parsing;
using Gongbao.Search;
using Gongbao.Storage;

using Lucene.Net.Store;

using static Gongbao.Web.Tests.HardeningTests;

namespace Gongbao.Web.Tests;

/// <summary>
/// Issue 10 regressions over HTTP: an index failure after the store committed answers "stored, index pending"
/// (never "nothing stored") and is repaired by the next reconcile; diffs beyond the size limit are 413 with the
/// limit named; listings never show where the server keeps its files.
/// </summary>
public sealed class StoreAndIndexTruthTests : IDisposable
{
    private const string Token = "truth-test-token-0123456789abcdef";
    private readonly string _root = System.IO.Directory.CreateTempSubdirectory("gongbao-truth-").FullName;

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    [Fact]
    public async Task An_index_failure_after_the_store_commit_answers_stored_with_the_index_pending_and_reconcile_repairs_it()
    {
        var indexPath = Path.Combine(_root, "index");
        using var store = SqliteGazetteStore.OpenDirectory(_root);
        store.Ingest(new GazetteParser().ParseFile(SampleGazettes.File("2024-31.txt")));
        using var index = GazetteIndex.OpenWritable(indexPath);
        var services = new GongbaoServices(store, index);
        services.ReconcileIndex();

        HttpStatusCode status;
        JsonElement body;
        // Lucene's write lock held elsewhere (as by a process that ignores the writer lock): the index cannot be written.
        using (var directory = FSDirectory.Open(new DirectoryInfo(indexPath)))
        using (var luceneLock = directory.MakeLock("write.lock"))
        {
            Assert.True(luceneLock.Obtain());
            await using var server = await HardenedServer.Kestrel(services, o => o.IngestToken = Token);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest?name=2021-40.txt")
            {
                Content = new ByteArrayContent(File.ReadAllBytes(SampleGazettes.File("2021-40.txt"))),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain; charset=utf-8");
            (status, body, _) = await Send(server.Client, request);
        }

        Assert.True(status == HttpStatusCode.Created, $"{status} {body}");
        Assert.Equal("pending", body.GetProperty("index").GetString());
        Assert.Contains("Stored; the search index update is pending", body.GetProperty("warning").GetString());
        Assert.NotNull(store.FindSourceState("beijing-2021-40"));
        Assert.Contains("beijing-2021-40", services.Disagreements());

        var repaired = services.ReconcileIndex();
        Assert.True(repaired.Reindexed >= 1);
        Assert.Empty(services.Disagreements());
    }

    [Fact]
    public async Task A_fifo_in_the_inbox_is_refused_at_once_instead_of_hanging_the_request()
    {
        using var samples = new SampleServices(["2024-31.txt"]);
        var inbox = System.IO.Directory.CreateDirectory(Path.Combine(_root, "inbox")).FullName;
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(inbox, "pipe.txt")))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var digest = samples.Store.ContentDigest();
        await using var server = await HardenedServer.Kestrel(samples.Services, o =>
        {
            o.IngestToken = Token;
            o.IngestInbox = inbox;
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest?file=pipe.txt");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (status, body, _) = await Send(server.Client, request);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("not a regular file", Detail(body));
        Assert.Equal(digest, samples.Store.ContentDigest());
    }

    [Fact]
    public async Task A_diff_of_witnesses_beyond_the_size_limit_is_413_naming_the_limit()
    {
        using var samples = new SampleServices();
        await using var server = await HardenedServer.InProcess(samples.Services, o => o.MaxDiffCharacters = 1000);

        var (status, body, _) = await Get(server.Client, "/api/documents/jingguangdianfa-2021-93/diff/standalone-jingguangdianfa-2021-93");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Matches(@"has [\d,]+ characters; comparisons are limited to 1,000 \(Gongbao:MaxDiffCharacters\)", Detail(body));

        // Within the limit the same comparison answers.
        await using var roomy = await HardenedServer.InProcess(samples.Services);
        Assert.Equal(HttpStatusCode.OK, (await Get(roomy.Client, "/api/documents/jingguangdianfa-2021-93/diff/standalone-jingguangdianfa-2021-93")).Status);
    }

    [Fact]
    public async Task Issue_listings_show_file_names_never_server_paths()
    {
        using var samples = new SampleServices();
        await using var server = await HardenedServer.InProcess(samples.Services);
        var folder = Path.GetDirectoryName(SampleGazettes.File("2024-31.txt"))!;
        Assert.True(Path.IsPathRooted(samples.Store.ListIssues()[0].SourceFile), "the store keeps the full path, so the API must strip it");

        foreach (var url in new[] { "/api/issues", "/api/issues/beijing-2024-31", "/api/issues/beijing-2024-31/versions" })
        {
            var response = await server.Client.GetAsync(url);
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(folder, text);
            Assert.DoesNotContain(folder.Replace("/", "\\/", StringComparison.Ordinal), text);
            Assert.DoesNotContain("\"/", text);
        }
    }
}
