using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

using Gongbao.Web;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Gongbao.Web.Tests;

/// <summary>The scheme API on an in-memory server: list, describe, evaluate, validation problems.</summary>
public sealed class SchemeEndpointsTests : IAsyncLifetime
{
    private WebApplication? _app;
    private HttpClient? _client;

    private HttpClient Client => _client!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        _app = builder.Build();
        _app.MapSchemeEndpoints();
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact(DisplayName = "GET /api/schemes lists schemes with parameter counts; ?document= filters")]
    public async Task ListAndFilter()
    {
        var all = (await Client.GetFromJsonAsync<JsonArray>("/api/schemes"))!;
        Assert.Contains(all, s => (string)s!["id"]! == "credit-evaluation" && (int)s["parameterCount"]! > 10);
        var one = (await Client.GetFromJsonAsync<JsonArray>("/api/schemes?document=jingjianfa-2024-12"))!;
        Assert.Equal(["energy-efficiency", "energy-spot-check"], one.Select(s => (string)s!["id"]!));
    }

    [Fact(DisplayName = "GET /api/schemes/{id} gives the input schema and cited parameters; unknown → 404")]
    public async Task Describe()
    {
        var d = (await Client.GetFromJsonAsync<JsonObject>("/api/schemes/credit-evaluation"))!;
        Assert.Equal("object", (string)d["inputs"]!["type"]!);
        Assert.Equal(50m, (decimal)d["inputs"]!["properties"]!["commonBonus"]!["maximum"]!);
        Assert.Contains(d["parameters"]!.AsArray(), p => (string)p!["values"]![0]!["provisionId"]! == "jingguizifa-2024-122/art-14/item-1/para-1");
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/schemes/no-such-scheme")).StatusCode);
    }

    [Fact(DisplayName = "POST evaluate: 800 → A with trace citing 第十四条; out-of-range field → 400 naming it")]
    public async Task Evaluate()
    {
        var ok = await Client.PostAsync("/api/schemes/credit-evaluation/evaluate?asOf=2024-09-01", Body(
            """{"nationalGrade":"excellent","commonBonus":0,"commonDeduction":0,"industryBonus":0,"industryDeduction":0}"""));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var r = (await ok.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("A", (string)r["outputs"]!["grade"]!);
        Assert.Contains("jingguizifa-2024-122/art-14/item-1/para-1", r["trace"]!.ToJsonString(), StringComparison.Ordinal);

        var bad = await Client.PostAsync("/api/schemes/credit-evaluation/evaluate", Body(
            """{"nationalGrade":"excellent","commonBonus":51,"commonDeduction":0,"industryBonus":0,"industryDeduction":0}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = (await bad.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.NotNull(problem["errors"]!["commonBonus"]);

        Assert.NotNull(problem["errors"]!["asOf"]); // required: no default to today
        // Machine-readable codes beside the English messages (the reader shows them in Chinese).
        Assert.Equal("outOfRange", (string)problem["codes"]!["commonBonus"]![0]!);
        Assert.Equal("required", (string)problem["codes"]!["asOf"]![0]!);
        Assert.Equal(problem["errors"]!.AsObject().Select(e => e.Key).Order(), problem["codes"]!.AsObject().Select(e => e.Key).Order());

        var notJson = await Client.PostAsync("/api/schemes/credit-evaluation/evaluate", Body("{"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);

        var duplicate = await Client.PostAsync("/api/schemes/drg-payment/evaluate?asOf=2025-06-30", Body("""{"weight":1.5,"weight":2}"""));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("weight", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var mistyped = await Client.PostAsync("/api/schemes/drg-payment/evaluate?asOf=2025-06-30", Body("""{"weight":"heavy","colour":1}"""));
        var mistypedCodes = (await mistyped.Content.ReadFromJsonAsync<JsonObject>())!["codes"]!;
        Assert.Equal(("notNumber", "unknownField"), ((string)mistypedCodes["weight"]![0]!, (string)mistypedCodes["colour"]![0]!));

        var early = await Client.PostAsync("/api/schemes/drg-payment/evaluate?asOf=2024-12-31", Body("""{"weight":1.5}"""));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Equal("notInForce", (string)(await early.Content.ReadFromJsonAsync<JsonObject>())!["codes"]!["asOf"]![0]!);
    }

    [Fact(DisplayName = "POST /api/match: a 经开区 kindergarten profile → 生均定额补助 applies with its amount; asOf required; unknown fact → 400")]
    public async Task Match()
    {
        var profile = """{"entityType":"kindergarten","ownership":"private","area":"经开区","tags":["普惠性"],"plans":{"children":10}}""";
        var ok = await Client.PostAsync("/api/match?asOf=2025-06-30", Body(profile));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var first = (await ok.Content.ReadFromJsonAsync<JsonObject>())!["measures"]![0]!;
        Assert.Equal("kindergarten-subsidy", (string)first["scheme"]!);
        Assert.Equal("applies", (string)first["status"]!);
        Assert.Equal(216000m, (decimal)first["maxAmount"]!);

        Assert.Equal(HttpStatusCode.BadRequest, (await Client.PostAsync("/api/match", Body(profile))).StatusCode);
        var unknown = await Client.PostAsync("/api/match?asOf=2025-06-30", Body("""{"revenu":1}"""));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("unknownField", (string)(await unknown.Content.ReadFromJsonAsync<JsonObject>())!["codes"]!["revenu"]![0]!);
        var noDate = await Client.PostAsync("/api/match", Body(profile));
        Assert.Equal("required", (string)(await noDate.Content.ReadFromJsonAsync<JsonObject>())!["codes"]!["asOf"]![0]!);
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");
}
