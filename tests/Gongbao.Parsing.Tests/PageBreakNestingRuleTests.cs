using Gongbao.Domain;
using Gongbao.Parsing.Documents;
using Gongbao.Parsing.Normalization;

namespace Gongbao.Parsing.Tests;

/// <summary>The general rules for page breaks and nesting, on made-up texts laid out like the gazette (blank line between paragraphs).</summary>
public class PageBreakNestingRuleTests
{
    private static Provision Build(params string[] lines)
    {
        var source = new LineNormalizer().Normalize(lines.SelectMany(l => new[] { l, "" }).ToList());
        return new ProvisionTreeBuilder("doc", new DiagnosticBag("test.txt"), new ArticleCounter())
            .Build("doc", ProvisionKind.Document, source).Root;
    }

    private static Provision Find(Provision root, string id) => root.DescendantsAndSelf().Single(p => p.Id == id);

    [Fact]
    public void A_numbered_heading_among_heading_siblings_is_not_glued_to_the_next_paragraph_even_when_long()
    {
        var root = Build(
            "一、重点任务",
            "（一）推进老旧厂房、低效楼宇和传统商业设施的更新改造与功能提升",
            "鼓励社会资本参与改造，完善配套设施。",
            "（二）加强组织保障",
            "各区要落实责任。");
        var item = Find(root, "doc/div-1/item-1");
        Assert.Equal("推进老旧厂房、低效楼宇和传统商业设施的更新改造与功能提升", item.Heading);
        Assert.Equal(["鼓励社会资本参与改造，完善配套设施。"], item.Children.Select(c => c.Text));
    }

    [Fact]
    public void A_numbered_sentence_cut_at_a_page_break_among_sentence_siblings_is_rejoined()
    {
        var root = Build(
            "1.完善审批流程，压缩办理时限。",
            "2.建立健全利用存量空间开展经营活动的备",
            "案管理制度，明确办理路径。",
            "3.加强事中事后监管。");
        Assert.Equal(["doc/sub-1", "doc/sub-2", "doc/sub-3"], root.Children.Select(c => c.Id));
        Assert.Equal("建立健全利用存量空间开展经营活动的备案管理制度，明确办理路径。", Find(root, "doc/sub-2").Text);
        Assert.Empty(Find(root, "doc/sub-2").Children);
    }

    [Fact]
    public void Paragraphs_after_a_run_in_heading_item_belong_to_it_until_the_next_number_of_the_same_or_higher_rank()
    {
        var root = Build(
            "一、工作措施",
            "1.加强统筹。建立协调机制。",
            "坚持问题导向，分类施策。",
            "坚持系统观念，整体推进。",
            "2.强化保障。加大资金投入。",
            "二、组织实施",
            "各单位要抓好落实。");
        Assert.Equal(2, Find(root, "doc/div-1/sub-1").Children.Count);
        Assert.Empty(Find(root, "doc/div-1/sub-2").Children);
        Assert.Equal(["各单位要抓好落实。"], Find(root, "doc/div-2").Children.Select(c => c.Text));
    }

    [Fact]
    public void A_sentence_item_without_run_in_heading_does_not_own_the_next_paragraph()
    {
        var root = Build(
            "一、工作措施",
            "1.各区要建立协调机制，定期会商。",
            "以上措施自发布之日起实施。");
        Assert.Empty(Find(root, "doc/div-1/sub-1").Children);
        Assert.Equal("以上措施自发布之日起实施。", Find(root, "doc/div-1/para-1").Text);
    }

    [Fact]
    public void Inside_an_article_an_unnumbered_paragraph_after_items_is_a_new_paragraph_of_the_article()
    {
        var root = Build(
            "第五条 申请人应当提交下列材料：",
            "（一）申请书；",
            "（二）加强管理。具体要求另行规定。",
            "材料不齐全的，应当一次性告知。");
        var article = Find(root, "doc/art-1");
        Assert.Equal(["doc/art-1/item-1", "doc/art-1/item-2", "doc/art-1/para-2"], article.Children.Select(c => c.Id));
    }

    [Fact]
    public void A_line_ending_in_an_inline_number_opens_that_sub_item_continued_on_the_next_page()
    {
        var root = Build(
            "（一）支持措施",
            "(1)给予房租补贴。(2)给予人才奖励。(3)",
            "给予贷款贴息，最高100万元。",
            "（二）申报程序");
        var item = Find(root, "doc/item-1");
        Assert.Equal(["doc/item-1/pt-1", "doc/item-1/pt-2"], item.Children.Select(c => c.Id));
        Assert.Equal("给予房租补贴。(2)给予人才奖励。", Find(root, "doc/item-1/pt-1").Text);
        Assert.Equal("(3)", Find(root, "doc/item-1/pt-2").Label);
        Assert.Equal("给予贷款贴息，最高100万元。", Find(root, "doc/item-1/pt-2").Text);
    }

    [Fact]
    public void A_table_row_that_restarts_the_numbering_after_a_page_break_does_not_carry_the_previous_group()
    {
        var rows = Gongbao.Parsing.Recognition.TableRecognizer.Build(new[]
        {
            "指标\t内容\t分值",
            "服务质量\t1. 按时办结\t5分",
            "\t2. 群众满意\t5分",
            "指标\t内容\t分值",
            "\t3. 无投诉\t5分",
            "指标\t内容\t分值",
            "\t1. 制度健全\t4分",
        }.Select((l, i) => (l, i)).ToList());
        Assert.Equal(["服务质量", "服务质量", "服务质量", ""], rows.Skip(1).Select(r => r.Cells[0]));
    }
}
