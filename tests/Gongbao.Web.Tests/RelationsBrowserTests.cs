using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Gongbao.Web.Tests;

/// <summary>
/// The reader's status badge, relations panel, versions and copy-citation text at 1280 px and 390 px, in Chromium
/// against a real Kestrel server (the harness of <see cref="BrowserTests"/>): no horizontal overflow, and no English
/// words in UI text — stricter than <see cref="BrowserTests"/>: single words and attributes count too.
/// </summary>
public sealed class RelationsBrowserTests : ReaderBrowserTest
{
    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task StatusBadgeRelationsPanelAndCitationsFitAndSpeakChinese(int width)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        string[] pages =
        [
            "/doc/jingjianfa-2024-12", "/doc/jingjianfa-2024-12?asOf=2025-01-31", "/doc/jingguangfa-2024-60", "/doc/jingguizifa-2024-122?version=1",
            "/doc/jingguizifa-2024-122?from=1&to=1", "/doc/jingguizifa-2024-122?asOf=2000-01-01",
            "/search?q=" + Uri.EscapeDataString("办法") + "&status=" + Uri.EscapeDataString("现行有效"), "/", "/issue/beijing-2025-12",
        ];
        foreach (var path in pages)
        {
            await page.GotoAsync(BaseUrl + path);
            await page.Locator("main > *").First.WaitForAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{path} at {width}px is {overflow}px wider than the screen");
            var english = await page.EvaluateAsync<string[]>(EnglishWords);
            Assert.True(english.Length == 0, $"{path} at {width}px shows English in UI text: {string.Join(" | ", english)}");
            Assert.Equal(0, await page.Locator("main .error:not(.version-note)").CountAsync());
        }

        // 京建法〔2024〕12号: in force from 2025-02-01 (its 办法 第十六条), which also repeals 京建法〔2020〕5号.
        await page.GotoAsync(BaseUrl + "/doc/jingjianfa-2024-12?asOf=2025-01-31");
        var badge = page.Locator(".status-line .badge");
        await badge.WaitForAsync();
        Assert.True(await badge.IsVisibleAsync());
        Assert.Equal("尚未施行", await badge.TextContentAsync());
        Assert.Contains("自2025-02-01起施行", await page.Locator(".status-line .reason").TextContentAsync());
        Assert.Contains("截至2025年1月31日", await page.Locator(".status-line").TextContentAsync());
        // The badge sits right under the title, before the text.
        var titleBottom = await page.EvaluateAsync<double>("() => document.querySelector('article h1').getBoundingClientRect().bottom");
        var badgeTop = await page.EvaluateAsync<double>("() => document.querySelector('.status-line').getBoundingClientRect().top");
        Assert.InRange(badgeTop - titleBottom, 0, 40);

        var panel = page.Locator("section.relations");
        Assert.True(await panel.IsVisibleAsync());
        Assert.Equal("关系", await panel.Locator("h3").TextContentAsync());
        var repeals = panel.Locator("ul[data-group='废止'] li");
        Assert.Equal(1, await repeals.CountAsync());
        Assert.Contains("（库外）", await repeals.First.TextContentAsync());
        Assert.Contains("第十六条", await repeals.First.TextContentAsync());
        Assert.Contains("依据（", string.Join(" ", await panel.Locator("h4").AllTextContentsAsync()));

        // Copy-citation text of the repealing article.
        var cite = await page.Locator("[id='inst-1/art-16'] > p .cite-copy, [id='art-16'] > p .cite-copy").First.GetAttributeAsync("data-citation");
        Assert.Matches("^《[^》]+》（京建法〔2024〕12号）第十六条$", cite);

        await page.GotoAsync(BaseUrl + "/doc/jingjianfa-2024-12?asOf=2025-02-01");
        await Assertions.Expect(page.Locator(".status-line .badge")).ToHaveTextAsync("现行有效");

        // 京广发〔2024〕60号 is cited by 京广发〔2024〕65号 as its basis: 被引用, linking the stating document.
        await page.GotoAsync(BaseUrl + "/doc/jingguangfa-2024-60");
        var cited = page.Locator("section.relations ul[data-group='被引用'] a.rel-source");
        await cited.First.WaitForAsync();
        Assert.Contains("京广发〔2024〕65号", await cited.First.TextContentAsync());
        await cited.First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/doc/jingguangfa-2024-65#"));

        // A stored version, and a date before anything was stored.
        await page.GotoAsync(BaseUrl + "/doc/jingguizifa-2024-122?version=1");
        await Assertions.Expect(page.Locator(".version-note")).ToContainTextAsync("此为第1版的文本");
        Assert.True(await page.Locator("section.versions").IsVisibleAsync());
        await page.GotoAsync(BaseUrl + "/doc/jingguizifa-2024-122?asOf=2000-01-01");
        await Assertions.Expect(page.Locator(".version-note")).ToContainTextAsync("该日期库中尚无此文件的版本");
        await Assertions.Expect(page.Locator(".status-line .badge")).ToHaveTextAsync("尚未施行");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"gongbao-relations-{width}.png"), FullPage = false });
    }

    /// <summary>
    /// Latin words of three letters or more in rendered UI text and in titles, labels and placeholders — outside what
    /// is English or an identifier by content: elements marked lang="en", code, the document text itself (.prov,
    /// search snippets and titles), the brand, and tokens with digits, hyphens, slashes or dots (IDs, numbers).
    /// </summary>
    private const string EnglishWords = """
        () => {
          const out = [];
          const skip = '[lang="en"], code, script, style, .anchor, .brand, .prov, .snippet, .hit-link, .rel-external, .rel-target, .vdiff, ' +
            // Titles are content, not UI: headings of documents and instruments, contents entries, links to documents.
            'article h1, h2.inst, .toc, a[href^="/doc/"], a[href^="/p/"]';
          const words = t => t.split(/[\s（）()，,。：:；;、《》〔〕【】“”"']+/)
            .filter(w => !/[0-9\-\/._]/.test(w))
            .flatMap(w => w.match(/[A-Za-z]{3,}/g) || [])
            .filter(w => !/^[A-Z]+$/.test(w)); // abbreviations printed in titles and text (DRG, APP)
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const host = n.parentElement;
            if (!host || host.closest(skip)) continue;
            const found = words(n.textContent);
            if (found.length) out.push(n.textContent.trim() + ' [' + found.join(',') + ']');
          }
          for (const e of document.querySelectorAll('[title], [aria-label], [placeholder], [alt]')) {
            if (e.closest(skip)) continue;
            for (const a of ['title', 'aria-label', 'placeholder', 'alt']) {
              const v = e.getAttribute(a);
              if (v && words(v).length && !/^[a-z0-9\-\/]+$/.test(v)) out.push(a + '=' + v);
            }
          }
          return out;
        }
        """;
}
