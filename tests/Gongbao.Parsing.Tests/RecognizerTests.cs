using Gongbao.Domain;

using Gongbao.Parsing.Documents;
using Gongbao.Parsing.Normalization;
using Gongbao.Parsing.Recognition;
using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Tests;

public class RecognizerTests
{
    [Theory]
    [InlineData("第一条【目的依据】为推进信用评价工作。", ProvisionKind.Article, "第一条", 1, "目的依据", "为推进信用评价工作。")]
    [InlineData("第二十八条 本办法自印发之日起施行。", ProvisionKind.Article, "第二十八条", 28, null, "本办法自印发之日起施行。")]
    [InlineData("第一百零二条 附则内容。", ProvisionKind.Article, "第一百零二条", 102, null, "附则内容。")]
    [InlineData("第三章 规自领域信用评价", ProvisionKind.Chapter, "第三章", 3, "规自领域信用评价", "")]
    [InlineData("第一章总则", ProvisionKind.Chapter, "第一章", 1, "总则", "")]
    [InlineData("第二节 评价", ProvisionKind.Section, "第二节", 2, "评价", "")]
    [InlineData("第一编 总则", ProvisionKind.Part, "第一编", 1, "总则", "")]
    [InlineData("十二、其他事项", ProvisionKind.Heading, "十二、", 12, null, "其他事项")]
    [InlineData("（三）支撑部门", ProvisionKind.Item, "（三）", 3, null, "支撑部门")]
    [InlineData("(十一) 强化保障", ProvisionKind.Item, "(十一)", 11, null, "强化保障")]
    [InlineData("(一）混合括号", ProvisionKind.Item, "(一）", 1, null, "混合括号")]
    [InlineData("1. 在日常监管中减少检查。", ProvisionKind.SubItem, "1.", 1, null, "在日常监管中减少检查。")]
    [InlineData("12、优化调整政府购买服务清单。", ProvisionKind.SubItem, "12、", 12, null, "优化调整政府购买服务清单。")]
    [InlineData("３．全角数字", ProvisionKind.SubItem, "３．", 3, null, "全角数字")]
    [InlineData("（2）第二点", ProvisionKind.Point, "（2）", 2, null, "第二点")]
    [InlineData("(10)第十点", ProvisionKind.Point, "(10)", 10, null, "第十点")]
    [InlineData("③第三", ProvisionKind.Circled, "③", 3, null, "第三")]
    public void Numbering_levels(string line, ProvisionKind kind, string label, int number, string? heading, string rest)
    {
        var unit = NumberingRecognizer.Recognize(line);
        Assert.NotNull(unit);
        Assert.Equal(kind, unit.Kind);
        Assert.Equal(label, unit.Label);
        Assert.Equal(number, unit.Number);
        Assert.Equal(heading, unit.Heading);
        Assert.Equal(rest, unit.Rest);
    }

    [Theory]
    [InlineData("2024 年全面优化营商环境")]
    [InlineData("2.0版分组方案")]
    [InlineData("(2024—2026年)")]
    [InlineData("(略)")]
    [InlineData("序号\t项目名称")]
    [InlineData("100万元以上")]
    public void Not_numbered_units(string line)
    {
        Assert.Null(NumberingRecognizer.Recognize(line));
    }

    [Theory]
    [InlineData("一", 1)]
    [InlineData("十", 10)]
    [InlineData("十五", 15)]
    [InlineData("二十", 20)]
    [InlineData("三十九", 39)]
    [InlineData("一百零二", 102)]
    [InlineData("两", 2)]
    public void Chinese_numbers(string s, int n) => Assert.Equal(n, ChineseNumeral.Parse(s));

    [Theory]
    [InlineData("2024年5月11日", 2024, 5, 11)]
    [InlineData("2021 年 11 月 11 日", 2021, 11, 11)]
    [InlineData("２０２５年３月２８日", 2025, 3, 28)]
    public void Date_lines(string line, int y, int m, int d) => Assert.Equal(new DateOnly(y, m, d), DateRecognizer.ParseDateLine(line));

    [Fact]
    public void English_dates() => Assert.Equal(new DateOnly(2021, 11, 11), DateRecognizer.FindEnglish("November 11, 2021"));

    [Theory]
    [InlineData("2024年13月1日")]
    [InlineData("完成时限:2021年12月")]
    [InlineData("到2025年12月31日完成。")]
    public void Not_date_lines(string line) => Assert.Null(DateRecognizer.ParseDateLine(line));

    [Fact]
    public void Masthead_fields()
    {
        var zh = Lines("天津市人民政府公报", "2019", "第 7 期（总第 301 期）", "2019年4月2日 第7期 天津市人民政府办公厅主办");
        var en = Lines("April 2, 2019", "Issue No. 7", "Sponsored by the General Office of the People's Government of Tianjin Municipality");
        var m = MastheadRecognizer.Read(zh, en);
        Assert.Equal("天津市人民政府公报", m.Title);
        Assert.Equal(2019, m.Year);
        Assert.Equal(7, m.Number);
        Assert.Equal(301, m.CumulativeNumber);
        Assert.Equal(new DateOnly(2019, 4, 2), m.Date);
        Assert.Equal("天津市人民政府办公厅", m.Sponsor);
        Assert.Equal("the General Office of the People's Government of Tianjin Municipality", m.SponsorEn);
        Assert.Equal("tianjin", MastheadRecognizer.IssuePrefix(m.Title));
    }

    [Fact]
    public void Masthead_without_cumulative_number()
    {
        var m = MastheadRecognizer.Read(Lines("北京市人民政府公报", "2020", "第 3 期", "2020 年 1 月 20 日 第 3 期 北京市人民政府办公厅主办"), []);
        Assert.Equal(3, m.Number);
        Assert.Null(m.CumulativeNumber);
    }

    [Fact]
    public void Contents_entries_wrap_and_carry_number_and_page()
    {
        var bag = new DiagnosticBag("t");
        var zh = ContentsParser.ParseChinese(Lines(
            "【部门文件】",
            "- 北京市甲局 北京市乙局关于 印发《某某",
            "管理 办法》的通知",
            "(京甲发〔2022〕7 号) (12)",
            "北京市丙局关于某事的意见 (35)"), bag);
        Assert.Equal(2, zh.Count);
        Assert.Equal("北京市甲局 北京市乙局关于印发《某某管理办法》的通知", zh[0].Title);
        Assert.Equal("京甲发〔2022〕7号", zh[0].Number!.Canonical);
        Assert.Equal(12, zh[0].Page);
        Assert.Equal("部门文件", zh[0].Section);
        Assert.Null(zh[1].Number);
        Assert.Equal(35, zh[1].Page);
        Assert.Empty(bag.Items);
    }

    [Fact]
    public void English_contents_entries_and_alignment()
    {
        var bag = new DiagnosticBag("t");
        var en = ContentsParser.ParseEnglish(Lines(
            "【Documents of Government Departments】",
            "- Circular of Beijing Municipal A Bureau",
            "on Issuing the “Measures”\t",
            "(Jingjiafa[2022]No. 7) (12)",
            "Opinions of Beijing Municipal C Bureau (35)"), bag);
        Assert.Equal("Circular of Beijing Municipal A Bureau on Issuing the “Measures”", en[0].Title);
        Assert.Equal("Jingjiafa[2022]No. 7", en[0].NumberText);
        var zh = ContentsParser.ParseChinese(Lines("【部门文件】", "北京市甲局关于印发《办法》的通知 (京甲发〔2022〕7号) (12)", "北京市丙局关于某事的意见 (35)"), bag);
        var toc = ContentsParser.Align(zh, en, bag);
        Assert.Equal("Documents of Government Departments", toc[0].SectionEn);
        Assert.Equal("Opinions of Beijing Municipal C Bureau", toc[1].TitleEn);
        Assert.Empty(bag.Items);
    }

    [Fact]
    public void Misaligned_contents_align_by_page_with_a_warning()
    {
        var bag = new DiagnosticBag("t");
        var zh = ContentsParser.ParseChinese(Lines("【部门文件】", "甲局关于甲事的通知 (3)", "乙局关于乙事的通知 (9)"), bag);
        var en = ContentsParser.ParseEnglish(Lines("【Documents】", "Circular on B (9)"), bag);
        var toc = ContentsParser.Align(zh, en, bag);
        Assert.Null(toc[0].TitleEn);
        Assert.Equal("Circular on B", toc[1].TitleEn);
        Assert.Contains(bag.Items, d => d.Code == DiagnosticCodes.ContentsMisaligned);
    }

    [Fact]
    public void Signature_block_with_letter_spaced_and_alias_lines()
    {
        var lines = new LineNormalizer().Normalize(["特此通知。", "北 京 市 民 政 局", "北京市教育委员会", "(首都精神文明建设委员会办公室)", "北京市市场监督管理局 北京市财政局", "2024 年 11 月 18 日"]);
        var sig = SignatureRecognizer.At(lines, 5, 0);
        Assert.NotNull(sig);
        Assert.Equal(1, sig.Start);
        Assert.Equal(["北京市民政局", "北京市教育委员会(首都精神文明建设委员会办公室)", "北京市市场监督管理局", "北京市财政局"], sig.Issuers);
        Assert.Equal(new DateOnly(2024, 11, 18), sig.Date);
    }

    [Fact]
    public void Attachment_list_with_wrapped_and_omitted_items()
    {
        var lines = Lines("附件:1. 信用评价标准(模板)(略)", "2. 信用分级分类监管应用措施清", "单(模板)(略)", "3. 行业指标参考", "(略)", "北京市某某局", "2024年1月2日");
        var list = AttachmentRecognizer.TryRead(lines, 0, k => k >= 5);
        Assert.NotNull(list);
        Assert.Equal(5, list.End);
        Assert.Equal(["信用评价标准(模板)", "信用分级分类监管应用措施清单(模板)", "行业指标参考"], list.Items.Select(i => i.Title));
        Assert.All(list.Items, i => Assert.True(i.MarkedOmitted));
        Assert.Equal(new SourceSpan(2, 3), list.Items[1].Span);
    }

    [Theory]
    [InlineData("附件 1", 1)]
    [InlineData("附件2", 2)]
    [InlineData("附件", 0)]
    [InlineData("附件：", 0)]
    public void Annex_headings(string line, int n) => Assert.Equal(n, AttachmentRecognizer.AnnexNumber(line));

    [Fact]
    public void Table_rows_drop_repeated_headers_and_fill_merged_cells()
    {
        var rows = TableRecognizer.Build(
        [
            ("一级指标\t二级指标\t评估要点", 0),
            ("监护人\t日常生活\t饮食", 1),
            ("\t\t着装", 2),
            ("一级指标\t二级指标\t评估要点", 3),
            ("\t健康情况\t身体健康", 4),
        ]);
        Assert.Equal(4, rows.Count);
        Assert.Equal(["监护人", "日常生活", "着装"], rows[2].Cells);
        Assert.Equal(["", "", "着装"], rows[2].Printed);
        Assert.Equal(["监护人", "健康情况", "身体健康"], rows[3].Cells);
    }

    [Theory]
    [InlineData("关于印发《北京市某某管理办法(试行)》的通知", DocumentKind.Notice)]
    [InlineData("北京市某某管理办法(试行)", DocumentKind.Measures)]
    [InlineData("北京市超高清视听先锋行动计划(2024—2026年)", DocumentKind.Plan)]
    [InlineData("关于加强某某工作的实施意见（2021年-2025年）", DocumentKind.Opinion)]
    [InlineData("某某实施细则(暂行)", DocumentKind.Rules)]
    [InlineData("关于支持产业发展的若干措施", DocumentKind.SupportMeasures)]
    [InlineData("关于发布《目录》的通告", DocumentKind.Announcement)]
    [InlineData("关于科学技术奖励的决定", DocumentKind.Decision)]
    public void Document_kinds(string title, DocumentKind kind) => Assert.Equal(kind, DocumentKindClassifier.Classify(title));

    [Fact]
    public void Validity_from_statement_and_duration()
    {
        var v = ValidityRecognizer.Find("第二十八条 本办法自印发之日起施行,有效期3年。", new DateOnly(2024, 5, 11));
        Assert.Equal(new DateOnly(2024, 5, 11), v.From);
        Assert.Equal(new DateOnly(2027, 5, 10), v.Until);
        var r = ValidityRecognizer.Find("第十七条 本办法有效期为2024年7月1日至2029年6月30日。", null);
        Assert.Equal(new DateOnly(2024, 7, 1), r.From);
        Assert.Equal(new DateOnly(2029, 6, 30), r.Until);
        var other = ValidityRecognizer.Find("认定有效期为3年。", new DateOnly(2024, 1, 1));
        Assert.Null(other.Until);
        Assert.Null(other.Text);
    }

    [Fact]
    public void Issuers_from_title() =>
        Assert.Equal(["北京市市场监督管理局", "北京市财政局"], IssuerRecognizer.FromTitle("北京市市场监督管理局 北京市财政局关于印发《办法》的通知"));

    [Fact]
    public void Title_matching_tolerates_spaces_widths_and_a_variant_character()
    {
        var m = new TitleMatcher("北京市市场监督管理局关于印发《北京市标准 创新型企業梯度培育管理实施细则 (暂行)》的通知");
        Assert.True(m.Containment("北京市市场监督管理局关于印发 《北京市标准创新型企业梯度培育管理 实施细则（暂行）》的通知") > 0.85);
        Assert.True(m.Containment("为加强北京市标准创新型企业梯度培育工作") < 0.9);
    }

    private static List<SourceLine> Lines(params string[] lines) =>
        lines.Select((l, i) => new SourceLine(new LineNormalizer().NormalizeLine(l)!, SourceSpan.Line(i + 1))).ToList();
}
