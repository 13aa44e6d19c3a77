using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

using Gongbao.Parsing;

using static Gongbao.Web.Tests.HardeningTests;

namespace Gongbao.Web.Tests;

/// <summary>
/// <c>POST /api/ingest</c> on a real Kestrel server: read-only by default, bearer token, body or inbox file,
/// path traversal, unusable input. Every refusal leaves the store's rows (digest) exactly as they were.
/// </summary>
public sealed class IngestEndpointTests : IAsyncLifetime
{
    private const string Token = "test-ingest-token-0123456789abcdef";

    // Three samples stored; 2025-12 is what the tests ingest over HTTP.
    private readonly SampleServices _samples = new(["2021-40.txt", "2024-31.txt", "standalone-jingguangdianfa-2021-93.txt"]);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gongbao-ingest-" + Guid.NewGuid().ToString("N"));
    private string _inbox = "";
    private string _digest = "";
    private HardenedServer? _server;

    private HttpClient Client => _server!.Client;

    public async Task InitializeAsync()
    {
        _inbox = Path.Combine(_root, "inbox");
        Directory.CreateDirectory(_inbox);
        File.Copy(SampleGazettes.File("2025-12.txt"), Path.Combine(_inbox, "2025-12.txt"));
        Directory.CreateDirectory(Path.Combine(_root, "outside"));
        File.Copy(SampleGazettes.File("2025-12.txt"), Path.Combine(_root, "outside", "secret.txt"));
        File.CreateSymbolicLink(Path.Combine(_inbox, "link-out.txt"), Path.Combine(_root, "outside", "secret.txt"));
        File.CreateSymbolicLink(Path.Combine(_inbox, "link-in.txt"), Path.Combine(_inbox, "2025-12.txt"));
        _digest = _samples.Store.ContentDigest();
        _server = await HardenedServer.Kestrel(_samples.Services, o =>
        {
            o.IngestToken = Token;
            o.IngestInbox = _inbox;
            o.MaxIngestBytes = 1024 * 1024;
        });
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _samples.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private static HttpRequestMessage Post(string url, HttpContent? content = null, string? token = Token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private static ByteArrayContent Text(byte[] bytes, string type = "text/plain")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(type + "; charset=utf-8");
        return content;
    }

    private async Task<string> Refused(HttpRequestMessage request, HttpStatusCode expected)
    {
        var (status, body, response) = await Send(Client, request);
        Assert.True(expected == status, $"{request.RequestUri}: expected {expected}, got {status} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(_digest, _samples.Store.ContentDigest());
        return Detail(body);
    }

    [Fact]
    public async Task AReadOnlyServerRefusesIngestSayingSo()
    {
        await using var readOnly = await HardenedServer.Kestrel(_samples.Services);
        var (status, body, _) = await Send(readOnly.Client, Post("/api/ingest", Text(File.ReadAllBytes(SampleGazettes.File("2025-12.txt")))));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Ingest over HTTP is disabled: this server is read-only. Configure an ingest token (Gongbao:IngestToken, " +
            "the GONGBAO__INGESTTOKEN environment variable or serve --ingest-token-file) to enable it.", Detail(body));
        Assert.Equal(_digest, _samples.Store.ContentDigest());
    }

    [Fact]
    public async Task MissingOrWrongTokensAreRefused()
    {
        var bytes = File.ReadAllBytes(SampleGazettes.File("2025-12.txt"));
        var (status, body, response) = await Send(Client, Post("/api/ingest", Text(bytes), token: null));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Ingest needs the header Authorization: Bearer <ingest token>.", Detail(body));
        Assert.Equal("Bearer realm=\"gongbao-ingest\"", response.Headers.WwwAuthenticate.Single().ToString());

        Assert.Equal("The ingest token is not valid.", await Refused(Post("/api/ingest", Text(bytes), token: Token + "x"), HttpStatusCode.Forbidden));
        Assert.Equal("The ingest token is not valid.", await Refused(Post("/api/ingest", Text(bytes), token: Token[..^1]), HttpStatusCode.Forbidden));
        var basic = Post("/api/ingest", Text(bytes), token: null);
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("admin:" + Token)));
        Assert.Equal("Ingest needs the header Authorization: Bearer <ingest token>.", await Refused(basic, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task AnUploadedIssueIsStoredListedSearchableAndCitable()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Get(Client, "/api/cite?q=" + Uri.EscapeDataString("北京市公共建筑能效分级管理办法第五条第二款"))).Status);

        var bytes = File.ReadAllBytes(SampleGazettes.File("2025-12.txt"));
        var (status, body, response) = await Send(Client, Post("/api/ingest?name=2025-12.txt", Text(bytes)));
        Assert.True(status == HttpStatusCode.Created, body.ToString());
        Assert.Equal("/api/issues/beijing-2025-12", response.Headers.Location!.OriginalString);
        Assert.Equal("beijing-2025-12", body.GetProperty("issueId").GetString());
        Assert.Equal("Added", body.GetProperty("outcome").GetString());
        Assert.Equal(15, body.GetProperty("documents").GetInt32());
        Assert.Contains(body.GetProperty("diagnostics").EnumerateArray(), d => d.GetString()!.StartsWith("2025-12.txt:665: warning GZ3001", StringComparison.Ordinal));

        var issues = (await Get(Client, "/api/issues")).Body;
        Assert.Equal(4, issues.GetProperty("total").GetInt32());
        Assert.Contains(issues.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == "beijing-2025-12");
        var search = (await Get(Client, "/api/search?q=" + Uri.EscapeDataString("家庭监护能力"))).Body;
        Assert.Equal("jingminerfufa-2024-103", search.GetProperty("hits")[0].GetProperty("id").GetString());
        var cite = (await Get(Client, "/api/cite?q=" + Uri.EscapeDataString("北京市公共建筑能效分级管理办法第五条第二款"))).Body;
        Assert.Equal("jingjianfa-2024-12/art-5/para-2", cite.GetProperty("result").GetProperty("provisionId").GetString());

        // The same bytes again change nothing.
        var digest = _samples.Store.ContentDigest();
        (status, body, _) = await Send(Client, Post("/api/ingest?name=2025-12.txt", Text(bytes)));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Unchanged", body.GetProperty("outcome").GetString());
        Assert.Equal(digest, _samples.Store.ContentDigest());
    }

    [Fact]
    public async Task AFileInTheInboxIsIngestedByName()
    {
        var (status, body, _) = await Send(Client, Post("/api/ingest?file=2025-12.txt"));
        Assert.True(status == HttpStatusCode.Created, body.ToString());
        Assert.Equal("beijing-2025-12", body.GetProperty("issueId").GetString());
        Assert.Equal("2025-12.txt", body.GetProperty("source").GetString());
        Assert.Equal(4, _samples.Store.Counts().Sources);
    }

    [Fact]
    public async Task ASymbolicLinkStayingInsideTheInboxIsFollowed()
    {
        var (status, body, _) = await Send(Client, Post("/api/ingest?file=link-in.txt"));
        Assert.True(status == HttpStatusCode.Created, body.ToString());
        Assert.Equal("beijing-2025-12", body.GetProperty("issueId").GetString());
    }

    [Fact]
    public async Task TraversalThroughTheFileParameterIsRefused()
    {
        // (as sent in the query string, as the server sees it after decoding)
        (string Encoded, string Decoded)[] attempts =
        [
            ("../outside/secret.txt", "../outside/secret.txt"),
            ("..%2Foutside%2Fsecret.txt", "../outside/secret.txt"),
            ("%2e%2e%2foutside%2fsecret.txt", "../outside/secret.txt"),
            ("%252e%252e%252foutside%252fsecret.txt", "%2e%2e%2foutside%2fsecret.txt"),
            ("..%5Coutside%5Csecret.txt", "..\\outside\\secret.txt"),
            ("%2Fetc%2Fpasswd", "/etc/passwd"),
            (Uri.EscapeDataString(Path.Combine(_root, "outside", "secret.txt")), Path.Combine(_root, "outside", "secret.txt")),
            ("..", ".."),
            ("C:secret.txt", "C:secret.txt"),
            ("2025-12.txt%00.png", "2025-12.txt?.png"),
        ];
        foreach (var (encoded, decoded) in attempts)
        {
            var detail = await Refused(Post("/api/ingest?file=" + encoded), HttpStatusCode.BadRequest);
            Assert.Equal($"file must be the name of a file directly inside the ingest inbox (no directories, '..', drive or absolute paths); got '{decoded}'.", detail);
        }
    }

    [Fact]
    public async Task ASymbolicLinkLeadingOutOfTheInboxIsRefused()
    {
        Assert.Equal("file 'link-out.txt' is a symbolic link leading out of the ingest inbox.",
            await Refused(Post("/api/ingest?file=link-out.txt"), HttpStatusCode.BadRequest));
        Assert.Equal("No file 'missing.txt' in the ingest inbox.", await Refused(Post("/api/ingest?file=missing.txt"), HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task UnusableUploadsAreRefusedNamingTheProblemAndStoreNothing()
    {
        var binary = Encoding.UTF8.GetBytes("北京市人民政府公报\n\0\u0001\u0002");
        Assert.Equal("Nothing was stored: scan.pdf:2: error GZ0002: binary file (NUL byte); expected gazette text",
            await Refused(Post("/api/ingest?name=scan.pdf", Text(binary)), HttpStatusCode.UnprocessableEntity));

        // Invalid UTF-8 that does not decode into plausible Chinese as GB18030 either.
        var garbage = Enumerable.Repeat((byte)0x80, 400).ToArray();
        var undecodable = await Refused(Post("/api/ingest", Text(garbage)), HttpStatusCode.UnprocessableEntity);
        // Unlabelled uploads are named after their content (issue 10), so two of them never share an ID.
        Assert.Matches("^Nothing was stored: upload-[0-9a-f]{12}\\.txt:1: error GZ0003: not valid UTF-8 and not plausible GB18030/GBK text", undecodable);

        Assert.Equal("The request body is empty: send the gazette text, or name a file in the ingest inbox with ?file=.",
            await Refused(Post("/api/ingest", Text([])), HttpStatusCode.BadRequest));
        Assert.Equal("Send the gazette text as text/plain (UTF-8; GB18030 and UTF-16 with a byte order mark are recognised), not application/json; charset=utf-8.",
            await Refused(Post("/api/ingest", Text(Encoding.UTF8.GetBytes("{}"), "application/json")), HttpStatusCode.UnsupportedMediaType));
        Assert.Equal("name labels the upload and must be a plain file name (no directories or control characters), e.g. ?name=2024-31.txt.",
            await Refused(Post("/api/ingest?name=..%2F..%2Fetc%2Fcron.d%2Fx", Text(Encoding.UTF8.GetBytes("正文"))), HttpStatusCode.BadRequest));
        Assert.Equal("Give either a request body or ?file=, not both.",
            await Refused(Post("/api/ingest?file=2025-12.txt", Text(Encoding.UTF8.GetBytes("正文"))), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task AnUploadOverTheIngestLimitIs413AndStoresNothing()
    {
        var bytes = File.ReadAllBytes(SampleGazettes.File("2025-12.txt"));
        var twice = bytes.Concat(bytes).Concat(bytes).Concat(bytes).Concat(bytes).Concat(bytes).Concat(bytes).Concat(bytes).ToArray();
        Assert.True(twice.Length > 1024 * 1024);
        Assert.Equal($"Nothing was stored: the request body is {twice.Length:N0} bytes, above the ingest limit of 1,048,576 bytes (Gongbao:MaxIngestBytes).",
            await Refused(Post("/api/ingest", Text(twice)), HttpStatusCode.RequestEntityTooLarge));

        // Without a Content-Length (chunked), the limit is enforced while reading.
        var chunked = new StreamContent(new MemoryStream(twice));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        var request = Post("/api/ingest", chunked);
        request.Headers.TransferEncodingChunked = true;
        Assert.Equal("Nothing was stored: the request body is larger than the ingest limit of 1,048,576 bytes (Gongbao:MaxIngestBytes).",
            await Refused(request, HttpStatusCode.RequestEntityTooLarge));
    }

    [Fact]
    public async Task AnUploadThatStallsPastTheIngestTimeoutIs504AndStoresNothing()
    {
        await using var strict = await HardenedServer.Kestrel(_samples.Services, o =>
        {
            o.IngestToken = Token;
            o.IngestTimeoutSeconds = 0.3;
        });
        var bytes = File.ReadAllBytes(SampleGazettes.File("2025-12.txt"));
        var (status, body, _) = await Send(strict.Client, Post("/api/ingest?name=2025-12.txt", new StalledContent(bytes, TimeSpan.FromSeconds(1.2))));
        Assert.Equal(HttpStatusCode.GatewayTimeout, status);
        Assert.Equal("The request took longer than the server's limit of 0.3 s and was abandoned.", Detail(body));
        Assert.Equal(_digest, _samples.Store.ContentDigest());
        Assert.Equal(3, (await Get(strict.Client, "/api/issues")).Body.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ConcurrentIngestsAreSerialisedAndReadersKeepBeingServed()
    {
        var bytes = File.ReadAllBytes(SampleGazettes.File("2025-12.txt"));
        var ingests = Enumerable.Range(0, 3).Select(_ => Send(Client, Post("/api/ingest?name=2025-12.txt", Text(bytes)))).ToList();
        var readers = Enumerable.Range(0, 30).Select(i => Get(Client, i % 2 == 0
            ? "/api/search?q=" + Uri.EscapeDataString("信用评价")
            : "/api/provisions/jingguizifa-2024-122/art-8")).ToList();
        var outcomes = (await Task.WhenAll(ingests)).Select(r => r.Body.GetProperty("outcome").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Added", "Unchanged", "Unchanged"], outcomes);
        Assert.All(await Task.WhenAll(readers), r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(4, _samples.Store.Counts().Sources);
    }

    [Fact]
    public async Task AStoreFailureMidWriteIs500AndLeavesStoreAndIndexAsTheyWere()
    {
        _samples.Store.ProvisionWritten = n =>
        {
            if (n == 100)
            {
                throw new IOException("disk full (injected)");
            }
        };
        var bytes = File.ReadAllBytes(SampleGazettes.File("2025-12.txt"));
        Assert.Equal("Nothing was stored: the store failed while writing the source: disk full (injected)",
            await Refused(Post("/api/ingest?name=2025-12.txt", Text(bytes)), HttpStatusCode.InternalServerError));
        // Quoted: the phrase is printed only in 2025-12 (unquoted, its words also occur apart in the other samples).
        Assert.Equal(0, (await Get(Client, "/api/search?q=" + Uri.EscapeDataString("\"家庭监护能力\""))).Body.GetProperty("total").GetInt32());

        // Once the fault is gone the same upload goes through.
        _samples.Store.ProvisionWritten = null;
        var (status, body, _) = await Send(Client, Post("/api/ingest?name=2025-12.txt", Text(bytes)));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("Added", body.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task WithoutAnInboxTheFileParameterIsRefused()
    {
        await using var noInbox = await HardenedServer.Kestrel(_samples.Services, o => o.IngestToken = Token);
        var (status, body, _) = await Send(noInbox.Client, Post("/api/ingest?file=2025-12.txt"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("No ingest inbox is configured (Gongbao:IngestInbox), so ?file= cannot be used; send the text as the request body instead.", Detail(body));
        Assert.Equal(_digest, _samples.Store.ContentDigest());
    }
}

/// <summary>A request body that sends its first 4 KB, then stalls (a slow or stuck client), then the rest.</summary>
internal sealed class StalledContent(byte[] bytes, TimeSpan stall) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(bytes.AsMemory(0, 4096));
        await stream.FlushAsync();
        await Task.Delay(stall);
        await stream.WriteAsync(bytes.AsMemory(4096));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = bytes.Length;
        return true;
    }
}
