using Gongbao.Domain;

using Gongbao.Parsing.Normalization;
using Gongbao.Parsing.Recognition;
using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Tests;

/// <summary>
/// Documents dated in parentheses under the title (joint documents print it so): the date may sit between the
/// title and the 文号, the signature block may be missing or keep its issuer lines without a date, and a notice
/// issuing an instrument keeps its instrument in every case. Made-up texts: the synthetic Tianjin issue, rewritten.
/// </summary>
public class DateUnderTitleTests
{
    private const string MeasuresNotice = "关于印发《天津市节水灌溉补助资金\n管理办法》的通知\n\n津水发〔2022〕311号\n\n";
    private const string MeasuresSignature = "天津市水务局\n\n天津市农业农村局\n\n2022年12月30日\n\n";
    private const string RoadsTitle = "天津市交通运输委员会关于做好冬季道路养护工作的通知\n\n";
    private const string RoadsNumber = "津交发〔2023〕9号\n\n";
    private const string RoadsDate = "2023 年 1 月 9 日\n\n";

    private static GazetteIssue Parse(string text) => new GazetteParser().Parse(text, "synthetic.txt", "00");

    private static string Edit(string text, string from, string to)
    {
        Assert.Contains(from, text, StringComparison.Ordinal);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Id, string Text)> Rows(GazetteDocument doc) =>
        doc.AllProvisions().Concat(doc.Instruments.SelectMany(i => i.AllProvisions()))
            .Where(p => p.Kind != ProvisionKind.Signature).Select(p => (p.Id, p.Heading + "|" + p.Text));

    [Fact]
    public void A_date_between_the_title_and_the_number_stays_in_the_header()
    {
        var original = Parse(SyntheticIssue.Text());
        var text = Edit(SyntheticIssue.Text(), RoadsTitle + RoadsNumber, RoadsTitle + "（2023年1月9日）\n\n" + RoadsNumber);
        var issue = Parse(Edit(text, "本通知自印发之日起施行。\n\n天津市交通运输委员会\n\n" + RoadsDate, "本通知自印发之日起施行。\n\n天津市交通运输委员会\n\n"));

        Assert.DoesNotContain(issue.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(original.Documents.Select(d => d.Id), issue.Documents.Select(d => d.Id));
        var roads = issue.Documents[1];
        Assert.Equal("津交发〔2023〕9号", roads.Number?.Printed);
        Assert.Equal(new DateOnly(2023, 1, 9), roads.SignedOn);
        Assert.DoesNotContain("冬季道路养护", issue.Documents[0].Text, StringComparison.Ordinal);
        Assert.Equal(Rows(original.Documents[1]), Rows(roads));
    }

    [Theory]
    [InlineData("")]
    [InlineData("天津市水务局\n\n天津市农业农村局\n\n")]
    public void A_notice_dated_under_its_title_keeps_its_instrument_with_or_without_signature_issuers(string signature)
    {
        var original = Parse(SyntheticIssue.Text()).Documents[0];
        var text = Edit(SyntheticIssue.Text(), MeasuresNotice, MeasuresNotice + "(2022年12月30日)\n\n");
        var notice = Parse(Edit(text, MeasuresSignature, signature)).Documents[0];

        Assert.Equal(new DateOnly(2022, 12, 30), notice.SignedOn);
        Assert.Equal(["天津市水务局", "天津市农业农村局"], notice.Issuers);
        var measures = Assert.Single(notice.Instruments);
        Assert.Equal("天津市节水灌溉补助资金管理办法", measures.TitleZh);
        Assert.Equal(Rows(original), Rows(notice));
        Assert.DoesNotContain(notice.AllProvisions(), p => p.Kind != ProvisionKind.Signature && p.Text.Contains("天津市水务局", StringComparison.Ordinal));
    }

    [Fact]
    public void A_number_line_opening_the_body_has_no_title_or_date_above_it()
    {
        // Nothing above the first body line: looking there for a date must not run off the start.
        var issue = Parse(Edit(SyntheticIssue.Text(), "天 津 市 水 务 局\n天 津 市 农 业 农 村 局\n" + MeasuresNotice, "津水发〔2022〕311号\n\n"));
        Assert.Equal("jinshuifa-2022-311", issue.Documents[0].Id);
        Assert.Equal(new DateOnly(2022, 12, 30), issue.Documents[0].SignedOn);
    }

    [Fact]
    public void Issuer_lines_closing_a_text_without_a_date_are_an_undated_signature()
    {
        var lines = Lines("现将有关事项通知如下。", "天 津 市 水 务 局", "天津市农业农村局", "(此件公开发布)");
        var block = Assert.Single(SignatureRecognizer.FindAll(lines, 0, lines.Count, undated: true));
        Assert.Null(block.Date);
        Assert.Equal((1, 2), (block.Start, block.Last));
        Assert.Equal(["天津市水务局", "天津市农业农村局"], block.Issuers);
        Assert.Empty(SignatureRecognizer.FindAll(lines, 0, lines.Count));
    }

    [Theory]
    [InlineData("各单位要加强巡查。", "天津市水务局", "负责统筹全市节水工作。")]
    [InlineData("一、职责分工", "天津市水务局", "天津市节水灌溉补助资金管理办法")]
    public void Issuer_lines_inside_a_text_are_no_signature(string before, string issuer, string after)
    {
        var lines = Lines(before, issuer, after);
        Assert.Empty(SignatureRecognizer.FindAll(lines, 0, lines.Count, undated: true));
    }

    private static List<SourceLine> Lines(params string[] lines) =>
        lines.Select((l, i) => new SourceLine(new LineNormalizer().NormalizeLine(l)!, SourceSpan.Line(i + 1))).ToList();
}
