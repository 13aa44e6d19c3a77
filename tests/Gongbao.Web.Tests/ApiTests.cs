using System.Net;
using System.Text.Json;

namespace Gongbao.Web.Tests;

public sealed class ApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private async Task<JsonElement> Get(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task IssuesArePagedAndTheIssueHasABilingualToc()
    {
        var page = await Get("/api/issues?page=1&pageSize=2");
        Assert.Equal(4, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());

        var issue = await Get("/api/issues/beijing-2024-31");
        var first = issue.GetProperty("contents")[0];
        Assert.Equal("部门文件", first.GetProperty("sectionZh").GetString());
        Assert.Equal("Documents of Government Departments", first.GetProperty("sectionEn").GetString());
        Assert.Equal("京规自发〔2024〕122号", first.GetProperty("number").GetString());
        Assert.Equal("jingguizifa-2024-122", first.GetProperty("documentId").GetString());
        Assert.StartsWith("Circular of Beijing Municipal Commission of Planning and Natural Resources", first.GetProperty("titleEn").GetString());
        Assert.Equal(6, first.GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task DocumentByIdOrNumberWithWitnesses()
    {
        var byNumber = await Get("/api/documents/" + Uri.EscapeDataString("京规自发[2024]122号"));
        Assert.Equal("jingguizifa-2024-122", byNumber.GetProperty("document").GetProperty("id").GetString());
        var pair = await Get("/api/documents/jingguangdianfa-2021-93");
        Assert.Equal(["beijing-2021-40", "standalone-jingguangdianfa-2021-93"], pair.GetProperty("witnesses").EnumerateArray().Select(e => e.GetString()));
        var refs = byNumber.GetProperty("crossReferences").EnumerateArray().Select(r => r.GetProperty("reference")).ToList();
        Assert.Contains(refs, r => r.GetProperty("title").GetString() == "全国失信惩戒措施基础清单" && r.GetProperty("external").GetBoolean());
    }

    [Fact]
    public async Task ProvisionWithSlashesInItsId()
    {
        var p = await Get("/api/provisions/jingguizifa-2024-122/art-14/item-1");
        Assert.Equal("(一)", p.GetProperty("label").GetString());
        Assert.Equal("满足以下条件的,信用等级为优(A)级:\n评价信用分值为 800 分及以上。", p.GetProperty("text").GetString());
    }

    [Fact]
    public async Task SearchWithFiltersAndPaging()
    {
        var r = await Get("/api/search?q=" + Uri.EscapeDataString("熔断机制") + "&level=provision");
        Assert.Equal("jingguizifa-2024-122/art-16", r.GetProperty("hits")[0].GetProperty("id").GetString());
        Assert.Contains("<mark>熔断机制</mark>", r.GetProperty("hits")[0].GetProperty("snippet").GetString());

        var filtered = await Get("/api/search?q=" + Uri.EscapeDataString("超高清") + "&year=2021");
        Assert.Equal(1, filtered.GetProperty("total").GetInt32());
        var p2 = await Get("/api/search?q=" + Uri.EscapeDataString("信用") + "&level=provision&page=2&pageSize=3");
        Assert.Equal(3, p2.GetProperty("hits").GetArrayLength());
        Assert.Equal(2, p2.GetProperty("page").GetInt32());
    }

    [Theory]
    [InlineData("document", "jingguizifa-2024-122")]
    [InlineData("provision", "jingguizifa-2024-122")]
    public async Task ADocumentNumberInTheSearchBoxLeadsWithThatDocument(string level, string id)
    {
        // The cited hit's score once was infinity, which JSON cannot write: a 500 for every number typed in.
        var r = await Get("/api/search?q=" + Uri.EscapeDataString("京规自发〔2024〕122号") + "&level=" + level);
        var first = r.GetProperty("hits")[0];
        Assert.StartsWith(id, first.GetProperty("id").GetString());
        Assert.True(float.IsFinite(first.GetProperty("score").GetSingle()));
    }

    [Fact]
    public async Task CiteResolvesToTheProvision()
    {
        var r = await Get("/api/cite?q=" + Uri.EscapeDataString("北京市公共建筑能效分级管理办法第五条第二款"));
        var result = r.GetProperty("result");
        Assert.Equal("jingjianfa-2024-12/art-5/para-2", result.GetProperty("provisionId").GetString());
        Assert.Equal("根据本市公共建筑能效等级实际情况，适时调整能效分级规则。", result.GetProperty("text").GetString());
    }

    [Fact]
    public async Task CiteFailuresCarryTheReasonAndRangeAndProvisionIdsResolve()
    {
        var failed = await Get("/api/cite?q=" + Uri.EscapeDataString("京规自发〔2024〕122号第2147483648条"), HttpStatusCode.NotFound);
        var failure = failed.GetProperty("failure");
        Assert.Equal("MalformedPart", failure.GetProperty("kind").GetString());
        Assert.Equal("第一条–第二十八条", failure.GetProperty("validRange").GetString());

        var exact = await Get("/api/cite?q=" + Uri.EscapeDataString("京规自发〔2024〕122号第八条第（一）项"));
        Assert.Equal("jingguizifa-2024-122/art-8/item-1", exact.GetProperty("result").GetProperty("provisionId").GetString());
        var byId = await Get("/api/cite?q=" + Uri.EscapeDataString("jingguizifa-2024-122/art-14"));
        Assert.Equal("jingguizifa-2024-122/art-14", byId.GetProperty("result").GetProperty("provisionId").GetString());
    }

    [Fact]
    public async Task DiffOfTheTwoWitnesses()
    {
        var d = await Get("/api/documents/jingguangdianfa-2021-93/diff/standalone-jingguangdianfa-2021-93?ignoreWidth=true");
        Assert.Equal("beijing-2021-40", d.GetProperty("oldSource").GetString());
        var first = d.GetProperty("hunks")[0].GetProperty("segments");
        Assert.Equal("Delete", first[1].GetProperty("operation").GetString());
        Assert.Equal("台", first[1].GetProperty("text").GetString());
        Assert.Equal("局", first[2].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("/api/issues/beijing-1999-1", 404, "No issue 'beijing-1999-1'")]
    [InlineData("/api/documents/nothing-2024-1", 404, "No document 'nothing-2024-1'")]
    [InlineData("/api/provisions/jingguizifa-2024-122/art-999", 404, "No provision")]
    [InlineData("/api/search", 400, "q is required")]
    [InlineData("/api/search?q=a&level=chapter", 400, "level must be")]
    [InlineData("/api/search?q=a&pageSize=1000", 400, "pageSize")]
    [InlineData("/api/cite?q=%E7%AC%AC%E5%85%AB%E6%9D%A1", 400, "Not a citation")]
    [InlineData("/api/cite?q=hello", 404, "No stored document matches 《hello》")]
    [InlineData("/api/cite?q=%E4%BA%AC%E8%A7%84%E8%87%AA%E5%8F%91%E3%80%942024%E3%80%95122%E5%8F%B7%E7%AC%AC%E4%B9%9D%E5%8D%81%E4%B9%9D%E6%9D%A1", 404, "第九十九条")]
    [InlineData("/api/cite?q=%E4%BA%AC%E8%A7%84%E8%87%AA%E5%8F%91%E3%80%942024%E3%80%95122%E5%8F%B7%E7%AC%AC0%E6%9D%A1", 404, "第一条–第二十八条")]
    [InlineData("/api/cite?q=%E4%BA%AC%E8%A7%84%E8%87%AA%E5%8F%91%E3%80%942024%E3%80%95122%E5%8F%B7%E7%AC%AC8%E6%9D%A1%E7%AC%AC0%E6%AC%BE", 404, "第0款")]
    [InlineData("/api/documents/jingguizifa-2024-122/diff/beijing-2021-40", 404, "no witness in source")]
    [InlineData("/api/documents/jingguizifa-2024-122/diff/beijing-2024-31", 400, "only one witness")]
    public async Task ErrorsAreProblemDetails(string url, int status, string message)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        Assert.Contains(message, body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OpenApiDescribesTheEndpoints()
    {
        var doc = await Get("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/search", paths);
        Assert.Contains("/api/cite", paths);
        Assert.Contains("/api/issues/{id}", paths);
        Assert.True(doc.GetProperty("paths").GetProperty("/api/ingest").TryGetProperty("post", out _));
    }

    [Fact]
    public async Task ReaderPagesAreServed()
    {
        foreach (var url in new[] { "/", "/doc/jingguizifa-2024-122", "/p/jingguizifa-2024-122/art-8" })
        {
            var html = await _client.GetStringAsync(url);
            Assert.Contains("<script src=\"/static/app.js\"></script>", html);
            Assert.Contains("<script src=\"/static/schemes.js\"></script>", html);
        }

        var js = await _client.GetStringAsync("/static/app.js");
        Assert.DoesNotContain(".innerHTML", js);
    }
}
