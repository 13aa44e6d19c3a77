using System.Text.RegularExpressions;

using Gongbao.Domain;

using Gongbao.Parsing.Recognition;
using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Documents;

/// <summary>A document header as printed: issuer lines, title lines, number line, addressees.</summary>
public sealed record DocumentHeader(
    string? PrintedTitle,
    DocumentNumber? PrintedNumber,
    IReadOnlyList<string> Issuers,
    IReadOnlyList<string> Addressees,
    int ContentStart,
    SourceSpan? Span,
    DateOnly? Date = null);

/// <summary>Reads the header of a document slice (or of a standalone text).</summary>
public static partial class HeaderReader
{
    [GeneratedRegex(@"^\s*第\s*[0-9０-９]{1,5}\s*号\s*$")]
    private static partial Regex OrderSerialLine();

    [GeneratedRegex(@"^\s*[(（]\s*(?<d>[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日)[^()（）]{0,20}[)）]\s*$")]
    private static partial Regex ParenthesisedDateLine();

    /// <summary>A date printed on its own line in parentheses under a title: (2019年3月5日), （2023年6月1日市政府第5次常务会议通过）.</summary>
    public static bool IsParenthesisedDate(string text) => text.Length <= 48 && ParenthesisedDateLine().IsMatch(text);

    public static DateOnly? ParenthesisedDate(string text)
    {
        var m = text.Length <= 48 ? ParenthesisedDateLine().Match(text) : null;
        return m is { Success: true } ? DateRecognizer.FindChinese(m.Groups["d"].Value) : null;
    }

    /// <summary>
    /// The document number printed on line <paramref name="i"/> as a line of its own, in any printed form:
    /// 京政发〔2021〕28号; 北京市人民政府令第312号, or 第312号 under a line ending in 令; 2023年第3号 (returned with an
    /// empty issuer code when the line names none: the series comes from the title).
    /// </summary>
    public static DocumentNumber? ReadNumberLine(IReadOnlyList<SourceLine> lines, int i)
    {
        var t = lines[i].Text;
        if (t.Length is > 40 or < 4 || !t.TrimEnd().EndsWith('号') && !t.TrimEnd().EndsWith(')') && !t.TrimEnd().EndsWith('）'))
        {
            return null;
        }

        if (DocumentNumber.TryParse(t, out var bracketed))
        {
            return bracketed;
        }

        var trimmed = t.Trim();
        if (DocumentNumber.FindOrder(trimmed) is { } order && order.Printed.Length == trimmed.Length)
        {
            return order;
        }

        if (OrderSerialLine().IsMatch(t) && i > 0 && CjkText.RemoveSpacesAroundCjk(lines[i - 1].Text) is { Length: >= 3 and <= 21 } above
            && above.EndsWith('令') && DocumentNumber.FindOrder(above + trimmed) is { } split)
        {
            return split with { Printed = above + trimmed };
        }

        // A year series printed alone (2023年第3号) has no issuer: an empty code the caller fills from the title.
        if (DocumentNumber.FindYearSerial(trimmed, "?") is { } series && series.Printed.Length == trimmed.Length)
        {
            return series.IssuerCode == "?" ? series with { IssuerCode = "" } : series;
        }

        return null;
    }

    public static bool IsAddresseeLine(string text)
    {
        var t = text.TrimEnd();
        return t.Length is > 2 and <= 300 && t[^1] is '：' or ':' && !t.Contains('。') && !t.Contains('\t')
            && NumberingRecognizer.Recognize(t) is null && !AttachmentRecognizer.IsListStart(t) && !t.StartsWith("附件", StringComparison.Ordinal);
    }

    public static IReadOnlyList<string> SplitAddressees(string text) =>
        text.TrimEnd().TrimEnd('：', ':')
            .Split(['，', ',', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();

    public static DocumentHeader Read(IReadOnlyList<SourceLine> body, DocumentSlice slice)
    {
        if (!slice.HeaderFound)
        {
            var k0 = slice.Start;
            IReadOnlyList<string> partial = [];
            if (k0 < slice.End && IsAddresseeLine(body[k0].Text))
            {
                partial = SplitAddressees(body[k0].Text);
                k0++;
            }

            return new DocumentHeader(null, null, [], partial, k0, null);
        }

        var issuers = new List<string>();
        var titleParts = new List<string>();
        var inIssuers = true;
        for (var i = slice.TitleStart; i <= slice.TitleEnd && i < slice.End; i++)
        {
            var t = body[i].Text;
            if (inIssuers && IssuerRecognizer.IsIssuerLine(t))
            {
                issuers.AddRange(IssuerRecognizer.SplitIssuers(t));
            }
            else
            {
                inIssuers = false;
            }

            titleParts.Add(t);
        }

        // Issuers printed under the title (a bulletin's compilers) follow the last title line.
        var trailing = titleParts.Count;
        while (!inIssuers && trailing > 1 && IssuerRecognizer.IsIssuerLine(titleParts[trailing - 1]))
        {
            trailing--;
        }

        var head = string.Concat(titleParts.Take(trailing));
        if (DocumentKindClassifier.Classify(head) == DocumentKind.Other && !head.EndsWith("公报", StringComparison.Ordinal))
        {
            // A wrapped title can end in an organisation word (…工作领导小组): only a complete title has issuers under it.
            trailing = titleParts.Count;
        }

        foreach (var t in titleParts.Skip(trailing))
        {
            issuers.AddRange(IssuerRecognizer.SplitIssuers(t));
        }

        titleParts.RemoveRange(trailing, titleParts.Count - trailing);

        var k = slice.TitleEnd + 1;
        DateOnly? date = null;
        if (k < slice.End && (slice.NumberLine is null || k < slice.NumberLine) && ParenthesisedDate(body[k].Text) is { } above)
        {
            // A date in parentheses printed between the title and the number.
            date = above;
            k++;
        }

        DocumentNumber? number = null;
        if (slice.NumberLine is { } nl)
        {
            number = slice.Number ?? ReadNumberLine(body, nl);
            k = nl + 1;
        }
        else if (k < slice.End && DocumentNumber.TryParse(body[k].Text, out var printed))
        {
            number = printed;
            k++;
        }

        if (date is null && k < slice.End && ParenthesisedDate(body[k].Text) is { } d)
        {
            date = d;
            k++;
        }

        IReadOnlyList<string> addressees = [];
        if (k < slice.End && IsAddresseeLine(body[k].Text))
        {
            addressees = SplitAddressees(body[k].Text);
            k++;
        }

        var title = titleParts.Count > 0 ? ContentsParser.CleanChineseTitle(string.Join(" ", titleParts)) : null;
        var span = new SourceSpan(body[slice.Start].Span.StartLine, body[Math.Max(slice.Start, k - 1)].Span.EndLine);
        return new DocumentHeader(title, number is { IssuerCode.Length: > 0 } ? number : null, issuers, addressees, k, span, date);
    }

    /// <summary>Header of a standalone text: title lines at the top, optional number line and addressees.</summary>
    public static DocumentHeader ReadStandalone(IReadOnlyList<SourceLine> lines)
    {
        var k = 0;
        var titleParts = new List<string>();
        DocumentNumber? number = null;
        while (k < lines.Count && k < 8)
        {
            var t = lines[k].Text;
            if (ReadNumberLine(lines, k) is { } n)
            {
                if (n.Form == DocumentNumberForm.Order && !t.Contains('令') && titleParts.Count > 0)
                {
                    titleParts.RemoveAt(titleParts.Count - 1); // the …令 line above 第N号 is the number, not the title
                }

                number = n.IssuerCode.Length > 0 ? n
                    : IssuerRecognizer.YearSeriesCode(string.Concat(titleParts)) is { } series ? n with { IssuerCode = series } : null;
                k++;
                break;
            }

            if (!TitleMatcher.IsTitleLike(t) || TextFold.Fold(t) == "目录" || titleParts.Count >= 6)
            {
                break;
            }

            titleParts.Add(t);
            k++;
        }

        DateOnly? date = null;
        if (k < lines.Count && ParenthesisedDate(lines[k].Text) is { } d)
        {
            date = d;
            k++;
        }

        IReadOnlyList<string> addressees = [];
        if (k < lines.Count && IsAddresseeLine(lines[k].Text))
        {
            addressees = SplitAddressees(lines[k].Text);
            k++;
        }

        var title = titleParts.Count > 0 ? ContentsParser.CleanChineseTitle(string.Concat(titleParts)) : null;
        var issuers = title is null ? [] : IssuerRecognizer.FromTitle(title).ToList();
        SourceSpan? span = k > 0 ? new SourceSpan(lines[0].Span.StartLine, lines[k - 1].Span.EndLine) : null;
        return new DocumentHeader(title, number, issuers, addressees, k, span, date);
    }
}
