using Gongbao.Domain;

namespace Gongbao.Parsing.Tests;

/// <summary>
/// Document forms the shared issues do not show (layout notes, last section), in fixture issues of our own
/// wording: each form must be located from the contents and read into documents, numbers, dates and trees.
/// </summary>
public class DocumentFormFixtureTests
{
    private static GazetteIssue A => Fixtures.Get("issue-forms-a.txt");

    private static GazetteIssue B => Fixtures.Get("issue-forms-b.txt");

    [Fact]
    public void Every_contents_entry_of_both_fixtures_is_located_without_errors()
    {
        foreach (var issue in new[] { A, B })
        {
            Assert.Equal(4, issue.Contents.Count);
            Assert.Equal(issue.Contents.Select(c => c.TitleZh), issue.Documents.Select(d => d.TitleZh));
            Assert.Empty(issue.MissingEntries);
            Assert.DoesNotContain(issue.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
        }

        Assert.Equal(["beijing-2023-20/doc-1", "beijingshirenminzhengfuling-315", "beijingshiyuanlinluhuajugonggao-2023-3", "jingzhengzi-2023-41"], A.Documents.Select(d => d.Id));
        Assert.Equal(["jingshangfa-2023-17", "beijing-2023-21/doc-2", "beijing-2023-21/doc-3", "beijing-2023-21/doc-4"], B.Documents.Select(d => d.Id));
    }

    [Fact]
    public void Section_lines_in_every_bracket_form_and_bare_in_both_languages()
    {
        Assert.Equal(["市委市政府联合文件", "市政府令", "部门文件", "市政府文件"], A.Contents.Select(c => c.SectionZh));
        Assert.Equal(
            ["Joint Documents of the CPC Beijing Municipal Committee and the Municipal Government", "Orders of the Municipal Government",
             "Documents of Government Departments", "Documents of the Municipal Government"],
            A.Contents.Select(c => c.SectionEn));
        Assert.Equal(["部门文件", "政策解读", "统计公报", "人事任免"], B.Contents.Select(c => c.SectionZh));
        Assert.Equal(["Documents of Government Departments", "Policy Interpretation", "Statistical Bulletins", "Appointments and Removals"], B.Contents.Select(c => c.SectionEn));

        // A bare English section line before the first entry is not part of the first title.
        Assert.Equal("Implementation Opinions of the CPC Beijing Municipal Committee and Beijing Municipal People's Government on Promoting Community Gardens", A.Contents[0].TitleEn);
        Assert.Equal("Documents of Government Departments", B.Contents[0].SectionEn);
        Assert.StartsWith("Measures of Beijing Municipal Commerce Bureau", B.Contents[0].TitleEn);
    }

    [Fact]
    public void Joint_party_government_opinions_without_number_addressee_or_signature_take_the_date_in_parentheses()
    {
        var d = A.Documents[0];
        Assert.Equal("中共北京市委 北京市人民政府关于推进社区花园建设的实施意见", d.TitleZh);
        Assert.Null(d.Number);
        Assert.Equal(DocumentKind.Opinion, d.Kind);
        Assert.Equal(new DateOnly(2023, 6, 2), d.SignedOn);
        Assert.Equal(["中共北京市委", "北京市人民政府"], d.Issuers);
        Assert.Empty(d.Addressees);
        Assert.Equal(3, d.AllProvisions().Count(p => p.Kind == ProvisionKind.Heading));
        Assert.Equal(2, d.AllProvisions().Count(p => p.Kind == ProvisionKind.Item));
        Assert.DoesNotContain(d.AllProvisions(), p => p.Kind == ProvisionKind.Signature);

        // Its text ends before the order's header: nothing of the next document is appended.
        Assert.DoesNotContain("人民政府令", d.Text, StringComparison.Ordinal);
        Assert.EndsWith("市园林绿化部门加强指导。", d.Body.FullText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Government_order_number_without_year_and_its_promulgated_measures()
    {
        var d = A.Documents[1];
        Assert.Equal(DocumentNumberForm.Order, d.Number!.Form);
        Assert.Equal("北京市人民政府令第315号", d.Number.Canonical);
        Assert.Equal(315, d.Number.Serial);
        Assert.Equal("Order of Beijing Municipal People's Government No. 315", A.Contents[1].NumberEn);
        Assert.Equal(new DateOnly(2023, 6, 8), d.SignedOn);
        Assert.Equal(new DateOnly(2023, 9, 1), d.EffectiveFrom);
        Assert.Equal(["北京市人民政府"], d.Issuers);

        var measures = Assert.Single(d.Instruments);
        Assert.Equal("beijingshirenminzhengfuling-315/inst-1", measures.Id);
        Assert.Equal("北京市公共自行车停放管理办法", measures.TitleZh);
        Assert.Equal(3, measures.AllProvisions().Count(p => p.Kind == ProvisionKind.Chapter));
        Assert.Equal(5, ParsedSamples.Articles(d).Count);
        Assert.Contains(measures.AllProvisions(), p => p.Id == "beijingshirenminzhengfuling-315/art-3/item-2");
    }

    [Fact]
    public void Announcement_numbered_by_year_takes_its_series_from_the_title()
    {
        var d = A.Documents[2];
        Assert.Equal(DocumentKind.Announcement, d.Kind);
        Assert.Equal(DocumentNumberForm.YearSerial, d.Number!.Form);
        Assert.Equal("北京市园林绿化局公告2023年第3号", d.Number.Canonical);
        Assert.Equal((2023, 3), (d.Number.Year, d.Number.Serial));
        Assert.Equal(new DateOnly(2023, 6, 20), d.SignedOn);
        Assert.Equal(["北京市园林绿化局"], d.Issuers);
        Assert.Equal(2, d.AllProvisions().Count(p => p.Kind == ProvisionKind.Heading));
    }

    [Fact]
    public void Reply_to_one_district_government()
    {
        var d = A.Documents[3];
        Assert.Equal(DocumentKind.Reply, d.Kind);
        Assert.Equal("京政字〔2023〕41号", d.Number!.Canonical);
        Assert.Equal(["某区人民政府"], d.Addressees);
        Assert.Equal(new DateOnly(2023, 6, 25), d.SignedOn);
        Assert.Single(d.AllProvisions(), p => p.Kind == ProvisionKind.Signature);
        Assert.DoesNotContain("公报查询", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Issuers_joined_to_the_title_on_one_line()
    {
        var d = B.Documents[0];
        Assert.Equal(DocumentKind.SupportMeasures, d.Kind);
        Assert.Equal("京商发〔2023〕17号", d.Number!.Canonical);
        Assert.Equal(["北京市商务局", "北京市财政局"], d.Issuers);
        Assert.Equal(["各区商务局、财政局"], d.Addressees);
        Assert.Equal(new DateOnly(2023, 7, 5), d.SignedOn);
        Assert.Equal(3, d.AllProvisions().Count(p => p.Kind == ProvisionKind.Heading));
    }

    [Fact]
    public void Policy_interpretation_in_bold_markup_without_number_or_signature()
    {
        var d = B.Documents[1];
        Assert.Equal("《北京市公共自行车停放管理办法》解读", d.TitleZh);
        Assert.Null(d.Number);
        Assert.Null(d.SignedOn);
        Assert.Equal(3, d.AllProvisions().Count(p => p.Kind == ProvisionKind.Heading));
        Assert.DoesNotContain("**", d.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("统计公报", d.Body.FullText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Statistical_bulletin_with_compilers_under_the_title_date_in_parentheses_and_tables()
    {
        var d = B.Documents[2];
        Assert.Equal(new DateOnly(2023, 3, 15), d.SignedOn);
        Assert.Equal(["北京市园林绿化局", "北京市统计局"], d.Issuers);
        var tables = d.AllProvisions().Where(p => p.Kind == ProvisionKind.Table).ToList();
        Assert.Equal(2, tables.Count);
        Assert.Equal([4, 3], tables.Select(t => t.Children.Count(r => r.Kind == ProvisionKind.TableRow)));
    }

    [Fact]
    public void Letter_spaced_personnel_list_dated_in_parentheses()
    {
        var d = B.Documents[3];
        Assert.Equal("北京市人民政府任免国家工作人员", d.TitleZh);
        Assert.Equal(new DateOnly(2023, 7, 12), d.SignedOn);
        Assert.Equal(["北京市人民政府"], d.Issuers);
        Assert.Equal(3, d.AllProvisions().Count(p => p.Kind == ProvisionKind.Paragraph));
        Assert.Contains("任命王某为北京市商务局副局长。", d.Body.FullText(), StringComparison.Ordinal);
    }
}
