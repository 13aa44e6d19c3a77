using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Gongbao.Web.Tests;

/// <summary>
/// Drives Debian's Chromium (scripts/install-deps.sh installs it) against a real Kestrel server on a
/// free loopback port: search, open a result, follow deep links, read the diff and the bilingual contents.
/// </summary>
public sealed class BrowserTests : IAsyncLifetime
{
    private readonly SampleServices _samples = new();
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _base = "";

    public async Task InitializeAsync()
    {
        _app = GongbaoWebApp.Build(_samples.Services, "http://127.0.0.1:0", quiet: true);
        await _app.StartAsync();
        _base = _app.Urls.First().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _samples.Dispose();
    }

    [Fact]
    public async Task SearchOpenResultAndFollowDeepLinks()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        Assert.StartsWith("http://127.0.0.1:", _base);
        var violations = await CspViolations(page);

        // Search at provision level from the home page.
        await page.GotoAsync(_base + "/");
        await page.FillAsync("#q", "熔断机制");
        await page.SelectOptionAsync("#level", "provision");
        await page.ClickAsync("#search-form button");
        var first = page.Locator(".hit-link").First;
        await first.WaitForAsync();
        Assert.Equal("第十六条【评价等级熔断机制】 · 北京市规划和自然资源委员会关于印发《北京市规划自然资源领域信用评价及分级分类监管工作管理办法(试行)》的通知", await first.TextContentAsync());
        Assert.Equal("熔断机制", await page.Locator(".hit .snippet mark").First.TextContentAsync());
        Assert.Equal("共 1 条结果", (await page.Locator(".summary").TextContentAsync())!.Split(" · ")[0]);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "gongbao-search.png") });

        // Open it: the document page scrolls to and marks the article.
        // Wait for what the page shows, not for the load event: under a loaded CI machine Playwright once
        // missed that event after the navigation and timed out although the page had rendered.
        await first.ClickAsync();
        var article = page.Locator("[id='art-16']");
        await article.WaitForAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/doc/jingguizifa-2024-122#art-16$"));
        Assert.Contains("target", await article.GetAttributeAsync("class"));
        Assert.StartsWith("第十六条【评价等级熔断机制】在评价周期内,出现下列失信行为情况的,直接定为差(D)级:", await article.Locator("p").First.TextContentAsync());
        Assert.True(await page.Locator("nav.toc a[href='#art-16']").IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "gongbao-doc.png") });

        // A deep link to an item.
        await page.GotoAsync(_base + "/doc/jingguizifa-2024-122#art-14/item-1");
        var item = page.Locator("[id='art-14/item-1']");
        await item.WaitForAsync();
        Assert.Contains("target", await item.GetAttributeAsync("class"));
        Assert.Contains("信用等级为优(A)级", await item.TextContentAsync());

        // The provision page of a cited article.
        await page.GotoAsync(_base + "/p/jingguizifa-2024-122/art-8");
        await page.Locator("h1").WaitForAsync();
        Assert.Equal("第八条 信息归集", await page.Locator("h1").TextContentAsync());
        Assert.Contains("系统对接为主、人工录入为辅", await page.Locator("article").TextContentAsync());

        // The diff of the two printings.
        await page.GotoAsync(_base + "/diff/jingguangdianfa-2021-93/standalone-jingguangdianfa-2021-93?ignoreWidth=true");
        await page.Locator(".hunk").First.WaitForAsync();
        Assert.Equal("台", await page.Locator(".hunk del").First.TextContentAsync());
        Assert.Equal("局", await page.Locator(".hunk ins").First.TextContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "gongbao-diff.png") });

        // The bilingual contents of an issue.
        await page.GotoAsync(_base + "/issue/beijing-2024-31");
        await page.Locator("table.toc-issue").WaitForAsync();
        var toc = await page.Locator("table.toc-issue").TextContentAsync();
        Assert.Contains("【部门文件】", toc);
        Assert.Contains("Documents of Government Departments", toc);
        Assert.Contains("Jingguizifa〔2024〕No. 122", toc);

        // The reader works entirely under the Content-Security-Policy: nothing it does was blocked.
        Assert.Empty(violations);
    }

    [Fact]
    public async Task TheContentSecurityPolicyBlocksInjectedInlineScript()
    {
        var page = await _browser!.NewPageAsync();
        var violations = await CspViolations(page);
        await page.GotoAsync(_base + "/");
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.body.append(s); }");
        Assert.Null(await page.EvaluateAsync<int?>("() => window.injected ?? null"));
        await page.WaitForTimeoutAsync(300);
        Assert.Contains("script-src-elem blocked inline", violations);
    }

    [Fact]
    public async Task QueryTextIsNeverInterpretedAsMarkup()
    {
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync(_base + "/search?q=" + Uri.EscapeDataString("<img src=x onerror=alert(1)>信用"));
        await page.Locator(".summary").WaitForAsync();
        Assert.Equal(0, await page.Locator("main img").CountAsync());
    }

    /// <summary>Collects the page's securitypolicyviolation events (directive and what was blocked), across navigations.</summary>
    private static async Task<List<string>> CspViolations(IPage page)
    {
        var violations = new List<string>();
        await page.ExposeFunctionAsync("reportCspViolation", (string text) =>
        {
            lock (violations)
            {
                violations.Add(text);
            }
        });
        await page.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => window.reportCspViolation(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')));");
        return violations;
    }
}
