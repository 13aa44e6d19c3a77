using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Gongbao.Web.Tests;

/// <summary>
/// The scheme forms (schemes.js) and the matching page 我能享受哪些政策 (match.js) in Debian's Chromium against a real
/// server: a form is filled and gives Chinese labels and formatted money; an error clears the old result; the matching
/// page, filled field by field for one example profile, lists the expected measures with cited reasons.
/// </summary>
public sealed class SchemeAndMatchBrowserTests : ReaderBrowserTest
{
    private async Task<IPage> Page(int width) =>
        await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });

    [Fact(DisplayName = "Browser 1280px: the kindergarten form (京技管发〔2024〕30号) gives 生均定额补助 2,052,000 元 with Chinese labels; an error clears it")]
    public async Task SchemeFormShowsChineseResultAndClearsOnError()
    {
        var page = await Page(1280);
        await page.GotoAsync(BaseUrl + "/doc/jingjiguanfa-2024-30");
        var box = page.Locator("[data-scheme=kindergarten-subsidy]");
        await box.Locator("form").WaitForAsync();

        // Listed in the document contents; optional fields say 选填 and carry no star.
        Assert.Equal(1, await page.Locator("details.toc a[href='#scheme-kindergarten-subsidy']").CountAsync());
        var rentLabel = await box.Locator("[data-field=publicityStart] label").TextContentAsync();
        Assert.Contains("选填", rentLabel, StringComparison.Ordinal);
        Assert.DoesNotContain("*", rentLabel, StringComparison.Ordinal);

        await box.Locator("select[name=conditionsMet]").SelectOptionAsync(["admission", "lawful", "inspection"]);
        await box.Locator("input[name=childrenLastSeptember]").FillAsync("100");
        await box.Locator("input[name=childrenThisMarch]").FillAsync("90");
        await box.Locator("input[name=asOf]").FillAsync("2025-06-30");
        await box.Locator("button[type=submit]").ClickAsync();
        var row = box.Locator("table.gb-outputs tr[data-output=perChildSubsidy]");
        await row.WaitForAsync();
        Assert.Equal("生均定额补助", await row.Locator("th").TextContentAsync());
        Assert.Equal("2,052,000 元", await row.Locator("td").TextContentAsync());
        Assert.Equal("2024-09-30", await box.Locator("tr[data-output=firstHalfCountDate] td").TextContentAsync());
        var headers = string.Join("|", await box.Locator("table.gb-outputs th").AllTextContentsAsync());
        Assert.DoesNotMatch("[A-Za-z]{3,}", headers);
        Assert.Contains("/p/jingjiguanfa-2024-30/art-5/sub-3", await box.Locator(".gb-trace").InnerHTMLAsync(), StringComparison.Ordinal);

        // Invalid input (a yearly count besides the quarterly ones): the error is shown and the old result is gone.
        await box.Locator("input[name=children]").FillAsync("10");
        await box.Locator("button[type=submit]").ClickAsync();
        await box.Locator("[data-field=children] .gb-error:not(:empty)").WaitForAsync();
        Assert.Equal(0, await box.Locator("table.gb-outputs").CountAsync());
        Assert.Equal("与其他项目的填写不一致", await box.Locator("[data-field=children] .gb-error").TextContentAsync());

        // Out of range and a missing evaluation date: field-level messages in Chinese, no English words from the API.
        await box.Locator("input[name=children]").FillAsync("");
        await box.Locator("input[name=childrenThisMarch]").FillAsync("10001");
        await box.Locator("input[name=asOf]").FillAsync("");
        await box.Locator("button[type=submit]").ClickAsync();
        await box.Locator("[data-field=childrenThisMarch] .gb-error:not(:empty)").WaitForAsync();
        Assert.Equal("超出范围（0–10000）", await box.Locator("[data-field=childrenThisMarch] .gb-error").TextContentAsync());
        Assert.Equal("必填", await box.Locator("[data-field=asOf] .gb-error").TextContentAsync());
        var shown = string.Join("|", await box.Locator(".gb-error, .error").AllTextContentsAsync());
        Assert.DoesNotMatch("[A-Za-z]{2,}", shown);
    }

    [Fact(DisplayName = "Browser 1280px: 京建法〔2024〕4号 form — 200 户 → 抽测总量 15 户 (the 200-unit overlap read as the larger floor)")]
    public async Task ResidentialAcceptanceForm()
    {
        var page = await Page(1280);
        await page.GotoAsync(BaseUrl + "/doc/jingjianfa-2024-4");
        var box = page.Locator("[data-scheme=residential-acceptance]");
        await box.Locator("input[name=households]").FillAsync("200");
        await box.Locator("input[name=asOf]").FillAsync("2025-06-30");
        await box.Locator("button[type=submit]").ClickAsync();
        var row = box.Locator("tr[data-output=sampleTotal]");
        await row.WaitForAsync();
        Assert.Equal(("抽测总量(不少于)", "15 户"), (await row.Locator("th").TextContentAsync(), await row.Locator("td").TextContentAsync()));
    }

    [Theory(DisplayName = "Browser: the matching page, filled for the 经开区 kindergarten, lists 生均定额补助 as 适用 with 2,592,000 元 and cited reasons; fits 390px")]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task MatchingPageForKindergarten(int width)
    {
        var page = await Page(width);
        await page.GotoAsync(BaseUrl + "/match");
        await page.Locator("form.gb-match-form").WaitForAsync();
        Assert.Equal("我能享受哪些政策", await page.Locator("h1").TextContentAsync());

        // The profile of docs/examples/profiles/jingkaiqu-private-inclusive-kindergarten.json, field by field.
        await page.Locator("input[name=name]").FillAsync("经开区某普惠性民办幼儿园");
        await page.Locator("select[name=entityType]").SelectOptionAsync("kindergarten");
        await page.Locator("select[name=legalPerson]").SelectOptionAsync("true");
        await page.Locator("select[name=ownership]").SelectOptionAsync("private");
        await page.Locator("select[name=area]").SelectOptionAsync("经开区");
        await page.Locator("select[name=industries]").SelectOptionAsync(["education"]);
        await page.Locator("select[name=tags]").SelectOptionAsync(["普惠性"]);
        await page.Locator("input[name=employees]").FillAsync("40");
        await page.Locator("input[name='plans.children']").FillAsync("120");
        await page.Locator("#m-asOf").FillAsync("2025-06-30");
        await page.Locator("button.gb-submit").ClickAsync();

        var perChild = page.Locator("[data-measure='kindergarten-subsidy/per-child']");
        await perChild.WaitForAsync();
        Assert.Equal("applies", await perChild.GetAttributeAsync("data-status"));
        Assert.Contains("2,592,000 元", await perChild.Locator(".gb-amount").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("适用", await perChild.Locator(".gb-badge").TextContentAsync());
        Assert.True(await perChild.Locator("a.gb-cite[href^='/p/jingjiguanfa-2024-30/']").CountAsync() >= 1);

        // Ranked: the first card is an applying measure; the job subsidy does not apply, its failing condition cited.
        Assert.Equal("applies", await page.Locator(".gb-measure").First.GetAttributeAsync("data-status"));
        var job = page.Locator("[data-measure='job-expansion-subsidy/job-expansion']");
        Assert.Equal("does-not-apply", await job.GetAttributeAsync("data-status"));
        Assert.Equal(1, await job.Locator(".gb-reasons li.fail a[href='/p/jingrenshebifa-2024-16/div-1/item-1']").CountAsync());

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"/match at {width}px is {overflow}px wider than the screen");
    }

    [Fact(DisplayName = "Browser: the matching page lists what a 可能适用 measure still needs, in Chinese")]
    public async Task MatchingPageListsMissingFacts()
    {
        var page = await Page(1280);
        await page.GotoAsync(BaseUrl + "/match");
        await page.Locator("button.gb-example", new() { HasText = "广播电视" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('select[name=\"plans.uhdMeasure\"]').value !== ''");
        await page.Locator("#m-asOf").FillAsync("2025-06-30");
        await page.Locator("button.gb-submit").ClickAsync();
        var job = page.Locator("[data-measure='job-expansion-subsidy/job-expansion']");
        await job.WaitForAsync();
        Assert.Equal("may-apply", await job.GetAttributeAsync("data-status"));
        Assert.Contains("拟招用高校毕业生", await job.Locator(".gb-missing").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("360 万元", await page.Locator("[data-measure='uhd-support/uhd-project'] .gb-amount").TextContentAsync() ?? "", StringComparison.Ordinal);

        // Without an evaluation date the API answers 400; the page says so in Chinese.
        await page.Locator("#m-asOf").FillAsync("");
        await page.Locator("button.gb-submit").ClickAsync();
        var error = page.Locator(".gb-match-result .error", new() { HasText = "评估日期" });
        await error.WaitForAsync();
        Assert.Equal("评估日期：必填", await error.TextContentAsync());
        Assert.DoesNotMatch("[A-Za-z]{2,}", string.Join("|", await page.Locator(".gb-match-result .error").AllTextContentsAsync()));
    }

    [Fact(DisplayName = "GET /api/documents/{id}/units: 京建法〔2024〕4号 第七条 85% is modelled by residential-acceptance; the reader lists the units")]
    public async Task RuleUnitsViaApiAndReader()
    {
        using var http = new HttpClient();
        var body = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync(BaseUrl + "/api/documents/jingjianfa-2024-4/units"))!;
        Assert.Contains(body["units"]!.AsArray(), u => (string)u!["provisionId"]! == "jingjianfa-2024-4/art-7/item-2" && (decimal)u["value"]! == 85m
            && (string?)u["modelledBy"] == "residential-acceptance/home-pass-rate");
        var unmodelled = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync(BaseUrl + "/api/documents/jingjianfa-2024-4/units?unmodelled=true"))!;
        Assert.All(unmodelled["units"]!.AsArray(), u => Assert.Null(u!["modelledBy"]));
        Assert.Equal((int)body["unmodelled"]!, unmodelled["units"]!.AsArray().Count);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(BaseUrl + "/api/documents/no-such-document/units")).StatusCode);

        var page = await Page(1280);
        await page.GotoAsync(BaseUrl + "/doc/jingjianfa-2024-4");
        var units = page.Locator("details.gb-units");
        await units.WaitForAsync();
        Assert.True(await units.Locator("tr[data-modelled=true]").CountAsync() >= 10);
    }
}
