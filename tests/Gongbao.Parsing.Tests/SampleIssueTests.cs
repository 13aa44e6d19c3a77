using Gongbao.Domain;

namespace Gongbao.Parsing.Tests;

/// <summary>Assertions on the real sample files; every expected value was read off the text.</summary>
public class SampleIssueTests
{
    public static TheoryData<string> IssueFiles => ["2021-40.txt", "2024-31.txt", "2025-12.txt"];

    public static TheoryData<string> AllFiles => ["2021-40.txt", "2024-31.txt", "2025-12.txt", "standalone-jingguangdianfa-2021-93.txt"];

    [Theory]
    [InlineData("2021-40.txt", "beijing-2021-40", 2021, 40, 724, 2021, 11, 11)]
    [InlineData("2024-31.txt", "beijing-2024-31", 2024, 31, 859, 2024, 8, 19)]
    [InlineData("2025-12.txt", "beijing-2025-12", 2025, 12, 888, 2025, 3, 28)]
    public void Masthead_values(string file, string id, int year, int number, int cumulative, int y, int m, int d)
    {
        var issue = ParsedSamples.Get(file);
        Assert.Equal(id, issue.Id);
        Assert.Equal(SourceKind.Issue, issue.Kind);
        Assert.Equal("北京市人民政府公报", issue.GazetteTitle);
        Assert.Equal(year, issue.Year);
        Assert.Equal(number, issue.Number);
        Assert.Equal(cumulative, issue.CumulativeNumber);
        Assert.Equal(new DateOnly(y, m, d), issue.PublicationDate);
        Assert.Equal("北京市人民政府办公厅", issue.Sponsor);
        Assert.Equal("the General Office of the People's Government of Beijing Municipality", issue.SponsorEn);
    }

    [Theory]
    [InlineData("2021-40.txt", 7)]
    [InlineData("2024-31.txt", 7)]
    [InlineData("2025-12.txt", 15)]
    public void Every_contents_entry_has_exactly_one_document(string file, int count)
    {
        var issue = ParsedSamples.Get(file);
        Assert.Equal(count, issue.Contents.Count);
        Assert.Equal(count, issue.Documents.Count);
        for (var i = 0; i < count; i++)
        {
            var entry = issue.Contents[i];
            var doc = issue.Documents[i];
            Assert.Equal(entry.TitleZh, doc.TitleZh);
            Assert.Equal(entry.TitleEn, doc.TitleEn);
            Assert.Equal(entry.Number?.Canonical, doc.Number?.Canonical);
            Assert.Equal(entry.Page, doc.Page);
            Assert.NotNull(entry.TitleEn);
            Assert.NotEmpty(doc.Issuers);
            Assert.NotNull(doc.SignedOn);
        }

        // Documents do not overlap and are in print order.
        for (var i = 1; i < count; i++)
        {
            Assert.True(issue.Documents[i - 1].Span.EndLine < issue.Documents[i].Span.StartLine);
        }

        Assert.DoesNotContain(issue.Diagnostics, d => d.Code == DiagnosticCodes.DocumentNotFound);
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Ids_are_unique_within_each_document(string file)
    {
        var issue = ParsedSamples.Get(file);
        Assert.Equal(issue.Documents.Count, issue.Documents.Select(d => d.Id).Distinct().Count());
        foreach (var doc in issue.Documents)
        {
            var ids = doc.AllProvisions().Concat(doc.Instruments.SelectMany(i => i.AllProvisions())).Select(p => p.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(ids, id => Assert.StartsWith(doc.Id, id));
            Assert.All(ids, id => Assert.Matches("^[a-z0-9/-]+$", id));
        }
    }

    [Fact]
    public void Contents_2024_31()
    {
        var toc = ParsedSamples.Get("2024-31.txt").Contents;
        Assert.All(toc, e => Assert.Equal("部门文件", e.SectionZh));
        Assert.All(toc, e => Assert.Equal("Documents of Government Departments", e.SectionEn));
        Assert.Equal([6, 19, 28, 40, 49, 60, 71], toc.Select(e => e.Page ?? 0));
        // Wrapped over three lines with a blank line and a trailing tab.
        Assert.Equal("北京市市场监督管理局关于印发2024年全面优化营商环境打造“北京服务”工作方案的通知", toc[2].TitleZh);
        // The space between joint issuers stays, stray break spaces go.
        Assert.Equal("北京市市场监督管理局 北京市财政局关于印发《实施首都标准化战略补助资金管理办法》的通知", toc[4].TitleZh);
        Assert.Equal("京市监发〔2024〕52号", toc[4].Number!.Canonical);
        Assert.Equal("Jingguizifa〔2024〕No. 122", toc[0].NumberEn);
        Assert.Equal("Jingguangfa[2024]No. 60", toc[5].NumberEn);
        Assert.Equal("Circular of Beijing Municipal Radio and Television Bureau on Issuing the “Measures for Supporting the High-quality Development of the UHD Audiovisual Industry in Beijing”", toc[6].TitleEn);
    }

    [Fact]
    public void Contents_2021_40_sections_and_unnumbered_entries()
    {
        var toc = ParsedSamples.Get("2021-40.txt").Contents;
        Assert.Equal(["市委市政府联合文件", "市政府文件", "市政府文件", "市委办公厅市政府办公厅联合文件", "市委办公厅市政府办公厅联合文件", "部门文件", "部门文件"],
            toc.Select(e => e.SectionZh));
        Assert.Equal("Documents of Beijing Municipal Government", toc[1].SectionEn);
        Assert.Null(toc[0].Number);
        Assert.Null(toc[3].Number);
        Assert.Null(toc[4].Number);
        Assert.Equal("京政发〔2021〕28号", toc[1].Number!.Canonical);
        Assert.Equal("中共北京市委 北京市人民政府转发《市委宣传部、市司法局关于在全市开展法治宣传教育的第八个五年规划(2021—2025年)》的通知", toc[0].TitleZh);
        Assert.Equal(6, toc[0].Page);
        Assert.Equal("Jingguangdianfa[2021]No. 17", toc[5].NumberEn);
        Assert.StartsWith("Circular of Beijing Municipal Radio and Television Bureau on Issuing the “Implementation Plan for the Evaluation and Appraisal", toc[5].TitleEn);
    }

    [Fact]
    public void Transmittal_notice_with_measures_2024_31_jingguizifa_122()
    {
        var doc = ParsedSamples.Document("2024-31.txt", "jingguizifa-2024-122");
        Assert.Equal(DocumentKind.Notice, doc.Kind);
        Assert.Equal(["北京市规划和自然资源委员会"], doc.Issuers);
        Assert.Equal(["各分局、机关各处室、委属各单位"], doc.Addressees);
        Assert.Equal(new DateOnly(2024, 5, 11), doc.SignedOn);
        Assert.Equal(new DateOnly(2024, 5, 11), doc.EffectiveFrom);
        Assert.Equal(new DateOnly(2027, 5, 10), doc.EffectiveUntil);
        Assert.Equal("部门文件", doc.Section);
        Assert.Equal(6, doc.Page);

        var inst = Assert.Single(doc.Instruments);
        Assert.Equal("jingguizifa-2024-122/inst-1", inst.Id);
        Assert.Equal("北京市规划自然资源领域信用评价及分级分类监管工作管理办法(试行)", inst.TitleZh);
        Assert.Equal(DocumentKind.Measures, inst.Kind);
        Assert.Equal(ProvisionKind.Instrument, inst.Body.Kind);

        var articles = ParsedSamples.Articles(doc);
        Assert.Equal(28, articles.Count);
        Assert.Equal(Enumerable.Range(1, 28), articles.Select(a => a.Number ?? 0));
        Assert.Equal(Enumerable.Range(1, 28).Select(n => $"jingguizifa-2024-122/art-{n}"), articles.Select(a => a.Id));
        Assert.Equal("目的依据", articles[0].Heading);
        Assert.Equal("第一条", articles[0].Label);
        Assert.Equal("评价等级", articles[13].Heading);
        Assert.Equal("评价等级熔断机制", articles[15].Heading);
        Assert.Null(articles[26].Heading);
        Assert.Equal("本办法自印发之日起施行,有效期3年。", articles[27].Text);
        // 第四条 is cut by a page break after 规划自然资源 and re-joined.
        Assert.Equal("市规划自然资源委领导本市规划自然资源领域信用评价及分级分类监管工作。", articles[3].Text);
        Assert.Equal(new SourceSpan(107, 117), articles[3].Span);

        var chapters = inst.Body.Children.Where(p => p.Kind == ProvisionKind.Chapter).ToList();
        Assert.Equal(["总则", "信用评价信息", "规自领域信用评价", "分级分类监管及应用", "附则"], chapters.Select(c => c.Heading));
        Assert.Equal("jingguizifa-2024-122/inst-1/chp-2", chapters[1].Id);

        var art16 = articles[15];
        Assert.Equal(7, art16.Children.Count(c => c.Kind == ProvisionKind.Item));
        Assert.Equal("jingguizifa-2024-122/art-16/item-7", art16.Children[^1].Id);
        var art22 = articles[21];
        // (二) is cut by a page break before 除外)： and re-joined; it introduces three sub-items.
        Assert.Equal("对信用评价等级为良(B)级的评价对象,以监管和自律兼顾、适度激励为原则,采取以下激励措施(法律法规另有规定的除外)：", art22.Children[1].Text);
        Assert.Null(art22.Children[1].Heading);
        Assert.Equal(3, art22.Children[1].Children.Count);
        Assert.Equal("jingguizifa-2024-122/art-22/item-1/sub-3", art22.Children[0].Children[2].Id);

        Assert.Equal(6, inst.Attachments.Count);
        Assert.All(inst.Attachments, a => Assert.True(a.Omitted));
        Assert.Equal("北京市规划自然资源信用分级分类监管应用措施清单(模板)", inst.Attachments[4].Title);
    }

    [Fact]
    public void Article_counts_of_instruments()
    {
        Assert.Equal(17, ParsedSamples.Articles(ParsedSamples.Document("2024-31.txt", "jingjianfa-2024-4")).Count);
        Assert.Equal(22, ParsedSamples.Articles(ParsedSamples.Document("2024-31.txt", "jingshijianfa-2024-45")).Count);
        Assert.Equal(39, ParsedSamples.Articles(ParsedSamples.Document("2024-31.txt", "jingshijianfa-2024-52")).Count);
        Assert.Equal(11, ParsedSamples.Articles(ParsedSamples.Document("2024-31.txt", "jingguangfa-2024-65")).Count);
        Assert.Equal(20, ParsedSamples.Articles(ParsedSamples.Document("2025-12.txt", "jingminerfufa-2024-103")).Count);
        Assert.Equal(10, ParsedSamples.Articles(ParsedSamples.Document("2025-12.txt", "jingjianfa-2024-13")).Count);
        Assert.Equal(24, ParsedSamples.Articles(ParsedSamples.Document("2025-12.txt", "jingjiguanfa-2024-30")).Count);
        Assert.Equal(20, ParsedSamples.Articles(ParsedSamples.Document("2025-12.txt", "jingjiguanfa-2024-33")).Count);
    }

    [Fact]
    public void Skipped_and_repeated_article_numbers_get_ordinal_ids_and_warnings()
    {
        var issue = ParsedSamples.Get("2025-12.txt");
        var doc = ParsedSamples.Document("2025-12.txt", "jingjianfa-2024-12");
        var articles = ParsedSamples.Articles(doc);
        Assert.Equal(16, articles.Count);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 15, 16], articles.Select(a => a.Number ?? 0));
        Assert.Equal("jingjianfa-2024-12/art-14", articles[13].Id);
        Assert.Equal("jingjianfa-2024-12/art-15", articles[14].Id);
        Assert.Equal("第十五条", articles[14].Label);
        Assert.Contains(issue.Diagnostics, d => d.Code == DiagnosticCodes.ArticleNumberSkipped && d.Line == 665);
        Assert.Contains(issue.Diagnostics, d => d.Code == DiagnosticCodes.ArticleNumberRepeated && d.Line == 675);

        var renewal = ParsedSamples.Articles(ParsedSamples.Document("2025-12.txt", "jingjianfa-2024-14"));
        Assert.Equal(32, renewal.Count);
        Assert.Contains(issue.Diagnostics, d => d.Code == DiagnosticCodes.ArticleNumberRepeated && d.Line == 859);
    }

    [Fact]
    public void Missing_header_takes_title_and_number_from_contents()
    {
        var issue = ParsedSamples.Get("2025-12.txt");
        var doc = issue.Documents[0];
        Assert.Equal("jingjiaojier-2024-28", doc.Id);
        Assert.Equal("京教基二〔2024〕28号", doc.Number!.Canonical);
        Assert.Equal(88, doc.Span.StartLine);
        Assert.Equal(17, doc.Issuers.Count);
        Assert.Equal("中共北京市委宣传部(首都精神文明建设委员会办公室)", doc.Issuers[1]);
        Assert.Equal("中国少年先锋队北京市工作委员会", doc.Issuers[^1]);
        Assert.Equal(new DateOnly(2024, 12, 24), doc.SignedOn);
        Assert.Contains(issue.Diagnostics, d => d.Code == DiagnosticCodes.HeaderMissing && d.Line == 88 && d.Severity == DiagnosticSeverity.Warning);
        Assert.Equal("关于加强新时代中小学科学教育工作的二十条措施", Assert.Single(doc.Instruments).TitleZh);
    }

    [Fact]
    public void Letter_spaced_and_joint_issuers()
    {
        var doc = ParsedSamples.Document("2025-12.txt", "jingminerfufa-2024-103");
        Assert.Equal(["北京市民政局", "北京市高级人民法院", "北京市人民检察院", "北京市公安局", "北京市妇女儿童工作委员会办公室", "共青团北京市委员会", "北京市妇女联合会"], doc.Issuers);
        var uhd = ParsedSamples.Document("2024-31.txt", "jingguangfa-2024-60");
        Assert.Equal(["北京广播电视局", "北京市科学技术委员会、中关村科技园区管理委员会", "北京经济和信息化局"], uhd.Issuers);
        var subsidy = ParsedSamples.Document("2024-31.txt", "jingshijianfa-2024-52");
        Assert.Equal(["北京市市场监督管理局", "北京市财政局"], subsidy.Issuers);
    }

    [Fact]
    public void Direct_notices_and_unnumbered_joint_documents_2021_40()
    {
        var issue = ParsedSamples.Get("2021-40.txt");
        Assert.Equal(["beijing-2021-40/doc-1", "jingzhengfa-2021-28", "jingzhengfa-2021-29", "beijing-2021-40/doc-4", "beijing-2021-40/doc-5", "jingguangdianfa-2021-17", "jingguangdianfa-2021-93"],
            issue.Documents.Select(d => d.Id));
        var decision = issue.Documents[2];
        Assert.Equal(DocumentKind.Decision, decision.Kind);
        Assert.Empty(decision.Instruments);
        Assert.Equal(new DateOnly(2021, 9, 20), decision.SignedOn);
        Assert.Equal(["中共北京市委", "北京市人民政府"], issue.Documents[0].Issuers);
        Assert.Equal(new DateOnly(2021, 7, 30), issue.Documents[0].SignedOn);

        // 京政发〔2021〕28号 prints two annexes as tables after the signature.
        var list = issue.Documents[1];
        Assert.Empty(list.Instruments);
        Assert.Equal(2, list.Attachments.Count);
        Assert.All(list.Attachments, a => Assert.False(a.Omitted));
        var annex1 = list.AllProvisions().Single(p => p.Id == "jingzhengfa-2021-28/annex-1");
        Assert.Equal("北京市第五批市级非物质文化遗产代表性项目名录", annex1.Heading);
        var tables = annex1.DescendantsAndSelf().Where(p => p.Kind == ProvisionKind.Table).ToList();
        Assert.All(tables, t => Assert.Equal(["序号", "项目名称", "申报地区或单位"], t.Cells![0]));
        Assert.Equal(48, tables.Sum(t => t.Cells!.Count - 1)); // 48 items; repeated headers at page breaks dropped
        Assert.Equal(["48", "黑水湾淘金习俗", "平谷区"], tables[^1].Cells![^1]);
        var crafts = annex1.Children.Single(p => p.Kind == ProvisionKind.Heading && p.Text == "传统技艺(共计 26 项)");
        var craftsTable = crafts.Children.Single(p => p.Kind == ProvisionKind.Table);
        Assert.Equal(27, craftsTable.Cells!.Count);
        Assert.Equal(["22", "官式建筑营造技艺(恭王府)", "文化和旅游部恭王府博物馆"], craftsTable.Cells[11]);
    }

    [Fact]
    public void Back_matter_is_not_part_of_the_last_document()
    {
        var last = ParsedSamples.Get("2024-31.txt").Documents[^1];
        Assert.Equal(1068, last.Span.EndLine);
        Assert.DoesNotContain("公报查询", last.Instruments[0].Text);
        Assert.Equal(1556, ParsedSamples.Get("2025-12.txt").Documents[^1].Span.EndLine);
    }

    [Fact]
    public void Standalone_document_has_the_same_id_as_its_copy_in_the_issue()
    {
        var standalone = ParsedSamples.Get("standalone-jingguangdianfa-2021-93.txt");
        Assert.Equal(SourceKind.Standalone, standalone.Kind);
        Assert.Equal("standalone-jingguangdianfa-2021-93", standalone.Id);
        var doc = Assert.Single(standalone.Documents);
        var copy = ParsedSamples.Document("2021-40.txt", doc.Id);
        Assert.Equal("京广电发〔2021〕93号", copy.Number!.Canonical);
        Assert.Equal(DocumentKind.Opinion, doc.Kind);
        Assert.Equal(DocumentKind.Opinion, copy.Instruments[0].Kind);
        Assert.Equal(new DateOnly(2021, 7, 23), doc.EffectiveFrom);
        Assert.Equal(copy.EffectiveFrom, doc.EffectiveFrom);
        // The same divisions in both witnesses, and bookmark artefacts are gone.
        var divs = doc.AllProvisions().Where(p => p.Kind == ProvisionKind.Heading).Select(p => p.Heading).ToList();
        var copyDivs = copy.Instruments[0].AllProvisions().Where(p => p.Kind == ProvisionKind.Heading).Select(p => p.Heading).ToList();
        Assert.Equal(["总体要求", "主要任务", "组织保障"], divs);
        Assert.Equal(divs, copyDivs);
        Assert.DoesNotContain(doc.AllProvisions(), p => p.Text.Contains("bookmark", StringComparison.Ordinal));
        Assert.Equal(30, doc.AllProvisions().Count(p => p.Kind == ProvisionKind.SubItem));
        Assert.Equal(30, copy.Instruments[0].AllProvisions().Count(p => p.Kind == ProvisionKind.SubItem));
    }

    [Fact]
    public void Validity_sentences()
    {
        var housing = ParsedSamples.Document("2024-31.txt", "jingjianfa-2024-4");
        Assert.Equal(new DateOnly(2024, 7, 1), housing.EffectiveFrom);
        Assert.Equal(new DateOnly(2029, 6, 30), housing.EffectiveUntil);
        var tech = ParsedSamples.Document("2025-12.txt", "jingjiguanfa-2024-31");
        Assert.Equal(new DateOnly(2024, 12, 12), tech.EffectiveFrom);
        Assert.Equal(new DateOnly(2027, 12, 31), tech.EffectiveUntil);
        var price = ParsedSamples.Document("2025-12.txt", "jingyibaofa-2024-22");
        Assert.Equal(new DateOnly(2024, 12, 28), price.EffectiveFrom);
        // A licence's own 有效期为3年 (第十三条 of 京市监发〔2024〕45号) is not the document's validity.
        var rules = ParsedSamples.Document("2024-31.txt", "jingshijianfa-2024-45");
        Assert.Null(rules.EffectiveUntil);
        Assert.Equal(new DateOnly(2024, 5, 24), rules.EffectiveFrom);
    }

    [Fact]
    public void Every_provision_maps_to_source_lines_inside_its_document()
    {
        foreach (var name in ParsedSamples.Names)
        {
            foreach (var doc in ParsedSamples.Get(name).Documents)
            {
                foreach (var p in doc.AllProvisions().Concat(doc.Instruments.SelectMany(i => i.AllProvisions())).Where(p => p.Kind != ProvisionKind.Document && p.Kind != ProvisionKind.Instrument))
                {
                    Assert.True(p.Span.StartLine >= doc.Span.StartLine && p.Span.EndLine <= doc.Span.EndLine, $"{p.Id} {p.Span} outside {doc.Span}");
                }
            }
        }
    }
}
