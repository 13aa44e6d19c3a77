using Gongbao.Domain;

using Gongbao.Parsing.Tests.Invariance;

namespace Gongbao.Parsing.Tests;

/// <summary>
/// Issue 9, nesting at page breaks: each listed case in the shared issues, located by its text (expected
/// values read off the gazette). The general rules behind them are also tested on made-up texts in
/// <see cref="PageBreakNestingRuleTests"/>.
/// </summary>
public class PageBreakNestingTests
{
    private static GazetteDocument Doc(string file, Func<GazetteDocument, bool> match) =>
        ParsedSamples.Get(file).Documents.Single(match);

    private static GazetteDocument ByTitle(string file, string titlePart) => Doc(file, d => d.TitleZh.Contains(titlePart, StringComparison.Ordinal));

    private static GazetteDocument ById(string file, string id) => Doc(file, d => d.Id == id);

    private static IEnumerable<(Provision Node, Provision? Parent)> Walk(GazetteDocument doc)
    {
        var stack = new Stack<(Provision, Provision?)>();
        foreach (var root in new[] { doc.Body }.Concat(doc.Instruments.Select(i => i.Body)))
        {
            stack.Push((root, null));
        }

        while (stack.Count > 0)
        {
            var (node, parent) = stack.Pop();
            yield return (node, parent);
            foreach (var c in node.Children)
            {
                stack.Push((c, node));
            }
        }
    }

    private static Provision Unit(GazetteDocument doc, string label, string textStart) =>
        Walk(doc).Select(w => w.Node).Single(p => p.Label == label
            && ProvisionDump.Fold((p.Heading ?? "") + p.Text).StartsWith(ProvisionDump.Fold(textStart), StringComparison.Ordinal));

    private static List<string> ParagraphStarts(Provision p) =>
        p.Children.Where(c => c.Kind == ProvisionKind.Paragraph).Select(c => ProvisionDump.Fold(c.Text)).Select(t => t.Length > 6 ? t[..6] : t).ToList();

    [Fact]
    public void Chengshigengxin_2021_40_item_1_heading_huifuxing_xiujian_is_not_glued_onto_its_paragraph()
    {
        var doc = ByTitle("2021-40.txt", "城市更新行动计划");
        var item = Unit(doc, "(一)", "首都功能核心区平房");
        Assert.Equal("首都功能核心区平房(院落)申请式退租和保护性修缮、恢复性修建", item.Heading);
        Assert.Equal("", item.Text);
        Assert.Equal(["坚持“保障对", "责任单位:市", "目标任务:到"], ParagraphStarts(item));
    }

    [Fact]
    public void Jingrenshefa_2024_13_item_4_heading_fuwu_baozhang_shuiping_is_not_glued_onto_its_paragraph()
    {
        var doc = ById("2025-12.txt", "jingrenshefa-2024-13");
        var item = Unit(doc, "（四）", "促进政府部门");
        Assert.Equal("促进政府部门、社会组织等提高人力资源服务保障水平", item.Heading);
        Assert.Equal(["《目录》可为"], ParagraphStarts(item));
    }

    [Fact]
    public void Chengshigengxin_2021_40_annex_word_jingying_xuke_cut_by_page_break_is_rejoined()
    {
        var doc = ByTitle("2021-40.txt", "城市更新行动计划");
        var item = Unit(doc, "4.", "制定完善利用城市更新改造空间");
        Assert.Null(item.Heading);
        Assert.Contains("的经营许可审批措施,明确经营许可办理路径。", item.Text, StringComparison.Ordinal);
        Assert.Equal(["责任单位:市", "完成时限:2"], ParagraphStarts(item));
    }

    [Fact]
    public void Jingjiguanfa_2024_30_article_13_item_10_word_shenqingbiao_cut_by_page_break_is_rejoined()
    {
        var doc = ById("2025-12.txt", "jingjiguanfa-2024-30");
        var item = Unit(doc, "10.", "申请学前教育资助资金的幼儿园");
        Assert.Null(item.Heading);
        Assert.EndsWith("还需提供学前教育资助申请表、幼儿出勤表复印件等材料。", item.Text, StringComparison.Ordinal);
        Assert.Empty(item.Children);
    }

    [Fact]
    public void Jingjiguanfa_2024_31_definition_10_word_zhiye_dianjing_cut_by_page_break_is_rejoined()
    {
        var doc = ById("2025-12.txt", "jingjiguanfa-2024-31");
        var item = Unit(doc, "10.", "国际职业电竞赛事是指");
        Assert.Null(item.Heading);
        Assert.Contains("的职业电竞俱乐部参与", ProvisionDump.Fold(item.Text), StringComparison.Ordinal);
        Assert.Empty(item.Children);
    }

    [Theory]
    [InlineData("2.", "工作原则。", 3)]
    [InlineData("3.", "工作目标。", 2)]
    [InlineData("14.", "规范培训服务行为。", 1)]
    [InlineData("28.", "明确部门工作职责。", 2)]
    public void Shuangjian_2021_40_paragraphs_after_a_run_in_heading_item_belong_to_the_item(string label, string heading, int paragraphs)
    {
        var doc = ByTitle("2021-40.txt", "减轻义务教育阶段学生作业负担");
        var item = Unit(doc, label, heading);
        Assert.Equal(paragraphs, item.Children.Count(c => c.Kind == ProvisionKind.Paragraph));
    }

    [Fact]
    public void Chengshigengxin_2021_40_zeren_danwei_mubiao_renwu_and_wancheng_shixian_lines_belong_to_their_item()
    {
        var doc = ByTitle("2021-40.txt", "城市更新行动计划");
        var lines = Walk(doc).Where(w => w.Node.Kind == ProvisionKind.Paragraph
            && new[] { "责任单位", "目标任务", "完成时限" }.Any(label => w.Node.Text.StartsWith(label, StringComparison.Ordinal))).ToList();
        Assert.True(lines.Count >= 60, $"{lines.Count} lines");
        Assert.All(lines, w => Assert.Contains(w.Parent!.Kind, new[] { ProvisionKind.Item, ProvisionKind.SubItem }));
    }

    [Fact]
    public void Jingshijianfa_2024_44_item_21_owns_the_paragraph_after_it()
    {
        var doc = ById("2024-31.txt", "jingshijianfa-2024-44");
        var item = Unit(doc, "21.", "完善质量基础服务机制。");
        Assert.Equal(["推进首席质量"], ParagraphStarts(item));
    }

    [Theory]
    [InlineData("9.", "提升教师队伍素养。", "开展“人工智")]
    [InlineData("18.", "加强家庭科学教育。", "(责任单位:")]
    public void Jingjiaojier_2024_28_paragraph_after_a_run_in_heading_item_belongs_to_the_item(string label, string heading, string paragraph)
    {
        var doc = ById("2025-12.txt", "jingjiaojier-2024-28");
        var item = Unit(doc, label, heading);
        Assert.Equal([paragraph], ParagraphStarts(item));
    }

    [Fact]
    public void Jingguangdianfa_2021_17_annex_1_neibu_zhidu_rows_do_not_carry_the_previous_group_after_a_page_break()
    {
        var doc = ById("2021-40.txt", "jingguangdianfa-2021-17");
        var table = Walk(doc).Select(w => w.Node).Single(p => p.Kind == ProvisionKind.Table && p.Cells is { Count: > 0 } c && c[0][0] == "一级指标");
        var row = table.Cells!.Single(r => r.Count > 1 && r[1].Contains("坚持党的领导", StringComparison.Ordinal));
        Assert.DoesNotContain("受众反应", row[0], StringComparison.Ordinal);

        // Within a group the carry still applies across the repeated header: item 3 of 作品创作生产.
        var third = table.Cells!.Single(r => r.Count > 1 && r[1].Contains("独立或合作创作完成广播", StringComparison.Ordinal));
        Assert.StartsWith("作品创作生产", third[0], StringComparison.Ordinal);
    }
}
