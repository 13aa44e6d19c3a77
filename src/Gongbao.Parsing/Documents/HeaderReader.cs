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
    SourceSpan? Span);

/// <summary>Reads the header of a document slice (or of a standalone text).</summary>
public static class HeaderReader
{
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

        var k = slice.TitleEnd + 1;
        DocumentNumber? number = null;
        if (slice.NumberLine is { } nl)
        {
            DocumentNumber.TryParse(body[nl].Text, out number);
            k = nl + 1;
        }
        else if (k < slice.End && DocumentNumber.TryParse(body[k].Text, out var printed))
        {
            number = printed;
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
        return new DocumentHeader(title, number, issuers, addressees, k, span);
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
            if (DocumentNumber.TryParse(t, out var n))
            {
                number = n;
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

        IReadOnlyList<string> addressees = [];
        if (k < lines.Count && IsAddresseeLine(lines[k].Text))
        {
            addressees = SplitAddressees(lines[k].Text);
            k++;
        }

        var title = titleParts.Count > 0 ? ContentsParser.CleanChineseTitle(string.Concat(titleParts)) : null;
        var issuers = title is null ? [] : IssuerRecognizer.FromTitle(title).ToList();
        SourceSpan? span = k > 0 ? new SourceSpan(lines[0].Span.StartLine, lines[k - 1].Span.EndLine) : null;
        return new DocumentHeader(title, number, issuers, addressees, k, span);
    }
}
