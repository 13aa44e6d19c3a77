using System.Net;
using System.Text;
using System.Text.Json;

using Gongbao.Application;
using Gongbao.Parsing;
using Gongbao.Search;
using Gongbao.Storage;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Gongbao.Web.Tests;

/// <summary>Relations, status, versions and the status search filter through the /api/documents catch-all (issue 12).</summary>
public sealed class RelationsApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private static async Task<JsonElement> Get(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode} {body}");
        if (expected != HttpStatusCode.OK)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<JsonElement> Get(string url, HttpStatusCode expected = HttpStatusCode.OK) => Get(_client, url, expected);

    [Fact]
    public async Task Article16OfJingjianfa2024No12RepealsAnExternalNoticeAndTheStoreKeepsIt()
    {
        var r = await Get("/api/documents/jingjianfa-2024-12/relations");
        var repeal = Assert.Single(r.GetProperty("outgoing").EnumerateArray(), x => x.GetProperty("kind").GetString() == "Repeals");
        Assert.Equal(16, repeal.GetProperty("sourceArticle").GetInt32());
        Assert.Equal("废止", repeal.GetProperty("kindZh").GetString());
        Assert.Equal("京建法〔2020〕5号", repeal.GetProperty("target").GetString());
        Assert.True(repeal.GetProperty("external").GetBoolean());
        var provisionId = repeal.GetProperty("sourceProvisionId").GetString()!;
        Assert.Equal("jingjianfa-2024-12/art-16", provisionId);
        Assert.Equal("jingjianfa-2024-12/inst-1", repeal.GetProperty("sourceInstrumentId").GetString());

        // The samples were stored without relations: building the graph backfilled them into the store.
        Assert.Empty(fixture.Services.Store.SourcesWithoutRelations(Citations.Relations.StoredRelations.ExtractorVersion));
        Assert.Contains(fixture.Services.Store.Relations(), x => x is { Kind: "Repeals", SourceDocumentId: "jingjianfa-2024-12", SourceArticle: 16 });
    }

    [Fact]
    public async Task IncomingRelationsNameTheStatingDocumentAndProvision()
    {
        // 京广发〔2024〕65号 rests on the 行动计划 issued by 京广发〔2024〕60号.
        var r = await Get("/api/documents/" + Uri.EscapeDataString("京广发〔2024〕60号") + "/relations");
        Assert.Equal("jingguangfa-2024-60", r.GetProperty("documentId").GetString());
        var basis = r.GetProperty("incoming").EnumerateArray().First(x => x.GetProperty("sourceDocumentId").GetString() == "jingguangfa-2024-65" && x.GetProperty("kind").GetString() == "LegalBasis");
        Assert.Equal("被引用", basis.GetProperty("kindZh").GetString());
        Assert.Equal("jingguangfa-2024-60", basis.GetProperty("targetDocumentId").GetString());
        Assert.False(string.IsNullOrEmpty(basis.GetProperty("sourceTitle").GetString()));
        Assert.StartsWith("jingguangfa-2024-65", basis.GetProperty("sourceProvisionId").GetString());
    }

    [Fact]
    public async Task AProvisionIdWithSlashesScopesTheRelationsToThatProvision()
    {
        // 京广发〔2024〕65号's 措施, first paragraph: 根据…《北京市超高清视听先锋行动计划（2024—2026年）》.
        const string pid = "jingguangfa-2024-65/inst-1/para-1";
        var all = await Get("/api/documents/jingguangfa-2024-65/relations");
        var scoped = await Get($"/api/documents/{pid}/relations");
        Assert.Equal(pid, scoped.GetProperty("scope").GetString());
        Assert.Equal("jingguangfa-2024-65", scoped.GetProperty("documentId").GetString());
        Assert.All(scoped.GetProperty("outgoing").EnumerateArray(), x => Assert.StartsWith(pid, x.GetProperty("sourceProvisionId").GetString()));
        Assert.Contains(scoped.GetProperty("outgoing").EnumerateArray(), x => x.GetProperty("kind").GetString() == "LegalBasis" && x.TryGetProperty("targetDocumentId", out var t) && t.GetString() == "jingguangfa-2024-60");
        Assert.True(scoped.GetProperty("outgoing").GetArrayLength() < all.GetProperty("outgoing").GetArrayLength());
        var escaped = await Get("/api/documents/" + Uri.EscapeDataString(pid) + "/relations");
        Assert.Equal(scoped.GetProperty("outgoing").GetArrayLength(), escaped.GetProperty("outgoing").GetArrayLength());

        var status = await Get($"/api/documents/{pid}/status?asOf=2025-02-01");
        Assert.Equal("jingguangfa-2024-65", status.GetProperty("documentId").GetString());

        // The catch-all still serves the document, a provision path and witness comparisons.
        Assert.Equal("jingjianfa-2024-12", (await Get("/api/documents/jingjianfa-2024-12")).GetProperty("document").GetProperty("id").GetString());
        await Get("/api/documents/jingguangdianfa-2021-93/diff/standalone-jingguangdianfa-2021-93");
    }

    [Fact]
    public async Task StatusOfJingjianfa2024No12Article16BeforeAndOnItsEffectiveDate()
    {
        // 京建法〔2024〕12号, 办法 第十六条: 本办法自2025年2月1日起施行.
        var before = await Get("/api/documents/jingjianfa-2024-12/status?asOf=2025-01-31");
        Assert.Equal("NotYetInForce", before.GetProperty("state").GetString());
        Assert.Equal("尚未施行", before.GetProperty("badge").GetString());
        Assert.Contains("2025-02-01", before.GetProperty("reason").GetString());
        var on = await Get("/api/documents/jingjianfa-2024-12/status?asOf=2025-02-01");
        Assert.Equal("现行有效", on.GetProperty("badge").GetString());

        // Without asOf: today in Beijing, whatever that is — a state, never an error.
        var today = await Get("/api/documents/jingjianfa-2024-12/status");
        Assert.Equal(Citations.Relations.LegalStates.TodayInBeijing().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), today.GetProperty("asOf").GetString());
    }

    [Fact]
    public async Task AnExternalNoticeIsRepealedByArticle16NamingTheRepealingDocument()
    {
        var s = await Get("/api/documents/" + Uri.EscapeDataString("京建法〔2020〕5号") + "/status?asOf=2025-02-01");
        Assert.False(s.GetProperty("stored").GetBoolean());
        Assert.Equal("已废止", s.GetProperty("badge").GetString());
        Assert.Contains("京建法〔2024〕12号", s.GetProperty("reason").GetString());
        Assert.Contains("第十六条", s.GetProperty("reason").GetString());
        var by = s.GetProperty("decidedBy");
        Assert.Equal("jingjianfa-2024-12", by.GetProperty("sourceDocumentId").GetString());
        Assert.Equal(16, by.GetProperty("sourceArticle").GetInt32());
        Assert.Equal("京建法〔2024〕12号", by.GetProperty("sourceNumber").GetString());
    }

    [Theory]
    [InlineData("/api/documents/jingjianfa-2024-12/status?asOf=2025-13-01", HttpStatusCode.BadRequest)]
    [InlineData("/api/documents/jingjianfa-2024-12/status?asOf=yesterday", HttpStatusCode.BadRequest)]
    [InlineData("/api/documents/jingjianfa-2024-12?asOf=2025/01/01", HttpStatusCode.BadRequest)]
    [InlineData("/api/documents/no-such-doc/status?asOf=2025-01-01", HttpStatusCode.NotFound)]
    [InlineData("/api/documents/no-such-doc/relations", HttpStatusCode.NotFound)]
    [InlineData("/api/documents/no-such-doc/art-1/relations", HttpStatusCode.NotFound)]
    [InlineData("/api/documents/no-such-doc/versions", HttpStatusCode.NotFound)]
    [InlineData("/api/documents/jingguizifa-2024-122/versions/1/diff/9", HttpStatusCode.NotFound)]
    [InlineData("/api/search?q=办法&status=valid", HttpStatusCode.BadRequest)]
    [InlineData("/api/search?q=办法&status=InForce&asOf=2025-02-30", HttpStatusCode.BadRequest)]
    public async Task BadDatesAndUnknownDocumentsAreProblems(string url, HttpStatusCode expected)
    {
        var problem = await Get(url, expected);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task TheStatusFilterKeepsExactlyTheDocumentsInThatState()
    {
        var all = await Get("/api/search?q=" + Uri.EscapeDataString("办法") + "&pageSize=100");
        var notYet = await Get("/api/search?q=" + Uri.EscapeDataString("办法") + "&status=" + Uri.EscapeDataString("尚未施行") + "&asOf=2025-01-31&pageSize=100");
        var inForce = await Get("/api/search?q=" + Uri.EscapeDataString("办法") + "&status=in-force&asOf=2025-01-31&pageSize=100");
        Assert.Contains(notYet.GetProperty("hits").EnumerateArray(), h => h.GetProperty("documentId").GetString() == "jingjianfa-2024-12");
        Assert.DoesNotContain(inForce.GetProperty("hits").EnumerateArray(), h => h.GetProperty("documentId").GetString() == "jingjianfa-2024-12");
        Assert.True(notYet.GetProperty("total").GetInt32() + inForce.GetProperty("total").GetInt32() <= all.GetProperty("total").GetInt32());
        Assert.Equal(notYet.GetProperty("hits").GetArrayLength(), notYet.GetProperty("total").GetInt32());
        foreach (var hit in inForce.GetProperty("hits").EnumerateArray())
        {
            var s = await Get($"/api/documents/{hit.GetProperty("documentId").GetString()}/status?asOf=2025-01-31");
            Assert.Equal("InForce", s.GetProperty("state").GetString());
        }

        // Totals are exact: every document state together covers every hit.
        var sum = 0;
        foreach (var state in Enum.GetNames<Citations.Relations.LegalState>())
        {
            sum += (await Get("/api/search?q=" + Uri.EscapeDataString("办法") + $"&status={state}&asOf=2025-01-31")).GetProperty("total").GetInt32();
        }

        Assert.Equal(all.GetProperty("total").GetInt32(), sum);
    }

    [Fact]
    public async Task VersionsOfASourceAndAProvisionLevelDiffAfterAReplace()
    {
        var directory = Directory.CreateTempSubdirectory("gongbao-relapi-").FullName;
        try
        {
            using var store = SqliteGazetteStore.OpenDirectory(directory);
            using var index = GazetteIndex.InMemory();
            var services = new GongbaoServices(store, index);
            var ingest = new IngestService(services);
            var original = File.ReadAllText(SampleGazettes.File("2024-31.txt"));
            Assert.Contains("800 分及以上", original);
            Assert.Null(ingest.IngestBytes(Encoding.UTF8.GetBytes(original), "2024-31.txt", force: false).Error);

            // The ingest path stores the relations with the issue: nothing missing, nothing to backfill.
            Assert.Empty(store.SourcesWithoutRelations(Citations.Relations.StoredRelations.ExtractorVersion));
            var stored = store.Relations();
            Assert.NotEmpty(stored);

            var changed = original.Replace("800 分及以上", "850 分及以上", StringComparison.Ordinal);
            Assert.Null(ingest.IngestBytes(Encoding.UTF8.GetBytes(changed), "2024-31.txt", force: true).Error);
            Assert.Equal(stored.Count, store.Relations().Count);

            await using var app = GongbaoWebApp.Build(services, quiet: true, configureHost: web => web.UseTestServer());
            await app.StartAsync();
            using var client = app.GetTestClient();
            var versions = await Get(client, "/api/documents/jingguizifa-2024-122/versions");
            Assert.Equal([1, 2], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
            Assert.True(versions[1].GetProperty("current").GetBoolean());

            var diff = await Get(client, "/api/documents/jingguizifa-2024-122/versions/1/diff/2");
            var change = Assert.Single(diff.GetProperty("changed").EnumerateArray());
            Assert.StartsWith("jingguizifa-2024-122/art-14", change.GetProperty("id").GetString());
            Assert.Contains("850", change.GetProperty("after").GetString());
            Assert.Contains("800", change.GetProperty("before").GetString());
            Assert.Empty(diff.GetProperty("added").EnumerateArray());
            Assert.Empty(diff.GetProperty("removed").EnumerateArray());
            Assert.True(diff.GetProperty("unchanged").GetInt32() > 20);

            // As stored today: the newest version; before anything was stored: not found.
            var today = Citations.Relations.LegalStates.TodayInBeijing().AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var asOf = await Get(client, $"/api/documents/jingguizifa-2024-122?asOf={today}");
            Assert.Equal(2, asOf.GetProperty("version").GetInt32());
            await Get(client, "/api/documents/jingguizifa-2024-122?asOf=2000-01-01", HttpStatusCode.NotFound);
            await app.StopAsync();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
