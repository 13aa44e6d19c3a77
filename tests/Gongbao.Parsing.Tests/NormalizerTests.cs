using Gongbao.Domain;

using Gongbao.Parsing.Normalization;
using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Tests;

public class NormalizerTests
{
    [Theory]
    [InlineData("[bookmark: _GoBack][bookmark: _Hlk71210785]以习近平思想为指导", "以习近平思想为指导")]
    [InlineData("\t<p>1. 坚持党的领导。</p>", "\t 1. 坚持党的领导。 ")]
    [InlineData("**关于调整医疗服务价格的通知**", "关于调整医疗服务价格的通知")]
    [InlineData("在“首都之窗”(<http://www.beijing.gov.cn>)查询", "在“首都之窗”(http://www.beijing.gov.cn)查询")]
    public void Inline_markup_is_removed(string input, string expected) =>
        Assert.Equal(expected, new InlineMarkupRemover().Apply(input));

    [Theory]
    [InlineData("---\t------")]
    [InlineData("---\t--")]
    [InlineData("------")]
    [InlineData("— 70 —")]
    [InlineData("- 12 -")]
    public void Artefact_lines_are_dropped(string line) => Assert.Null(new ArtefactLineFilter().Apply(line));

    [Theory]
    [InlineData("——坚持党的全面领导。")]
    [InlineData("—2025 年)》的通知")]
    [InlineData("第一条 总则")]
    public void Text_lines_are_kept(string line) => Assert.Equal(line, new ArtefactLineFilter().Apply(line));

    [Theory]
    [InlineData("- (一)拒不履行处罚决定的。", "(一)拒不履行处罚决定的。")]
    [InlineData("- 附件:1. 信用评价标准(略)", "附件:1. 信用评价标准(略)")]
    [InlineData("——坚持服务大局。", "——坚持服务大局。")]
    [InlineData("-5%的降幅", "-5%的降幅")]
    public void List_markers_are_stripped(string input, string expected) =>
        Assert.Equal(expected, new ListMarkerStripper().Apply(input));

    [Theory]
    [InlineData("北 京 市 民 政 局", "北京市民政局")]
    [InlineData("北　　京　　广　　播　　电　　视　　局", "北京广播电视局")]
    [InlineData("共青 团 北 京 市 委 员 会", "共青团北京市委员会")]
    [InlineData("第一章 总 则", "第一章总则")]
    [InlineData("目 录", "目录")]
    [InlineData("北京市市场监督管理局 北京市财政局", "北京市市场监督管理局 北京市财政局")]
    [InlineData("2024 年 5 月 16 日", "2024 年 5 月 16 日")]
    [InlineData("市委 市政府联合文件", "市委 市政府联合文件")]
    public void Letter_spacing_is_collapsed(string input, string expected) =>
        Assert.Equal(expected, new LetterSpacingCollapser().Apply(input));

    [Fact]
    public void Chain_keeps_source_line_numbers_and_blank_line_flags()
    {
        string[] raw = ["", "", "北 京 市 民 政 局", "---\t------", "", "- (一)第一项。", "[bookmark: x]"];
        var lines = new LineNormalizer().Normalize(raw);
        Assert.Equal(2, lines.Count);
        Assert.Equal(new SourceLine("北京市民政局", SourceSpan.Line(3), true), lines[0]);
        Assert.Equal(new SourceLine("(一)第一项。", SourceSpan.Line(6), true), lines[1]);
    }

    [Fact]
    public void Page_break_inside_a_sentence_is_rejoined_with_both_spans()
    {
        var joined = new PageBreakJoiner().Join(
        [
            new SourceLine("第四条【职责分工】市规划自然资源委领导本市规划自然资源", SourceSpan.Line(10)),
            new SourceLine("领域信用评价及分级分类监管工作。", SourceSpan.Line(12), true),
            new SourceLine("(一)统筹部门:负责统筹。", SourceSpan.Line(14), true),
        ]);
        Assert.Equal(2, joined.Count);
        Assert.Equal("第四条【职责分工】市规划自然资源委领导本市规划自然资源领域信用评价及分级分类监管工作。", joined[0].Text);
        Assert.Equal(new SourceSpan(10, 12), joined[0].Span);
    }

    [Theory]
    [InlineData("一、总体要求", "以习近平新时代中国特色社会主义思想为指导。")]
    [InlineData("(一)指导思想", "高举中国特色社会主义伟大旗帜。")]
    [InlineData("第一章 总则", "第一条 为了规范管理，制定本办法。")]
    [InlineData("为加强管理，制定本办法。", "继续执行。")]
    [InlineData("第七条 一次性大型设备购置和园所修缮资金", "普惠性民办幼儿园的设备购置资金由财政部门安排。")]
    [InlineData("北京市人民政府", "2021年9月18日")]
    [InlineData("加强组织领导，完善工作", "(二)加强政策保障")]
    [InlineData("(责任单位:市教委、市科协)", "2. 深化学校教学改革。")]
    [InlineData("组 长：市广电局党组书记、局长", "副组长：市广电局各分管业务工作的副局长")]
    [InlineData("责任单位:市商务局", "完成时限:2021年12月")]
    public void Headings_sentence_ends_and_new_units_are_not_joined(string previous, string next) =>
        Assert.False(PageBreakJoiner.ShouldJoin(previous, next));

    [Theory]
    [InlineData("第三十七条 本办法由市财政局和市市场监管局按照各自职", "责分工解释。")]
    [InlineData("高举中国特色社会主义伟大旗帜,坚持以马克思列宁主义、", "毛泽东思想、邓小平理论为指导。")]
    [InlineData("(九)全年不间断开展招聘活动。开展“人社局长进校园”讲形", "势送政策活动。")]
    [InlineData("征求意见期限不少于", "15 日,报主管领导审定后实施。")]
    [InlineData("(二)对信用评价等级为良(B)级的评价对象,以监管和自律兼顾、适度激励为原则,采取以下激励措施(法律法规另有规定的", "除外)：")]
    public void Cut_sentences_are_joined(string previous, string next) =>
        Assert.True(PageBreakJoiner.ShouldJoin(previous, next));

    [Theory]
    [InlineData("京规自发〔2024〕122号", "京规自发[2024]122号")]
    [InlineData("（试行）", "(试行)")]
    [InlineData("２０２４ 年", "2024年")]
    [InlineData("北京 市 民政局", "北京市民政局")]
    public void Folding_unifies_width_brackets_and_spaces(string a, string b) =>
        Assert.Equal(TextFold.Fold(a), TextFold.Fold(b));

    [Fact]
    public void Folding_is_for_matching_only() =>
        Assert.Equal("（一）２０２４", new LetterSpacingCollapser().Apply("（一）２０２４"));
}
