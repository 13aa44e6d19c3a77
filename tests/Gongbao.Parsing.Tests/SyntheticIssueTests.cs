using Gongbao.Domain;

namespace Gongbao.Parsing.Tests;

/// <summary>Nothing is tied to the sample files: a made-up issue in the same layout parses fully.</summary>
public class SyntheticIssueTests
{
    private static GazetteIssue Parse(string text) => new GazetteParser().Parse(text, "synthetic.txt", "00");

    [Fact]
    public void Header_contents_and_documents()
    {
        var issue = Parse(SyntheticIssue.Text());
        Assert.Equal("tianjin-2023-5", issue.Id);
        Assert.Equal("天津市人民政府公报", issue.GazetteTitle);
        Assert.Null(issue.CumulativeNumber);
        Assert.Equal(new DateOnly(2023, 2, 6), issue.PublicationDate);
        Assert.Equal("天津市人民政府办公厅", issue.Sponsor);

        Assert.Equal(3, issue.Contents.Count);
        Assert.Equal("天津市水务局 天津市农业农村局关于印发《天津市节水灌溉补助资金管理办法》的通知", issue.Contents[0].TitleZh);
        Assert.Equal("Circular of Tianjin Water Affairs Bureau and Tianjin Agriculture Bureau on Issuing the “Administrative Measures for Irrigation Subsidies”", issue.Contents[0].TitleEn);
        Assert.Equal("Jinshuifa〔2022〕No. 311", issue.Contents[0].NumberEn);
        Assert.Equal("天津市交通运输委员会关于做好冬季道路养护工作的通知", issue.Contents[1].TitleZh);
        Assert.Equal("市政府文件", issue.Contents[2].SectionZh);
        Assert.Equal("Documents of Tianjin Municipal Government", issue.Contents[2].SectionEn);

        Assert.Equal(["jinshuifa-2022-311", "jinjiaofa-2023-9", "tianjin-2023-5/doc-3"], issue.Documents.Select(d => d.Id));
        Assert.DoesNotContain(issue.Diagnostics, d => d.Severity != DiagnosticSeverity.Info && d.Code != DiagnosticCodes.ArticleNumberSkipped);
    }

    [Fact]
    public void Transmittal_notice_and_its_measures()
    {
        var doc = Parse(SyntheticIssue.Text()).Documents[0];
        Assert.Equal(["天津市水务局", "天津市农业农村局"], doc.Issuers);
        Assert.Equal(["各区水务局、农业农村局"], doc.Addressees);
        Assert.Equal(new DateOnly(2022, 12, 30), doc.SignedOn);
        Assert.Equal(new DateOnly(2023, 1, 1), doc.EffectiveFrom);
        Assert.Equal(new DateOnly(2025, 12, 31), doc.EffectiveUntil);
        var inst = Assert.Single(doc.Instruments);
        Assert.Equal("天津市节水灌溉补助资金管理办法", inst.TitleZh);
        Assert.Equal(DocumentKind.Measures, inst.Kind);
        var articles = inst.AllProvisions().Where(p => p.Kind == ProvisionKind.Article).ToList();
        Assert.Equal([1, 2, 3, 5, 6], articles.Select(a => a.Number ?? 0));
        Assert.Equal("jinshuifa-2022-311/art-4", articles[3].Id);
        Assert.Equal("目的", articles[0].Heading);
        var items = articles[2].Children.Where(c => c.Kind == ProvisionKind.Item).ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("管道输水灌溉项目按照实际完成面积，每亩补助150元。", items[1].Text);
        Assert.Equal("jinshuifa-2022-311/art-3/item-2", items[1].Id);
        Assert.Equal(["总则", "补助标准", "附则"], inst.Body.Children.Where(c => c.Kind == ProvisionKind.Chapter).Select(c => c.Heading));
        Assert.Equal(["补助申请表", "项目验收单"], inst.Attachments.Select(a => a.Title));
        Assert.All(inst.Attachments, a => Assert.True(a.Omitted));
    }

    [Fact]
    public void Direct_notice_and_decision_with_annex_table()
    {
        var issue = Parse(SyntheticIssue.Text());
        var notice = issue.Documents[1];
        Assert.Empty(notice.Instruments);
        Assert.Equal(["天津市交通运输委员会"], notice.Issuers);
        Assert.Equal(new DateOnly(2023, 1, 9), notice.SignedOn);
        Assert.Equal(notice.SignedOn, notice.EffectiveFrom);
        var divs = notice.Body.Children.Where(c => c.Kind == ProvisionKind.Heading).ToList();
        Assert.Equal(["加强巡查", "及时除雪"], divs.Select(d => d.Heading));
        Assert.Equal("jinjiaofa-2023-9/div-2/sub-2", divs[1].Children[1].Id);
        Assert.Single(notice.Body.Children, c => c.Kind == ProvisionKind.Signature);

        var decision = issue.Documents[2];
        Assert.Equal(DocumentKind.Decision, decision.Kind);
        var annex = Assert.Single(decision.Attachments);
        Assert.False(annex.Omitted);
        Assert.Equal("2022年度先进集体名单", annex.Title);
        var table = decision.AllProvisions().Single(p => p.Kind == ProvisionKind.Table);
        Assert.Equal(4, table.Cells!.Count);
        Assert.Equal(["水务", "河西区水务站", "河西区"], table.Cells[2]);
        Assert.Equal(["交通", "南开区养护中心", "南开区"], table.Cells[3]);
        Assert.DoesNotContain("公报查询", decision.Text);
    }

    [Fact]
    public void Skipped_article_number_is_reported()
    {
        var issue = Parse(SyntheticIssue.Text());
        Assert.Contains(issue.Diagnostics, d => d.Code == DiagnosticCodes.ArticleNumberSkipped && d.Severity == DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Missing_header_in_the_middle_splits_at_the_addressees()
    {
        var issue = Parse(SyntheticIssue.Text(dropHeaderOfSecond: true));
        Assert.Equal(["jinshuifa-2022-311", "jinjiaofa-2023-9", "tianjin-2023-5/doc-3"], issue.Documents.Select(d => d.Id));
        var notice = issue.Documents[1];
        Assert.Equal("天津市交通运输委员会关于做好冬季道路养护工作的通知", notice.TitleZh);
        Assert.Equal(["各区交通局", "市公路事业发展中心"], notice.Addressees);
        Assert.Equal(new DateOnly(2023, 1, 9), notice.SignedOn);
        var warning = Assert.Single(issue.Diagnostics, d => d.Code == DiagnosticCodes.HeaderMissing);
        Assert.Equal(notice.Span.StartLine, warning.Line);
        // The measures before it keep their six articles and do not swallow the notice.
        var measures = issue.Documents[0].Instruments[0];
        Assert.True(measures.Span.EndLine < notice.Span.StartLine);
        Assert.DoesNotContain(measures.AllProvisions(), p => p.Text.Contains("除雪", StringComparison.Ordinal));
    }

    [Fact]
    public void Instrument_printed_before_the_closing_signature()
    {
        var text = SyntheticIssue.Text();
        var start = text.IndexOf("天 津 市 水 务 局\n天 津 市 农 业", StringComparison.Ordinal);
        var end = text.IndexOf("天津市交通运输委员会关于做好冬季道路养护工作的通知\n", start, StringComparison.Ordinal);
        var reordered = "天津市水务局 天津市农业农村局\n关于印发《天津市节水灌溉补助资金\n管理办法》的通知\n\n津水发〔2022〕311号\n\n各区水务局、农业农村局：\n\n"
            + "现将《天津市节水灌溉补助资金管理办法》印发给你们，请遵照执行。\n\n天津市节水灌溉补助资金管理办法\n\n第一条 为规范补助资金管理，制定本办法。\n\n"
            + "第二条 本办法自2023年1月1日起施行。\n\n天津市水务局\n\n天津市农业农村局\n\n2022年12月30日\n\n";
        var issue = Parse(text[..start] + reordered + text[end..]);
        var doc = issue.Documents[0];
        var inst = Assert.Single(doc.Instruments);
        Assert.Equal("天津市节水灌溉补助资金管理办法", inst.TitleZh);
        Assert.Equal(2, inst.AllProvisions().Count(p => p.Kind == ProvisionKind.Article));
        Assert.Equal(["天津市水务局", "天津市农业农村局"], doc.Issuers);
        Assert.Equal(new DateOnly(2022, 12, 30), doc.SignedOn);
        Assert.Single(doc.Body.Children, p => p.Kind == ProvisionKind.Signature);
        Assert.Equal(new DateOnly(2023, 1, 1), doc.EffectiveFrom);
    }
}
