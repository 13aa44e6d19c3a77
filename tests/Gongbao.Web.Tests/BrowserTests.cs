using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Gongbao.Web.Tests;

/// <summary>
/// Drives Debian's Chromium (scripts/install-deps.sh installs it) against a real Kestrel server on a
/// free loopback port: search, open a result, follow deep links, read the diff and the bilingual contents.
/// </summary>
public sealed class BrowserTests : ReaderBrowserTest
{
    [Fact]
    public async Task SearchOpenResultAndFollowDeepLinks()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        Assert.StartsWith("http://127.0.0.1:", BaseUrl);
        var violations = await CspViolations(page);

        // Search at provision level from the home page.
        await page.GotoAsync(BaseUrl + "/");
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
        Assert.True(await page.Locator("details.toc a[href='#art-16']").IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "gongbao-doc.png") });

        // A deep link to an item.
        await page.GotoAsync(BaseUrl + "/doc/jingguizifa-2024-122#art-14/item-1");
        var item = page.Locator("[id='art-14/item-1']");
        await item.WaitForAsync();
        Assert.Contains("target", await item.GetAttributeAsync("class"));
        Assert.Contains("信用等级为优(A)级", await item.TextContentAsync());

        // The provision page of a cited article.
        await page.GotoAsync(BaseUrl + "/p/jingguizifa-2024-122/art-8");
        await page.Locator("h1").WaitForAsync();
        Assert.Equal("第八条 信息归集", await page.Locator("h1").TextContentAsync());
        Assert.Contains("系统对接为主、人工录入为辅", await page.Locator("article").TextContentAsync());

        // The diff of the two printings.
        await page.GotoAsync(BaseUrl + "/diff/jingguangdianfa-2021-93/standalone-jingguangdianfa-2021-93?ignoreWidth=true");
        await page.Locator(".hunk").First.WaitForAsync();
        Assert.Equal("台", await page.Locator(".hunk del").First.TextContentAsync());
        Assert.Equal("局", await page.Locator(".hunk ins").First.TextContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "gongbao-diff.png") });

        // The bilingual contents of an issue.
        await page.GotoAsync(BaseUrl + "/issue/beijing-2024-31");
        await page.Locator("table.toc-issue").WaitForAsync();
        var toc = await page.Locator("table.toc-issue").TextContentAsync();
        Assert.Contains("【部门文件】", toc);
        Assert.Contains("Documents of Government Departments", toc);
        Assert.Contains("Jingguizifa〔2024〕No. 122", toc);

        // The reader works entirely under the Content-Security-Policy: nothing it does was blocked.
        Assert.Empty(violations);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task ReaderFitsTheScreenSpeaksChineseAndCopiesStandardCitations(int width)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var violations = await CspViolations(page);
        string[] pages = ["/", "/issues", "/issue/beijing-2024-31", "/doc/jingguizifa-2024-122", "/doc/jingguangdianfa-2021-93",
            "/search?q=" + Uri.EscapeDataString("信用评价") + "&level=provision", "/p/jingguizifa-2024-122/art-8", "/doc/no-such-document"];
        foreach (var path in pages)
        {
            await page.GotoAsync(BaseUrl + path);
            await page.Locator("main > *").First.WaitForAsync();
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{path} at {width}px is {overflow}px wider than the screen");
            var english = await page.EvaluateAsync<string[]>(EnglishSentences);
            Assert.True(english.Length == 0, $"{path} at {width}px shows English UI text: {string.Join(" | ", english)}");
        }

        // Issue names as printed, the contents table with headers, the date unbroken.
        await page.GotoAsync(BaseUrl + "/issue/beijing-2024-31");
        await page.Locator("table.toc-issue").WaitForAsync();
        Assert.Equal("北京市人民政府公报2024年第31期（总第859期）", await page.Locator("h1").TextContentAsync());
        Assert.Equal(["标题（中文）", "英文标题", "页码"], await page.Locator("table.toc-issue thead th").AllTextContentsAsync());

        // Document page: dates under the title, the instrument title once, a standard citation per article and 款.
        await page.GotoAsync(BaseUrl + "/doc/jingguizifa-2024-122");
        await page.Locator("[id='art-8']").WaitForAsync();
        Assert.Equal("成文日期 2024年5月11日 · 施行日期 2024年5月11日 · 有效期至 2027年5月10日", await page.Locator(".doc-dates").TextContentAsync());
        const string instrument = "北京市规划自然资源领域信用评价及分级分类监管工作管理办法(试行)";
        Assert.Equal(1, await page.Locator("article").GetByText(instrument, new() { Exact = true }).CountAsync());
        Assert.Equal($"《{instrument}》（京规自发〔2024〕122号）第八条",
            await page.Locator("[id='art-8'] > p .cite-copy").GetAttributeAsync("data-citation"));
        Assert.Equal($"《{instrument}》（京规自发〔2024〕122号）第八条第二款",
            await page.Locator("[id='art-8/para-2'] > p .cite-copy").GetAttributeAsync("data-citation"));
        Assert.Equal($"《{instrument}》（京规自发〔2024〕122号）第八条第（一）项",
            await page.Locator("[id='art-8/item-1'] > p .cite-copy").GetAttributeAsync("data-citation"));
        await page.Locator("[id='art-8'] > p .cite-copy").ClickAsync();
        await Assertions.Expect(page.Locator("[id='art-8'] > p .cite-copy")).ToHaveTextAsync("已复制");
        if (width < 800)
        {
            // Contents collapse above the text on a phone: the title comes first on the screen.
            Assert.False(await page.Locator("details.toc a[href='#art-8']").IsVisibleAsync());
            var titleTop = await page.EvaluateAsync<double>("() => document.querySelector('article h1').getBoundingClientRect().top");
            Assert.True(titleTop < 300, $"title starts at {titleTop}px");
        }

        // A witness link opens the witness asked for.
        await page.GotoAsync(BaseUrl + "/doc/jingguangdianfa-2021-93");
        await page.Locator(".witness-link").First.WaitForAsync();
        await page.Locator(".witness-link").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"\?source=standalone-jingguangdianfa-2021-93$"));
        await Assertions.Expect(page.Locator("article .doc-meta").First).ToContainTextAsync("载于 单行本");

        // Errors are in Chinese.
        await page.GotoAsync(BaseUrl + "/doc/no-such-document");
        await Assertions.Expect(page.Locator(".error")).ToHaveTextAsync("出错了：未找到所请求的内容。");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"gongbao-reader-{width}.png") });
        Assert.Empty(violations);
    }

    /// <summary>
    /// Text nodes that hold a sentence of English words and no Chinese, outside what is English by
    /// content (English titles marked lang="en", IDs in code, the brand name).
    /// </summary>
    private const string EnglishSentences = """
        () => {
          const out = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const host = n.parentElement;
            if (!host || host.closest('[lang="en"], code, script, style, .anchor')) continue;
            const t = n.textContent.trim();
            if (/[A-Za-z]{2,}[\s,.:;!?]+[A-Za-z]{2,}/.test(t) && !/[一-鿿]/.test(t)) out.push(t);
          }
          for (const e of document.querySelectorAll('input[placeholder], button[title]')) {
            const t = e.getAttribute('placeholder') || '';
            if (/[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(t) && !/[一-鿿]/.test(t)) out.push(t);
          }
          return out;
        }
        """;

    [Fact]
    public async Task TheContentSecurityPolicyBlocksInjectedInlineScript()
    {
        var page = await Browser.NewPageAsync();
        var violations = await CspViolations(page);
        await page.GotoAsync(BaseUrl + "/");
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.body.append(s); }");
        Assert.Null(await page.EvaluateAsync<int?>("() => window.injected ?? null"));
        await page.WaitForTimeoutAsync(300);
        Assert.Contains("script-src-elem blocked inline", violations);
    }

    [Fact]
    public async Task QueryTextIsNeverInterpretedAsMarkup()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/search?q=" + Uri.EscapeDataString("<img src=x onerror=alert(1)>信用"));
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
