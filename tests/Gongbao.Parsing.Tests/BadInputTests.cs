using System.Diagnostics;
using System.Text;

using Gongbao.Domain;

namespace Gongbao.Parsing.Tests;

/// <summary>Unusable input fails with a clear diagnostic naming the file (and line); irregular input parses with warnings.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongbao-bad-").FullName;

    static BadInputTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static GazetteFormatException Refused(string path)
    {
        var ex = Assert.Throws<GazetteFormatException>(() => new GazetteParser().ParseFile(path));
        Assert.Equal(DiagnosticSeverity.Error, ex.Diagnostic.Severity);
        Assert.Equal(path, ex.Diagnostic.File);
        Assert.Contains(path, ex.Message);
        Assert.DoesNotContain("   at ", ex.Message);
        return ex;
    }

    [Fact]
    public void Empty_file() => Assert.Equal(DiagnosticCodes.EmptyFile, Refused(Write("empty.txt", [])).Diagnostic.Code);

    [Fact]
    public void Whitespace_only_file() =>
        Assert.Equal(DiagnosticCodes.EmptyFile, Refused(Write("blank.txt", "\n \r\n\t\n"u8.ToArray())).Diagnostic.Code);

    [Fact]
    public void Binary_file_with_nul_bytes()
    {
        var bytes = Encoding.UTF8.GetBytes("北京市人民政府公报\n第二行\n").Concat(new byte[] { 0x00, 0x01, 0x02, 0xFF }).ToArray();
        var ex = Refused(Write("binary.bin", bytes));
        Assert.Equal(DiagnosticCodes.BinaryFile, ex.Diagnostic.Code);
        Assert.Equal(3, ex.Diagnostic.Line);
    }

    [Fact]
    public void Binary_file_with_control_bytes()
    {
        var bytes = Enumerable.Range(0, 4000).Select(i => (byte)(i % 2 == 0 ? 0x07 : 0x41)).ToArray();
        Assert.Equal(DiagnosticCodes.BinaryFile, Refused(Write("ctl.bin", bytes)).Diagnostic.Code);
    }

    [Fact]
    public void Gb18030_file_is_decoded_with_an_info_diagnostic()
    {
        var path = Write("gbk.txt", Encoding.GetEncoding("GB18030").GetBytes(SyntheticIssue.Text()));
        var issue = new GazetteParser().ParseFile(path);
        Assert.Equal("tianjin-2023-5", issue.Id);
        Assert.Equal(3, issue.Documents.Count);
        Assert.Contains(issue.Diagnostics, d => d.Code == DiagnosticCodes.NonUtf8Encoding && d.Severity == DiagnosticSeverity.Info && d.Line == 3);
    }

    [Fact]
    public void Invalid_utf8_that_is_not_chinese_is_refused()
    {
        var bytes = Enumerable.Range(0, 3000).Select(i => (byte)(0x80 + i % 0x40)).ToArray();
        var ex = Refused(Write("latin.txt", bytes));
        Assert.Equal(DiagnosticCodes.Undecodable, ex.Diagnostic.Code);
    }

    [Fact]
    public void Utf16_with_bom_is_decoded()
    {
        var path = Write("utf16.txt", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(SyntheticIssue.Text())).ToArray());
        var issue = new GazetteParser().ParseFile(path);
        Assert.Equal(3, issue.Documents.Count);
        Assert.Contains(issue.Diagnostics, d => d.Code == DiagnosticCodes.Utf16Encoding);
    }

    [Fact]
    public void Utf8_bom_and_crlf_and_no_trailing_newline()
    {
        var text = SyntheticIssue.Text().Replace("\n", "\r\n", StringComparison.Ordinal).TrimEnd();
        var path = Write("bom.txt", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray());
        var issue = new GazetteParser().ParseFile(path);
        Assert.Equal(["jinshuifa-2022-311", "jinjiaofa-2023-9", "tianjin-2023-5/doc-3"], issue.Documents.Select(d => d.Id));
    }

    [Fact]
    public void Missing_file() => Assert.Equal(DiagnosticCodes.FileNotFound, Refused(Path.Combine(_dir, "nope.txt")).Diagnostic.Code);

    [Fact]
    public void Issue_without_contents_is_parsed_as_one_document_with_a_warning()
    {
        var text = "北京市人民政府公报\n\n2024\n\n第 9 期\n\n2024年3月1日 第9期 北京市人民政府办公厅主办\n\n北京市某局关于某事的通知\n\n京某发〔2024〕3号\n\n各区：\n\n现通知如下。\n\n北京市某局\n\n2024年2月1日\n";
        var issue = new GazetteParser().ParseFile(Write("nocontents.txt", Encoding.UTF8.GetBytes(text)));
        Assert.Equal(SourceKind.Standalone, issue.Kind);
        Assert.Contains(issue.Diagnostics, d => d.Code == DiagnosticCodes.NoContents && d.Severity == DiagnosticSeverity.Warning);
        var doc = Assert.Single(issue.Documents);
        Assert.Equal("jingmoufa-2024-3", doc.Id);
        Assert.Equal("standalone-jingmoufa-2024-3", issue.Id);
        Assert.Equal(new DateOnly(2024, 2, 1), doc.SignedOn);
        Assert.Equal(2024, issue.Year);
    }

    [Fact]
    public void Truncated_issue_warns_with_the_line()
    {
        var full = SyntheticIssue.Text();
        var cutAt = full.IndexOf("单位先进集体称号", StringComparison.Ordinal);
        var text = full[..cutAt]; // the last document stops mid-sentence, no trailing newline
        var issue = new GazetteParser().Parse(text, "cut.txt", "0");
        var warning = Assert.Single(issue.Diagnostics, d => d.Code == DiagnosticCodes.DocumentTruncated);
        Assert.Equal(text.Count(c => c == '\n') + 1, warning.Line);
        Assert.Equal("cut.txt", warning.File);
        Assert.Equal(3, issue.Documents.Count);
    }

    [Fact]
    public void Contents_entry_whose_document_is_missing_warns()
    {
        var text = SyntheticIssue.Text();
        text = text[..text.IndexOf("天津市人民政府关于表彰2022", StringComparison.Ordinal)];
        var issue = new GazetteParser().Parse(text, "missing.txt", "0");
        Assert.Equal(2, issue.Documents.Count);
        Assert.Contains(issue.Diagnostics, d => d.Code == DiagnosticCodes.DocumentNotFound && d.Line > 0);
    }

    [Fact]
    public void Enormous_line_is_reported_and_parsed_in_bounded_time()
    {
        var sb = new StringBuilder(SyntheticIssue.Text());
        sb.Append('\n').Append('长', 3_000_000).Append('\n');
        var path = Write("longline.txt", Encoding.UTF8.GetBytes(sb.ToString()));
        var watch = Stopwatch.StartNew();
        var issue = new GazetteParser().ParseFile(path);
        watch.Stop();
        var warning = Assert.Single(issue.Diagnostics, d => d.Code == DiagnosticCodes.LongLine);
        Assert.Equal(sb.ToString().Split('\n').Length - 1, warning.Line);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Fifty_megabyte_file_parses_in_bounded_time()
    {
        // A synthetic issue whose last document's annex table grows by repetition to 50 MB.
        var head = SyntheticIssue.Text();
        var tail = head[head.IndexOf("政府公报查询方式", StringComparison.Ordinal)..];
        var body = head[..head.IndexOf("政府公报查询方式", StringComparison.Ordinal)];
        var path = Path.Combine(_dir, "big.txt");
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            w.Write(body);
            var row = "第N号\t某某区某某街道某某单位名称较长的一行文字用于填充表格内容\t某某区\n";
            var rowBytes = Encoding.UTF8.GetByteCount(row);
            for (long written = 0; written < 50L * 1024 * 1024; written += rowBytes)
            {
                w.Write(row);
            }

            w.Write(tail);
        }

        var watch = Stopwatch.StartNew();
        var issue = new GazetteParser().ParseFile(path);
        watch.Stop();
        Assert.Equal(3, issue.Documents.Count);
        Assert.True(issue.Documents[2].AllProvisions().Single(p => p.Kind == ProvisionKind.Table).Cells!.Count > 500_000);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(45), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Oversized_file_is_refused_without_reading_it()
    {
        var path = Path.Combine(_dir, "huge.txt");
        using (var fs = new FileStream(path, FileMode.Create))
        {
            fs.SetLength(GazetteReader.MaxBytes + 1);
        }

        Assert.Equal(DiagnosticCodes.TooLarge, Refused(path).Diagnostic.Code);
    }
}
