using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

using Gongbao.Domain;
using Gongbao.Storage;

using Microsoft.Extensions.Configuration;

namespace Gongbao.Web.Tests;

/// <summary>Server limits: security headers, output encoding, query and paging bounds, body size, rate limit, timeouts.</summary>
public sealed class HardeningTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = fixture.Client;

    internal static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> Send(HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length > 0 && (response.Content.Headers.ContentType?.MediaType?.Contains("json") ?? false)
            ? JsonDocument.Parse(text).RootElement.Clone()
            : default;
        return (response.StatusCode, body, response);
    }

    internal static Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> Get(HttpClient client, string url) =>
        Send(client, new HttpRequestMessage(HttpMethod.Get, url));

    internal static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString()!;

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/static/app.js", HttpStatusCode.OK)]
    [InlineData("/api/issues", HttpStatusCode.OK)]
    [InlineData("/api/documents/no-such-document", HttpStatusCode.NotFound)]
    [InlineData("/api/search", HttpStatusCode.BadRequest)]
    [InlineData("/no/such/route", HttpStatusCode.NotFound)]
    public async Task EveryResponseCarriesTheSecurityHeaders(string url, HttpStatusCode expected)
    {
        var (status, _, response) = await Get(_client, url);
        Assert.Equal(expected, status);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Equal(ServerHardening.ContentSecurityPolicy, csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public void TheReaderNeedsNoInlineScriptOrStyle()
    {
        // The CSP forbids inline code: the page must load everything from /static.
        using var stream = typeof(GongbaoWebApp).Assembly.GetManifestResourceStream("reader/index.html")!;
        var html = new StreamReader(stream).ReadToEnd();
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)", html);
        Assert.DoesNotMatch(@"<style|\sstyle=|\son[a-z]+=|javascript:", html);
        // Every script tag (app.js, schemes.js, match.js …) is one file from /static.
        Assert.Equal(Regex.Matches(html, "<script").Count, Regex.Matches(html, "<script src=\"/static/[a-z]+\\.js\"></script>").Count);
        Assert.Contains("<script src=\"/static/app.js\"></script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AScriptTagInTheQueryComesBackJsonEscaped()
    {
        const string q = "<script>alert('x')</script> 信用";
        using var response = await _client.GetAsync("/api/search?q=" + Uri.EscapeDataString(q));
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("<script>", raw);
        Assert.Contains("\\u003Cscript\\u003Ealert(\\u0027x\\u0027)\\u003C/script\\u003E 信用", raw);
        Assert.Equal(q, JsonDocument.Parse(raw).RootElement.GetProperty("query").GetString());
    }

    [Fact]
    public async Task OverlongQueriesArePagesBeyondTheLimitAreRejected()
    {
        var (status, body, _) = await Get(_client, "/api/search?q=" + Uri.EscapeDataString(new string('信', 201)));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("q is 201 characters long; the limit is 200.", Detail(body));

        (status, _, _) = await Get(_client, "/api/search?q=" + Uri.EscapeDataString(new string('信', 200)));
        Assert.Equal(HttpStatusCode.OK, status);

        (status, body, _) = await Get(_client, "/api/cite?q=" + Uri.EscapeDataString("第八条") + "&context=" + new string('a', 300));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("context is 300 characters long; the limit is 200.", Detail(body));

        (status, body, _) = await Get(_client, "/api/search?q=" + Uri.EscapeDataString("信用") + "&page=2147483647");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("page is 1..1000; pageSize is 1..100.", Detail(body));

        (status, body, _) = await Get(_client, "/api/issues?page=1001");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("page is 1..1000.", Detail(body));

        (status, body, _) = await Get(_client, "/api/search?q=" + Uri.EscapeDataString("信用") + "&page=1000&pageSize=100");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, body.GetProperty("hits").GetArrayLength());
    }

    [Fact]
    public async Task TheRateLimiterAnswers429WithRetryAfterPerClientAddress()
    {
        using var samples = new SampleServices(["2024-31.txt"]);
        await using var server = await HardenedServer.Kestrel(samples.Services, o =>
        {
            o.RateLimitPermits = 3;
            o.RateLimitWindowSeconds = 60;
        });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Get(server.Client, "/api/issues")).Status);
        }

        var (status, body, response) = await Get(server.Client, "/api/issues");
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var retryAfter = int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal($"This address made more than 3 requests in 60 s; retry after {retryAfter} s.", Detail(body));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        // The reader's own files count too: the limit is per address, not per endpoint.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Get(server.Client, "/static/app.js")).Status);
    }

    [Fact]
    public async Task LoopbackCanBeExemptedFromTheRateLimit()
    {
        using var samples = new SampleServices(["2024-31.txt"]);
        await using var server = await HardenedServer.Kestrel(samples.Services, o =>
        {
            o.RateLimitPermits = 3;
            o.RateLimitWindowSeconds = 60;
            o.RateLimitExemptLoopback = true;
        });
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Get(server.Client, "/api/issues")).Status);
        }
    }

    [Fact]
    public async Task ABodyOverTheLimitIs413AndNotRead()
    {
        using var samples = new SampleServices(["2024-31.txt"]);
        await using var server = await HardenedServer.Kestrel(samples.Services, o => o.MaxRequestBodyBytes = 1024);
        var small = "{\"score\": 800}";
        var big = "{\"padding\": \"" + new string('x', 4096) + "\"}";

        using var ok = await server.Client.PostAsync("/api/schemes/credit-evaluation/evaluate", new StringContent(small, Encoding.UTF8, "application/json"));
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, ok.StatusCode);

        var (status, _, response) = await Send(server.Client, new HttpRequestMessage(HttpMethod.Post, "/api/schemes/credit-evaluation/evaluate")
        {
            Content = new StringContent(big, Encoding.UTF8, "application/json"),
        });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task OversizedHeadersAndRequestLinesAreRefusedByKestrel()
    {
        using var samples = new SampleServices(["2024-31.txt"]);
        await using var server = await HardenedServer.Kestrel(samples.Services);
        var headers = new HttpRequestMessage(HttpMethod.Get, "/api/issues");
        headers.Headers.Add("X-Padding", new string('x', 20 * 1024));
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, (await server.Client.SendAsync(headers)).StatusCode);

        using var longUrl = await server.Client.GetAsync("/api/documents/" + new string('x', 9 * 1024));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, longUrl.StatusCode);

        using var ok = await server.Client.GetAsync("/api/documents/" + new string('x', 1024));
        Assert.Equal(HttpStatusCode.NotFound, ok.StatusCode);
    }

    [Fact]
    public async Task ARequestOverTheTimeLimitIs504WithAMessage()
    {
        using var samples = new SampleServices(["2024-31.txt"], store => new DelayedStore(store, TimeSpan.FromSeconds(1.5)));
        await using var server = await HardenedServer.InProcess(samples.Services, o => o.RequestTimeoutSeconds = 0.2);

        var (status, body, response) = await Get(server.Client, "/api/documents/jingguizifa-2024-122");
        Assert.Equal(HttpStatusCode.GatewayTimeout, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("The request took longer than the server's limit of 0.2 s and was abandoned.", Detail(body));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        // Requests that do not touch the slow look-up finish in time under the same limit.
        (status, body, _) = await Get(server.Client, "/api/issues");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("total").GetInt32());
    }

    [Fact]
    public void MisconfiguredOptionsRefuseToStartNamingTheSetting()
    {
        var shortToken = Assert.Throws<InvalidOperationException>(() => new ServerOptions { IngestToken = "short" }.Validate());
        Assert.Equal("Gongbao:IngestToken must be at least 16 characters without spaces (it is 5)", shortToken.Message);
        var window = Assert.Throws<InvalidOperationException>(() => new ServerOptions { RateLimitWindowSeconds = 0 }.Validate());
        Assert.Equal("Gongbao:RateLimitWindowSeconds must be positive (it is 0)", window.Message);
        var inbox = Assert.Throws<InvalidOperationException>(() => new ServerOptions { IngestInbox = "/no/such/inbox" }.Validate());
        Assert.Equal("Gongbao:IngestInbox: no such directory /no/such/inbox", inbox.Message);
        Assert.False(new ServerOptions().Validate().IngestEnabled);
    }

    [Fact]
    public void OptionsBindFromConfigurationKeysAndEnvironmentStyleNames()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["GONGBAO:INGESTTOKEN"] = "0123456789abcdef0123",
                ["Gongbao:RateLimitPermits"] = "50",
                ["Gongbao:RequestTimeoutSeconds"] = "2.5",
            })
            .Build();
        var options = ServerOptions.From(configuration).Validate();
        Assert.True(options.IngestEnabled);
        Assert.Equal(50, options.RateLimitPermits);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.RequestTimeout);
        Assert.Equal(16 * 1024 * 1024, options.MaxIngestBytes);
    }
}

/// <summary>The real store with a slow document look-up, as under heavy load or a stalled disk.</summary>
internal sealed class DelayedStore(IGazetteStore inner, TimeSpan delay) : IGazetteStore
{
    public IngestResult Ingest(GazetteIssue issue) => inner.Ingest(issue);

    public IngestResult Ingest(GazetteIssue issue, bool force) => inner.Ingest(issue, force);

    public string? FindSourceBySha256(string sha256) => inner.FindSourceBySha256(sha256);

    public StoreCounts Counts() => inner.Counts();

    public IReadOnlyList<IssueSummary> ListIssues() => inner.ListIssues();

    public GazetteIssue? GetIssue(string issueId) => inner.GetIssue(issueId);

    public IReadOnlyList<DocumentWitness> FindDocument(string idOrNumber)
    {
        Thread.Sleep(delay);
        return inner.FindDocument(idOrNumber);
    }

    public ProvisionHit? GetProvision(string provisionId, string? issueId = null) => inner.GetProvision(provisionId, issueId);

    public IEnumerable<DocumentWitness> AllDocuments() => inner.AllDocuments();

    public void Dispose()
    {
        // The fixture disposes the inner store.
    }
}
