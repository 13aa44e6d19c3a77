using System.Globalization;
using System.Text.RegularExpressions;

using Gongbao.Domain;

using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Recognition;

public sealed record AttachmentItem(int? Number, string Title, bool MarkedOmitted, SourceSpan Span);

/// <summary>An attachment list "附件：1. … 2. …" occupying lines [Start, End).</summary>
public sealed record AttachmentList(int Start, int End, IReadOnlyList<AttachmentItem> Items, string Text, SourceSpan Span);

/// <summary>
/// Recognises attachment lists (附件：1.… 2.…, wrapped items, "(略)" for omitted ones) and printed annex
/// headings ("附件 1" / "附件" alone on a line).
/// </summary>
public static partial class AttachmentRecognizer
{
    [GeneratedRegex(@"^附\s*件\s*[:：]\s*(?<rest>\S.*)$")]
    private static partial Regex ListStart();

    [GeneratedRegex(@"^附\s*件\s*(?<n>[0-9０-９]{1,2})?\s*[:：]?$")]
    private static partial Regex AnnexHeading();

    [GeneratedRegex(@"[(（]\s*略\s*[)）]")]
    private static partial Regex Omitted();

    /// <summary>"附件 2" → 2; "附件" → 0; not an annex heading → null.</summary>
    public static int? AnnexNumber(string line)
    {
        var m = AnnexHeading().Match(line.Trim());
        if (!m.Success)
        {
            return null;
        }

        return m.Groups["n"].Success ? int.Parse(TextFold.FoldWidth(m.Groups["n"].Value), CultureInfo.InvariantCulture) : 0;
    }

    public static bool IsListStart(string line) => ListStart().IsMatch(line);

    /// <summary>A note printed under a signature ((注：…), (此件公开发布)).</summary>
    public static bool IsNote(string text) =>
        text.Length is > 2 and < 80 && text[0] is '(' or '（' && text[^1] is ')' or '）'
        && (text.Contains('注') || text.Contains("此件", StringComparison.Ordinal) || text.Contains("公开", StringComparison.Ordinal));

    /// <summary>A note under a signature or an annex heading (附件1): what may follow a document's closing signature.</summary>
    public static bool IsNoteOrAnnex(string text) => IsNote(text) || AnnexNumber(text) is not null;

    public static AttachmentList? TryRead(IReadOnlyList<SourceLine> lines, int index, Func<int, bool> isReserved)
    {
        var m = ListStart().Match(lines[index].Text);
        if (!m.Success)
        {
            return null;
        }

        var items = new List<(int? Number, string Text, SourceSpan Span)>();
        var first = m.Groups["rest"].Value;
        var numbered = NumberingRecognizer.Recognize(first) is { Kind: ProvisionKind.SubItem } u0;
        items.Add(numbered
            ? (NumberingRecognizer.Recognize(first)!.Number, NumberingRecognizer.Recognize(first)!.Rest, lines[index].Span)
            : (null, first, lines[index].Span));

        var end = index + 1;
        while (end < lines.Count && !isReserved(end))
        {
            var text = lines[end].Text;
            var unit = NumberingRecognizer.Recognize(text);
            if (numbered && unit is { Kind: ProvisionKind.SubItem } && unit.Number == items[^1].Number + 1)
            {
                items.Add((unit.Number, unit.Rest, lines[end].Span));
            }
            else if (IsContinuation(text, items[^1].Text))
            {
                var last = items[^1];
                items[^1] = (last.Number, last.Text + text, last.Span.Union(lines[end].Span));
            }
            else
            {
                break;
            }

            end++;
        }

        var result = items.Select(i =>
        {
            var omitted = Omitted().IsMatch(i.Text);
            var title = CjkText.RemoveSpacesAroundCjk(Omitted().Replace(i.Text, "")).Trim();
            return new AttachmentItem(i.Number, title, omitted, i.Span);
        }).ToList();

        var span = new SourceSpan(lines[index].Span.StartLine, lines[end - 1].Span.EndLine);
        var listText = string.Join("\n", Enumerable.Range(index, end - index).Select(i => lines[i].Text));
        return new AttachmentList(index, end, result, listText, span);
    }

    private static bool IsContinuation(string text, string current)
    {
        if (text.Length > 40 || text.Contains('\t') || DateRecognizer.IsDateLine(text) || IssuerRecognizer.IsIssuerLine(text))
        {
            return false;
        }

        if (text.StartsWith("(注", StringComparison.Ordinal) || text.StartsWith("（注", StringComparison.Ordinal) || AnnexNumber(text) is not null)
        {
            return false;
        }

        // An item already closed by (略) or sentence punctuation takes no more lines.
        var c = current.TrimEnd();
        if (Omitted().IsMatch(c) || c.Length > 0 && CjkText.IsTerminalPunctuation(c[^1]))
        {
            return false;
        }

        return NumberingRecognizer.Recognize(text) is null;
    }
}
