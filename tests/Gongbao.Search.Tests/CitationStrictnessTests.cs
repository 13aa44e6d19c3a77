using Gongbao.Citations;
using Gongbao.Domain;

namespace Gongbao.Search.Tests;

/// <summary>
/// Citations never resolve to something broader than they name (issue 10 item 7): malformed or missing parts
/// are typed failures with the valid range, bracketed items resolve exactly, stored IDs are accepted.
/// </summary>
public sealed class CitationStrictnessTests(SampleStoreFixture fixture) : IClassFixture<SampleStoreFixture>
{
    private readonly CitationResolver _resolver = fixture.Resolver;

    [Theory]
    [InlineData("京规自发〔2024〕122号第0条", "第0条")]
    [InlineData("京规自发〔2024〕122号第零条", "第零条")]
    [InlineData("京规自发〔2024〕122号第2147483648条", "第2147483648条")]
    [InlineData("京规自发〔2024〕122号第8条第0款", "第0款")]
    [InlineData("京规自发〔2024〕122号第八条第（零）项", "第（零）项")]
    [InlineData("京规自发〔2024〕122号第八条第（一项", "第（一项")]
    [InlineData("京规自发〔2024〕122号第二款", "第二款")]
    [InlineData("京规自发〔2024〕122号第一项第八条", "第八条")]
    [InlineData("京规自发〔2024〕122号第八条第一目", "第一目")]
    public void MalformedPartsFailWithTheValidArticleRange(string query, string part)
    {
        var r = _resolver.Resolve(query);
        Assert.False(r.Resolved, $"{query} resolved to {r.Result?.ProvisionId ?? r.Result?.DocumentId}");
        Assert.Equal(CitationFailureKind.MalformedPart, r.Failure!.Kind);
        Assert.Equal(part, r.Failure.Part);
        Assert.Contains(part, r.Error);
        // 京规自发〔2024〕122号 issues a 办法 of 28 articles (its last: 第二十八条 本办法自印发之日起施行).
        Assert.Equal("第一条–第二十八条", r.Failure.ValidRange);
    }

    [Theory]
    [InlineData("京规自发〔2024〕122号第九十九条", "第九十九条", "第一条–第二十八条")]
    [InlineData("京规自发〔2024〕122号第8条第9款", "第九款", "第一款–第二款")]
    [InlineData("京规自发〔2024〕122号第十四条第九项", "第九项", "第一项–第四项")]
    public void NumbersBeyondTheDocumentFailWithTheValidRange(string query, string part, string range)
    {
        var r = _resolver.Resolve(query);
        Assert.False(r.Resolved);
        Assert.Equal(CitationFailureKind.OutOfRange, r.Failure!.Kind);
        Assert.Equal(part, r.Failure.Part);
        Assert.Equal(range, r.Failure.ValidRange);
        Assert.Contains(range, r.Error);
    }

    [Theory]
    [InlineData("京规自发〔2024〕122号第八条第（一）项")]
    [InlineData("京规自发〔2024〕122号第八条第(一)项")]
    [InlineData("京规自发〔2024〕122号第八条第一项")]
    [InlineData("京规自发〔2024〕122号第8条第1项")]
    public void BracketedItemsResolveExactly(string query)
    {
        var r = _resolver.Resolve(query).Result!;
        Assert.Equal("jingguizifa-2024-122/art-8/item-1", r.ProvisionId);
        Assert.Equal("第八条第一项", r.Label);
        Assert.StartsWith("时间要求:", r.Text);
    }

    [Fact]
    public void ProvisionAndDocumentIdsAreAccepted()
    {
        var art = _resolver.Resolve("jingguizifa-2024-122/art-14").Result!;
        Assert.Equal("jingguizifa-2024-122", art.DocumentId);
        Assert.Equal("jingguizifa-2024-122/art-14", art.ProvisionId);
        Assert.Equal("第十四条", art.Label);

        var item = _resolver.Resolve("jingguizifa-2024-122第十四条第一项").Result!;
        Assert.Equal("jingguizifa-2024-122/art-14/item-1", item.ProvisionId);

        var doc = _resolver.Resolve("jingguizifa-2024-122").Result!;
        Assert.Null(doc.ProvisionId);

        var inst = _resolver.Resolve("jingjianfa-2024-12/inst-1第五条").Result!;
        Assert.Equal("jingjianfa-2024-12/art-5", inst.ProvisionId);

        var missing = _resolver.Resolve("jingguizifa-2024-122/art-99");
        Assert.Equal(CitationFailureKind.DocumentNotFound, missing.Failure!.Kind);
    }

    [Fact]
    public void UnknownDocumentsSuggestTheClosest()
    {
        var byNumber = _resolver.Resolve("京规自发〔2024〕121号第八条").Failure!;
        Assert.Equal(CitationFailureKind.DocumentNotFound, byNumber.Kind);
        Assert.Equal("jingguizifa-2024-122", byNumber.Suggestions[0].DocumentId);

        var byTitle = _resolver.Resolve("《北京市公共建筑能效管理规定》第五条").Failure!;
        Assert.Equal(CitationFailureKind.DocumentNotFound, byTitle.Kind);
        Assert.Equal("jingjianfa-2024-12", byTitle.Suggestions[0].DocumentId);
        Assert.Contains("jingjianfa-2024-12", _resolver.Resolve("《北京市公共建筑能效管理规定》第五条").Error);

        Assert.Empty(_resolver.Resolve("《完全无关的题目》").Failure!.Suggestions);
    }

    /// <summary>
    /// Property: over every stored document, citations built from real and out-of-range numbers either fail or
    /// resolve to exactly the deepest cited part (same kind, same printed number), never to its parent.
    /// </summary>
    [Fact]
    public void AResolvedProvisionIsNeverBroaderThanTheDeepestCitedPart()
    {
        var random = new Random(2024);
        var docs = fixture.Store.AllDocuments().DistinctBy(w => w.Document.Id).Select(w => w.Document).ToList();
        int resolved = 0, failed = 0;
        foreach (var doc in docs)
        {
            var maxArticle = doc.AllProvisions().Concat(doc.Instruments.SelectMany(i => i.AllProvisions()))
                .Where(p => p.Kind == ProvisionKind.Article).Select(p => p.Number ?? 0).DefaultIfEmpty(0).Max();
            for (var round = 0; round < 60; round++)
            {
                var article = random.Next(4) == 0 ? random.Next(-1, 3) * (maxArticle + 1) + random.Next(0, 2) : random.Next(1, maxArticle + 2);
                int? paragraph = random.Next(3) == 0 ? random.Next(0, 5) : null;
                int? item = random.Next(2) == 0 ? random.Next(0, 9) : null;
                var query = $"{doc.Id}第{article}条" + (paragraph is { } pa ? $"第{pa}款" : "") + (item is { } it ? $"第（{(it == 0 ? "零" : ChineseNumeral.Format(it))}）项" : "");
                var r = _resolver.Resolve(query);
                if (!r.Resolved)
                {
                    Assert.NotNull(r.Failure);
                    failed++;
                    continue;
                }

                resolved++;
                var hit = fixture.Store.GetProvision(r.Result!.ProvisionId!);
                Assert.NotNull(hit);
                var p = hit.Provision;
                Assert.True(article >= 1 && paragraph is null or >= 1 && item is null or >= 1, $"{query} resolved to {p.Id}");
                if (item is { } i)
                {
                    Assert.Equal((ProvisionKind.Item, i), (p.Kind, p.Number ?? 0));
                    Assert.EndsWith($"第{ChineseNumeral.Format(i)}项", r.Result.Label);
                }
                else if (paragraph is { } para)
                {
                    Assert.Equal(para == 1 ? ProvisionKind.Article : ProvisionKind.Paragraph, p.Kind);
                    Assert.EndsWith($"第{ChineseNumeral.Format(para)}款", r.Result.Label);
                    // The lead paragraph stands for the article node but carries only its own text and items.
                    var later = p.Children.Where(c => c.Kind == ProvisionKind.Paragraph).Select(c => c.Text).Where(t => t.Length > 0);
                    Assert.True(para != 1 || later.All(t => !r.Result.Text.Contains(t, StringComparison.Ordinal)), $"{query}: 第一款 includes a later paragraph");
                }
                else
                {
                    Assert.Equal((ProvisionKind.Article, article), (p.Kind, p.Number ?? 0));
                }
            }
        }

        Assert.True(resolved > 50 && failed > 50, $"{resolved} resolved, {failed} failed: the property was not exercised on both sides");
    }
}
