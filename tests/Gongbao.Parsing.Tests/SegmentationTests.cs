using Gongbao.Domain;

namespace Gongbao.Parsing.Tests;

/// <summary>
/// The contents list is the authority on which documents an issue prints: an entry that cannot be located,
/// or a document holding another entry's header, is an error, and no document's text goes to another.
/// </summary>
public class SegmentationTests
{
    private const string AnnouncementStart = "北京市园林绿化局公告\n\n2023年第3号";
    private const string ReplyStart = "北京市人民政府关于同意设立某区\n\n湿地公园的批复";

    private static string Cut(string text, string from, string to)
    {
        var a = text.IndexOf(from, StringComparison.Ordinal);
        var b = text.IndexOf(to, a, StringComparison.Ordinal);
        Assert.True(a > 0 && b > a, "fixture text changed: markers not found");
        return text[..a] + text[b..];
    }

    [Fact]
    public void An_entry_whose_document_is_absent_is_an_error_naming_it_and_the_neighbours_stay_intact()
    {
        var intact = Fixtures.Get("issue-forms-a.txt");
        var issue = Fixtures.ParseText(Cut(Fixtures.Text("issue-forms-a.txt"), AnnouncementStart, ReplyStart));

        var error = Assert.Single(issue.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(DiagnosticCodes.DocumentNotFound, error.Code);
        Assert.Contains("北京市园林绿化局公告", error.Message, StringComparison.Ordinal);
        Assert.Equal(intact.Contents[2].Span.StartLine, error.Line);
        Assert.Equal(3, Assert.Single(issue.MissingEntries).Ordinal);

        Assert.Equal(["beijing-2023-20/doc-1", "beijingshirenminzhengfuling-315", "jingzhengzi-2023-41"], issue.Documents.Select(d => d.Id));
        var order = issue.Documents[1];
        Assert.Equal(intact.Documents[1].Span, order.Span);
        Assert.Equal(intact.Documents[1].AllProvisions().Count(), order.AllProvisions().Count());
        Assert.Equal(intact.Documents[3].Text, issue.Documents[2].Text);
    }

    [Fact]
    public void An_entry_whose_header_is_lost_without_a_gap_to_recover_is_an_error_not_a_silent_merge()
    {
        var text = Fixtures.Text("issue-forms-a.txt").Replace(AnnouncementStart + "\n\n", "", StringComparison.Ordinal);
        var issue = Fixtures.ParseText(text);

        Assert.Contains(issue.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Code == DiagnosticCodes.DocumentNotFound
            && d.Message.Contains("北京市园林绿化局公告", StringComparison.Ordinal));
        Assert.Equal(3, Assert.Single(issue.MissingEntries).Ordinal);
        Assert.Equal(3, issue.Documents.Count);
    }

    [Fact]
    public void Contents_out_of_body_order_is_an_error_for_the_document_holding_another_entrys_header()
    {
        // Swap the last two entries in the Chinese contents only: the body prints 公告 before 批复.
        var text = Fixtures.Text("issue-forms-a.txt");
        const string announcement = "北京市园林绿化局公告\n(2023年第3号)\t(10)\n";
        const string reply = "北京市人民政府关于同意设立某区湿地公园的批复 (京政字〔2023〕41号) (12)\n";
        text = text.Replace(announcement, "", StringComparison.Ordinal).Replace(reply, reply + "\n" + announcement, StringComparison.Ordinal);
        var issue = Fixtures.ParseText(text);

        var errors = issue.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Contains(errors, d => d.Code == DiagnosticCodes.DocumentNotFound);
        Assert.Contains(errors, d => d.Code == DiagnosticCodes.EntryTitleInsideDocument);
        var missing = Assert.Single(issue.MissingEntries);

        // The unlocated document's text is not part of the document whose text held its header.
        var marker = missing.TitleZh.EndsWith("公告", StringComparison.Ordinal) ? "古树名木" : "规划面积约120公顷";
        Assert.DoesNotContain(issue.Documents, d => d.Text.Contains(marker, StringComparison.Ordinal));
        Assert.Equal(3, issue.Documents.Count);
    }

    [Fact]
    public void A_header_form_the_old_segmenter_missed_is_located_instead_of_merged()
    {
        // The joint opinions (no number, no addressee, date in parentheses) follow another document directly.
        var issue = Fixtures.Get("issue-forms-a.txt");
        var order = issue.Documents[1];
        Assert.Equal(5, ParsedSamples.Articles(order).Count);
        Assert.DoesNotContain("古树名木", order.Text + string.Concat(order.Instruments.Select(i => i.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public void Synthetic_issue_still_parses_with_header_missing_recovery()
    {
        var issue = Fixtures.ParseText(SyntheticIssue.Text(dropHeaderOfSecond: true));
        Assert.Equal(3, issue.Documents.Count);
        Assert.Contains(issue.Diagnostics, d => d.Code == DiagnosticCodes.HeaderMissing);
        Assert.DoesNotContain(issue.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(issue.MissingEntries);
    }

    [Theory]
    [InlineData("京规自发〔2024〕122号", DocumentNumberForm.Bracketed, "京规自发〔2024〕122号", "jingguizifa-2024-122")]
    [InlineData("北京市人民政府令第315号", DocumentNumberForm.Order, "北京市人民政府令第315号", "beijingshirenminzhengfuling-315")]
    [InlineData("北京市人民政府令（第 3 号）", DocumentNumberForm.Order, "北京市人民政府令第3号", "beijingshirenminzhengfuling-3")]
    [InlineData("北京市园林绿化局公告2023年第3号", DocumentNumberForm.YearSerial, "北京市园林绿化局公告2023年第3号", "beijingshiyuanlinluhuajugonggao-2023-3")]
    public void Document_numbers_of_every_printed_form_survive_a_rebuild_from_their_fields(string printed, DocumentNumberForm form, string canonical, string slug)
    {
        var number = DocumentNumber.Find(printed) ?? DocumentNumber.FindOrder(printed) ?? DocumentNumber.FindYearSerial(printed, null);
        Assert.NotNull(number);
        Assert.Equal((form, canonical, slug), (number.Form, number.Canonical, number.Slug));

        // Storage rebuilds numbers from issuer code, year, serial and printed form.
        var rebuilt = new DocumentNumber(number.IssuerCode, number.Year, number.Serial, number.Printed);
        Assert.Equal((form, canonical, slug), (rebuilt.Form, rebuilt.Canonical, rebuilt.Slug));
    }

    [Fact]
    public void A_bracketed_number_whose_issuer_code_holds_the_character_year_stays_bracketed()
    {
        var number = DocumentNumber.Find("京青年发〔2024〕5号")!;
        Assert.Equal(DocumentNumberForm.Bracketed, number.Form);
        Assert.Equal("京青年发〔2024〕5号", number.Canonical);
    }

    [Fact]
    public void Standalone_order_reads_its_number_across_two_lines()
    {
        var text = "北京市人民政府令\n\n第316号\n\n《北京市某某管理规定》已经市人民政府常务会议审议通过，现予公布，自2024年1月1日起施行。\n\n"
            + "市长 张某某\n\n2023年11月2日\n\n北京市某某管理规定\n\n第一条 为了加强管理，制定本规定。\n\n第二条 本规定自2024年1月1日起施行。\n";
        var issue = Fixtures.ParseText(text, "order.txt");
        var d = Assert.Single(issue.Documents);
        Assert.Equal("beijingshirenminzhengfuling-316", d.Id);
        Assert.Equal(DocumentNumberForm.Order, d.Number!.Form);
        Assert.Equal(new DateOnly(2023, 11, 2), d.SignedOn);
        Assert.Equal(2, ParsedSamples.Articles(d).Count);
    }

    [Fact]
    public void Standalone_joint_opinions_are_dated_by_the_line_in_parentheses()
    {
        var text = "中共北京市委 北京市人民政府\n关于加强某项工作的意见\n（2024年2月3日）\n\n为加强某项工作，提出如下意见。\n\n一、总体要求\n\n坚持统筹推进。\n";
        var d = Assert.Single(Fixtures.ParseText(text, "opinions.txt").Documents);
        Assert.Equal(new DateOnly(2024, 2, 3), d.SignedOn);
        Assert.Equal("中共北京市委 北京市人民政府关于加强某项工作的意见", d.TitleZh);
        Assert.Equal(DocumentKind.Opinion, d.Kind);
    }
}
