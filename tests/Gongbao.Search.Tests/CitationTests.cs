using Gongbao.Citations;
using Gongbao.Domain;

namespace Gongbao.Search.Tests;

public sealed class ChineseNumeralTests
{
    [Theory]
    [InlineData("一", 1)]
    [InlineData("十", 10)]
    [InlineData("十四", 14)]
    [InlineData("二十", 20)]
    [InlineData("二十一", 21)]
    [InlineData("九十九", 99)]
    [InlineData("一百零五", 105)]
    [InlineData("8", 8)]
    [InlineData("１２", 12)]
    public void ParsesChineseAndArabic(string text, int expected)
    {
        Assert.Equal(expected, ChineseNumeral.Parse(text));
        if (text.Any(c => c > '９'))
        {
            Assert.Equal(text, ChineseNumeral.Format(expected));
        }
    }

    [Fact]
    public void RejectsNonNumbers() => Assert.Null(ChineseNumeral.Parse("条"));
}

public sealed class CitationParsingTests
{
    [Theory]
    [InlineData("京规自发〔2024〕122号第八条", 8, null, null)]
    [InlineData("京规自发[2024]122号 第8条", 8, null, null)]
    [InlineData("京规自发（2024）122号第十四条第一项", 14, null, 1)]
    [InlineData("京规自发〔2024〕122号", null, null, null)]
    public void ParsesNumberCitations(string text, int? article, int? paragraph, int? item)
    {
        var c = Citation.Parse(text)!;
        Assert.Equal("京规自发〔2024〕122号", c.Number?.Canonical);
        Assert.Null(c.Title);
        Assert.Equal(article, c.Article);
        Assert.Equal(paragraph, c.Paragraph);
        Assert.Equal(item, c.Item);
    }

    [Fact]
    public void ParsesTitleCitationsWithAndWithoutBrackets()
    {
        var plain = Citation.Parse("北京市公共建筑能效分级管理办法第五条第二款")!;
        Assert.Equal("北京市公共建筑能效分级管理办法", plain.Title);
        Assert.Equal((5, 2), (plain.Article, plain.Paragraph));
        var quoted = Citation.Parse("《市委宣传部、市司法局关于在全市开展法治宣传教育的第八个五年规划(2021—2025年)》第三条")!;
        Assert.Equal("市委宣传部、市司法局关于在全市开展法治宣传教育的第八个五年规划(2021—2025年)", quoted.Title);
        Assert.Equal(3, quoted.Article);
    }

    [Fact]
    public void RejectsEmptyInput() => Assert.Null(Citation.Parse("  "));
}

public sealed class CitationResolverTests(SampleStoreFixture fixture) : IClassFixture<SampleStoreFixture>
{
    private readonly CitationResolver _resolver = fixture.Resolver;

    [Theory]
    [InlineData("京规自发〔2024〕122号第八条")]
    [InlineData("京规自发[2024]122号 第8条")]
    [InlineData("京规自发（2024）122号第八条")]
    public void NumberCitationFindsTheArticleOfTheIssuedMeasures(string query)
    {
        var r = _resolver.Resolve(query).Result!;
        Assert.Equal("jingguizifa-2024-122/art-8", r.ProvisionId);
        Assert.Equal("第八条", r.Label);
        Assert.Equal("信息归集", r.Heading);
        Assert.StartsWith("信用数据归集遵循“系统对接为主、人工录入为辅”的原则。", r.Text);
        Assert.Contains("(一)时间要求:", r.Text);
    }

    [Fact]
    public void ItemCitationFindsTheItem()
    {
        var r = _resolver.Resolve("京规自发（2024）122号第十四条第一项").Result!;
        Assert.Equal("jingguizifa-2024-122/art-14/item-1", r.ProvisionId);
        Assert.Equal("第十四条第一项", r.Label);
        Assert.Equal("满足以下条件的,信用等级为优(A)级:\n评价信用分值为 800 分及以上。", r.Text);
    }

    [Fact]
    public void TitleCitationWithParagraphFindsTheSecondParagraph()
    {
        // 第五条 of the 办法 issued by 京建法〔2024〕12号: lead paragraph, items (一)-(五), then the second paragraph.
        var r = _resolver.Resolve("北京市公共建筑能效分级管理办法第五条第二款").Result!;
        Assert.Equal("jingjianfa-2024-12", r.DocumentId);
        Assert.Equal("jingjianfa-2024-12/inst-1", r.InstrumentId);
        Assert.Equal("jingjianfa-2024-12/art-5/para-2", r.ProvisionId);
        Assert.Equal("第五条第二款", r.Label);
        Assert.Equal("根据本市公共建筑能效等级实际情况，适时调整能效分级规则。", r.Text);
    }

    [Fact]
    public void FirstParagraphIsTheLeadWithItsItems()
    {
        var r = _resolver.Resolve("《北京市公共建筑能效分级管理办法》第五条第一款").Result!;
        Assert.Equal("jingjianfa-2024-12/art-5", r.ProvisionId);
        Assert.StartsWith("参考现行本市《民用建筑能耗标准》", r.Text);
        Assert.EndsWith("(五)当公共建筑的年度综合能耗强度超过约束值的1.8倍时，其能效等级为五级。", r.Text);
    }

    [Theory]
    [InlineData("《北京市规划自然资源领域信用评价及分级分类监管工作管理办法（试行）》第二条")]
    [InlineData("北京市规划自然资源领域信用评价及分级分类监管工作管理办法第二条")]
    [InlineData("《规划自然资源领域信用评价及分级分类监管工作管理办法》第二条")]
    public void TitleWithOrWithoutTrialMarkerOrPlaceNameResolves(string query)
    {
        var r = _resolver.Resolve(query).Result!;
        Assert.Equal("jingguizifa-2024-122/art-2", r.ProvisionId);
        Assert.Equal("对本市规划自然资源领域行政相对人(以下简称“评价对象”)开展信用评价及分级分类监管工作,适用本办法。", r.Text);
    }

    [Fact]
    public void AbbreviatedSelfReferenceResolvesInsideItsDocument()
    {
        var r = _resolver.Resolve("《办法》第十六条", contextDocumentId: "jingguizifa-2024-122").Result!;
        Assert.Equal("jingguizifa-2024-122/art-16", r.ProvisionId);
    }

    [Fact]
    public void UnknownTargetsExplainThemselves()
    {
        Assert.Contains("No stored document", _resolver.Resolve("京规自发〔2024〕999号第一条").Error);
        Assert.Contains("第九十九条", _resolver.Resolve("京规自发〔2024〕122号第九十九条").Error);
        Assert.False(_resolver.Resolve("hello").Resolved);
    }

    [Fact]
    public void CrossReferencesAreLinkedOrExternal()
    {
        var finder = new CrossReferenceFinder(_resolver);
        var art1 = fixture.Store.GetProvision("jingguizifa-2024-122/art-1")!.Provision.Text;
        var refs = finder.Find(art1, "jingguizifa-2024-122");
        var basic = Assert.Single(refs, r => r.Title == "全国失信惩戒措施基础清单");
        Assert.True(basic.External);
        Assert.Equal(4, refs.Count);

        var text = "依据《北京市公共建筑能效分级管理办法》第五条和京规自发〔2024〕122号第八条，参照《北京市建筑绿色发展条例》。";
        var linked = finder.Find(text);
        Assert.Equal(3, linked.Count);
        Assert.Equal("jingjianfa-2024-12/art-5", linked[0].TargetProvisionId);
        Assert.Equal("jingguizifa-2024-122/art-8", linked[1].TargetProvisionId);
        Assert.True(linked[2].External);
    }
}

public sealed class WitnessTests(SampleStoreFixture fixture) : IClassFixture<SampleStoreFixture>
{
    [Fact]
    public void StandaloneAndGazettePrintingsAreOneDocumentWithTwoWitnesses()
    {
        var witnesses = fixture.Store.FindDocument("jingguangdianfa-2021-93");
        Assert.Equal(["beijing-2021-40", "standalone-jingguangdianfa-2021-93"], witnesses.Select(w => w.IssueId));
        Assert.All(witnesses, w => Assert.Equal("jingguangdianfa-2021-93", w.Document.Id));
    }

    [Fact]
    public void DiffShowsTheKnownDifferences()
    {
        var w = fixture.Store.FindDocument("jingguangdianfa-2021-93");
        var diff = WitnessComparison.Compare(w[0], w[1], ignoreWidth: true);
        Assert.False(diff.Identical);
        var changes = diff.Hunks.SelectMany(h => h.Segments).Where(s => s.Operation != DiffOperation.Equal).ToList();

        // Title: the gazette prints 广播电视台…视听节目, the standalone 广播电视局…视听 (grep both files).
        var first = diff.Hunks[0];
        Assert.Equal(1, first.OldLine);
        Assert.Equal(new DiffSegment(DiffOperation.Equal, "北京市广播电视"), first.Segments[0]);
        Assert.Equal(new DiffSegment(DiffOperation.Delete, "台"), first.Segments[1]);
        Assert.Equal(new DiffSegment(DiffOperation.Insert, "局"), first.Segments[2]);

        // 视听节目创作水平 (gazette) vs 视听精品创作水平 (standalone).
        Assert.Contains(diff.Hunks, h => Render(h).Contains("网络视听[-节目-]{+精品+}创作水平", StringComparison.Ordinal));

        // Sub-item labels: "1." in the gazette, "1、" in the standalone.
        Assert.Contains(diff.Hunks, h => Render(h).Contains("13[-. -]{+、+}进一步推进智能终端升级", StringComparison.Ordinal));

        // With width folded, "，" vs "," is no longer a change.
        Assert.DoesNotContain(changes, s => s.Text is "," or "，");
        var exact = WitnessComparison.Compare(w[0], w[1]);
        Assert.Contains(exact.Hunks.SelectMany(h => h.Segments), s => s is { Operation: DiffOperation.Insert, Text: "，" });
        Assert.True(exact.InsertedChars > diff.InsertedChars);
    }

    private static string Render(DiffHunk h) => string.Concat(h.Segments.Select(s => s.Operation switch
    {
        DiffOperation.Delete => "[-" + s.Text + "-]",
        DiffOperation.Insert => "{+" + s.Text + "+}",
        _ => s.Text,
    }));
}

public sealed class TextDiffTests
{
    [Fact]
    public void FindsMinimalCharacterEdits()
    {
        var d = TextDiff.Compute("北京市广播电视台局", "北京市广播电视局");
        Assert.Equal([new(DiffOperation.Equal, "北京市广播电视"), new(DiffOperation.Delete, "台"), new(DiffOperation.Equal, "局")], d);
    }

    [Fact]
    public void ReconstructsBothTexts()
    {
        var rng = new Random(7);
        const string alphabet = "公共建筑能效分级，。";
        for (var round = 0; round < 50; round++)
        {
            var a = new string(Enumerable.Range(0, rng.Next(0, 200)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray());
            var b = new string(Enumerable.Range(0, rng.Next(0, 200)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray());
            var d = TextDiff.Compute(a, b);
            Assert.Equal(a, string.Concat(d.Where(s => s.Operation != DiffOperation.Insert).Select(s => s.Text)));
            Assert.Equal(b, string.Concat(d.Where(s => s.Operation != DiffOperation.Delete).Select(s => s.Text)));
        }
    }

    [Fact]
    public void IsFastOnLongTextsWithScatteredEdits()
    {
        var rng = new Random(3);
        var chars = Enumerable.Range(0, 20_000).Select(_ => (char)('\u4E00' + rng.Next(3000))).ToArray();
        var a = new string(chars);
        for (var i = 0; i < 200; i++)
        {
            chars[rng.Next(chars.Length)] = '〇';
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var d = TextDiff.Compute(a, new string(chars));
        Assert.True(clock.ElapsedMilliseconds < 2000, $"{clock.ElapsedMilliseconds} ms");
        Assert.InRange(d.Count(s => s.Operation == DiffOperation.Insert), 1, 200);
        Assert.NotEmpty(TextDiff.Hunks(d));
    }

    [Fact]
    public void HunksCarryContextAndLineNumbers()
    {
        var a = "第一行\n第二行甲乙丙丁戊己庚辛壬癸\n第三行";
        var b = "第一行\n第二行甲乙丙丁戊己庚辛壬癸子\n第三行";
        var h = Assert.Single(TextDiff.Hunks(TextDiff.Compute(a, b), context: 3));
        Assert.Equal(2, h.OldLine);
        Assert.Equal([new(DiffOperation.Equal, "庚辛壬癸"[1..]), new(DiffOperation.Insert, "子"), new(DiffOperation.Equal, "\n第三")], h.Segments);
    }
}
