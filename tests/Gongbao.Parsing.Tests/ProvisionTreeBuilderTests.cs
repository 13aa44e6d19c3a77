using Gongbao.Domain;
using Gongbao.Parsing.Documents;
using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Tests;

/// <summary>Nesting of articles and numbered units in made-up texts (the builder on its own, no issue around it).</summary>
public class ProvisionTreeBuilderTests
{
    private static Provision Build(params string[] lines)
    {
        var source = lines.Select((t, i) => new SourceLine(t, SourceSpan.Line(i + 1))).ToList();
        return new ProvisionTreeBuilder("doc", new DiagnosticBag("test.txt"), new ArticleCounter())
            .Build("doc", ProvisionKind.Document, source).Root;
    }

    private static Provision Find(Provision root, string id) => root.DescendantsAndSelf().Single(p => p.Id == id);

    [Fact]
    public void Articles_nest_under_numbered_division_titles_and_the_next_title_closes_them()
    {
        var root = Build(
            "一、总体目标",
            "到2030年，基本建成现代化的服务体系。",
            "二、主要措施",
            "（一）支持企业发展",
            "第一条 支持研发投入",
            "对研发投入超过1000万元的企业，给予补助。",
            "第二条 支持人才引进",
            "符合条件的，可以享受下列支持：",
            "（一）安家补助；",
            "（二）子女入学。",
            "（二）优化营商环境",
            "第三条 简化审批",
            "推行一网通办。",
            "三、附则",
            "1.本措施自发布之日起施行。",
            "2.本措施由市发展改革委负责解释。");

        Assert.Equal(["doc/div-1", "doc/div-2", "doc/div-3"], root.Children.Select(c => c.Id));
        var measures = Find(root, "doc/div-2");
        Assert.Equal(["doc/div-2/item-1", "doc/div-2/item-2"], measures.Children.Select(c => c.Id));
        Assert.Equal(["doc/art-1", "doc/art-2"], Find(root, "doc/div-2/item-1").Children.Select(c => c.Id));
        Assert.Equal(["doc/art-3"], Find(root, "doc/div-2/item-2").Children.Select(c => c.Id));

        // The list inside 第二条 stays inside it: its （二） does not continue the division numbering.
        var art2 = Find(root, "doc/art-2");
        Assert.Equal(["安家补助；", "子女入学。"], art2.Children.Where(c => c.Kind == ProvisionKind.Item).Select(c => c.Text));

        Assert.Equal(["doc/div-3/sub-1", "doc/div-3/sub-2"], Find(root, "doc/div-3").Children.Select(c => c.Id));
    }

    [Fact]
    public void An_item_that_is_a_sentence_does_not_hold_the_articles_after_it()
    {
        var root = Build(
            "一、本办法适用于全市各级学校。",
            "第一条 为了规范管理，制定本办法。",
            "第二条 本办法自发布之日起施行。");

        Assert.Equal(["doc/div-1", "doc/art-1", "doc/art-2"], root.Children.Select(c => c.Id));
    }

    [Fact]
    public void Articles_under_chapters_keep_their_lists()
    {
        var root = Build(
            "第一章 总则",
            "第一条 评价指标包括：",
            "（一）基本信息",
            "（二）信用记录",
            "第二条 评价结果分为四级。",
            "第二章 附则",
            "第三条 本办法自发布之日起施行。");

        Assert.Equal(["doc/chp-1", "doc/chp-2"], root.Children.Select(c => c.Id));
        Assert.Equal(["doc/art-1", "doc/art-2"], Find(root, "doc/chp-1").Children.Select(c => c.Id));
        // Short item titles inside an article never take the next article as a child.
        Assert.Equal(["doc/art-1/item-1", "doc/art-1/item-2"], Find(root, "doc/art-1").Children.Select(c => c.Id));
        Assert.Empty(Find(root, "doc/art-1/item-2").Children);
    }
}
