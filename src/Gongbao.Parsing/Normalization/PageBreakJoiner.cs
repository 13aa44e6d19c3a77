using Gongbao.Domain;

using Gongbao.Parsing.Recognition;
using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Normalization;

/// <summary>
/// Re-joins text that a page break (or a hard wrap) cut in two: the line before does not end a sentence,
/// is not a heading, and the next line does not start a new numbered unit, date, table row or annex.
/// The joined line keeps the union of both source spans.
/// </summary>
public sealed partial class PageBreakJoiner
{
    public List<SourceLine> Join(IReadOnlyList<SourceLine> lines)
    {
        var result = new List<SourceLine>(lines.Count);
        var units = new NumberedUnit?[lines.Count];
        for (var k = 0; k < lines.Count; k++)
        {
            units[k] = NumberingRecognizer.Recognize(lines[k].Text);
        }

        var text = new System.Text.StringBuilder();
        SourceLine current = default;
        var lastPiece = "";
        var open = false;
        var joined = false;
        var startIndex = 0;
        for (var k = 0; k < lines.Count; k++)
        {
            var line = lines[k];

            // Once a line has been continued it is running text: only its end and the next start matter.
            if (open && (joined ? ShouldContinue(lastPiece, line.Text, units[k]) : ShouldJoin(lastPiece, line.Text, units[startIndex], units[k], () => SiblingStyleAt(lines, units, startIndex))))
            {
                AppendJoined(text, line.Text);
                current = current with { Span = current.Span.Union(line.Span) };
                lastPiece = line.Text;
                joined = true;
                continue;
            }

            string? carried = null;
            if (open)
            {
                // "…。(3)" at a page end: the inline number opens the sub-item that the next page continues.
                var finished = text.ToString();
                if (TrailingInlineLabel(finished) is { } cut && !line.Text.Contains('\t') && !StartsNewUnit(line.Text, units[k]))
                {
                    carried = finished[cut..].Trim();
                    finished = finished[..cut].TrimEnd();
                }

                result.Add(current with { Text = finished });
                if (carried is not null)
                {
                    var start = current.Span.EndLine;
                    text.Clear().Append(carried).Append(line.Text);
                    current = line with { Span = new SourceSpan(start, line.Span.EndLine) };
                    lastPiece = line.Text;
                    startIndex = k;
                    joined = true;
                    continue;
                }
            }

            text.Clear().Append(line.Text);
            current = line;
            lastPiece = line.Text;
            open = true;
            joined = false;
            startIndex = k;
        }

        if (open)
        {
            result.Add(current with { Text = text.ToString() });
        }

        return result;
    }

    /// <summary>
    /// How the other units of the same numbering level around <paramref name="index"/> read (up to the next
    /// unit of a higher level): as headings, as sentences, or undecided. A numbered line that does not end a
    /// sentence is a heading among headings and a sentence cut by a page break among sentences.
    /// </summary>
    private static SiblingStyle SiblingStyleAt(IReadOnlyList<SourceLine> lines, NumberedUnit?[] units, int index)
    {
        if (units[index] is not { } unit || unit.Kind is ProvisionKind.Part or ProvisionKind.Chapter or ProvisionKind.Section)
        {
            return SiblingStyle.Undecided;
        }

        var headings = 0;
        var sentences = 0;
        for (var direction = -1; direction <= 1; direction += 2)
        {
            for (int k = index + direction, seen = 0; k >= 0 && k < lines.Count && seen < 12; k += direction)
            {
                if (units[k] is not { } other)
                {
                    continue;
                }

                if (other.Rank < unit.Rank)
                {
                    break;
                }

                if (other.Kind != unit.Kind)
                {
                    continue;
                }

                seen++;
                if (other.Rest.Length == 0 || other.Heading is not null)
                {
                    // An article titled 第N条【…】 or printed bare reads as a heading.
                    headings += other.Kind == ProvisionKind.Article ? 1 : 0;
                    continue;
                }

                if (ContainsSentencePunctuation(other.Rest) || EndsSentence(other.Rest))
                {
                    sentences++;
                }
                else if (!NumberingRecognizer.EndsLeadingIntoList(other.Rest))
                {
                    headings++;
                }
            }
        }

        // Articles mix titled and running ones more often: only a run of running articles decides.
        if (unit.Kind == ProvisionKind.Article)
        {
            return headings == 0 && sentences >= 2 ? SiblingStyle.Sentences : SiblingStyle.Undecided;
        }

        return headings > sentences ? SiblingStyle.Headings : sentences > headings ? SiblingStyle.Sentences : SiblingStyle.Undecided;
    }

    /// <summary>Where a trailing inline number ("…。(3)", "…；（三）", "…。③") starts, or null.</summary>
    private static int? TrailingInlineLabel(string text)
    {
        var m = TrailingLabel().Match(text);
        return m.Success ? m.Groups["label"].Index : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[。；;！？](?<label>\s*(?:[（(]\s*[0-9０-９]{1,3}\s*[）)]|[（(][一二三四五六七八九十]{1,3}[）)]|[①-⑳]))\s*$")]
    private static partial System.Text.RegularExpressions.Regex TrailingLabel();

    private static bool ShouldContinue(string lastPiece, string next, NumberedUnit? nextUnit) =>
        !lastPiece.Contains('\t') && !next.Contains('\t') && !EndsSentence(lastPiece) && !StartsNewUnit(next, nextUnit);

    public static bool ShouldJoin(string previous, string next) =>
        ShouldJoin(previous, next, NumberingRecognizer.Recognize(previous), NumberingRecognizer.Recognize(next), () => SiblingStyle.Undecided);

    private static bool ShouldJoin(string previous, string next, NumberedUnit? unit, NumberedUnit? nextUnit, Func<SiblingStyle> siblingStyle)
    {
        if (previous.Length == 0 || next.Length == 0 || previous.Contains('\t') || next.Contains('\t'))
        {
            return false;
        }

        if (EndsSentence(previous) || StartsNewUnit(next, nextUnit))
        {
            return false;
        }

        if (unit is null)
        {
            return !DateRecognizer.IsDateLine(previous) && AttachmentRecognizer.AnnexNumber(previous) is null && !IsParenthetical(previous);
        }

        // Only a numbered line that does not end a sentence gets here: its siblings decide (computed lazily).
        var siblings = unit.Kind is ProvisionKind.Part or ProvisionKind.Chapter or ProvisionKind.Section || unit.Rest.Length == 0
            ? SiblingStyle.Undecided
            : siblingStyle();
        if (unit.Kind == ProvisionKind.Article && unit.Heading is null && siblings == SiblingStyle.Sentences)
        {
            // Among articles that all run on as sentences, a short untitled one was cut by a page break.
            return true;
        }

        if (unit.Kind is not (ProvisionKind.Part or ProvisionKind.Chapter or ProvisionKind.Section or ProvisionKind.Article) && unit.Rest.Length > 0)
        {
            // Headings among headings stay headings however long; a line among sentences that ends without
            // sentence punctuation was cut by a page break.
            if (siblings == SiblingStyle.Headings && !ContainsSentencePunctuation(unit.Rest))
            {
                return false;
            }

            if (siblings == SiblingStyle.Sentences)
            {
                return true;
            }
        }

        return unit.Kind switch
        {
            ProvisionKind.Part or ProvisionKind.Chapter or ProvisionKind.Section => false,
            ProvisionKind.Article => unit.Heading is null ? !NumberingRecognizer.IsHeadingLike(unit.Rest, previous) : unit.Rest.Length > 0,
            _ => ContainsSentencePunctuation(unit.Rest) || unit.Rest.IndexOfAny(['，', ',', '、']) >= 0 && NumberingRecognizer.VisualWidth(previous) >= 24,
        };
    }

    public static bool EndsSentence(string text)
    {
        var t = text.TrimEnd();
        var last = t[^1];
        if (CjkText.IsTerminalPunctuation(last))
        {
            return true;
        }

        if (last is '”' or '"' or '’' or '」' or '）' or ')' or '】' or '》')
        {
            if (t.Length >= 2 && CjkText.IsTerminalPunctuation(t[^2]))
            {
                return true;
            }

            // A paragraph closed by a parenthetical remark: "…。(责任单位：…)" or a line that is one remark "(注：…)".
            if (last is '）' or ')')
            {
                return t.Contains('。') || IsParenthetical(t);
            }
        }

        return false;
    }

    /// <summary>"副组长：…", "完成时限:…": a short label and a colon open a new line of a list.</summary>
    public static bool IsLabelledLine(string t)
    {
        var colon = t.IndexOfAny(['：', ':']);
        if (colon is <= 0 or > 8 || colon == t.Length - 1)
        {
            return false;
        }

        foreach (var c in t.AsSpan(0, colon))
        {
            if (!CjkText.IsCjk(c) && c != ' ')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsParenthetical(string t) => t[0] is '(' or '（' && t[^1] is ')' or '）';

    private static bool ContainsSentencePunctuation(string text) => text.IndexOfAny(['。', '；', ';', '！', '？']) >= 0;

    public static bool StartsNewUnit(string next) => StartsNewUnit(next, NumberingRecognizer.Recognize(next));

    private static bool StartsNewUnit(string next, NumberedUnit? unit) =>
        unit is not null
        || DateRecognizer.IsDateLine(next)
        || AttachmentRecognizer.AnnexNumber(next) is not null
        || AttachmentRecognizer.IsListStart(next)
        || next.StartsWith("——", StringComparison.Ordinal)
        || IsLabelledLine(next)
        || next.StartsWith("(注", StringComparison.Ordinal) || next.StartsWith("（注", StringComparison.Ordinal);

    private static void AppendJoined(System.Text.StringBuilder sb, string next)
    {
        if (sb.Length > 0 && next.Length > 0 && char.IsAsciiLetterOrDigit(sb[^1]) && char.IsAsciiLetter(next[0]))
        {
            sb.Append(' ');
        }

        sb.Append(next);
    }

    private enum SiblingStyle
    {
        Undecided,
        Headings,
        Sentences,
    }
}
