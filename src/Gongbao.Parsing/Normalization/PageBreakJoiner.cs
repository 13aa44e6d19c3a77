using Gongbao.Domain;

using Gongbao.Parsing.Recognition;
using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Normalization;

/// <summary>
/// Re-joins text that a page break (or a hard wrap) cut in two: the line before does not end a sentence,
/// is not a heading, and the next line does not start a new numbered unit, date, table row or annex.
/// The joined line keeps the union of both source spans.
/// </summary>
public sealed class PageBreakJoiner
{
    public List<SourceLine> Join(IReadOnlyList<SourceLine> lines)
    {
        var result = new List<SourceLine>(lines.Count);
        var text = new System.Text.StringBuilder();
        SourceLine current = default;
        var lastPiece = "";
        var open = false;
        var joined = false;
        foreach (var line in lines)
        {
            // Once a line has been continued it is running text: only its end and the next start matter.
            if (open && (joined ? ShouldContinue(lastPiece, line.Text) : ShouldJoin(lastPiece, line.Text)))
            {
                AppendJoined(text, line.Text);
                current = current with { Span = current.Span.Union(line.Span) };
                lastPiece = line.Text;
                joined = true;
                continue;
            }

            if (open)
            {
                result.Add(current with { Text = text.ToString() });
            }

            text.Clear().Append(line.Text);
            current = line;
            lastPiece = line.Text;
            open = true;
            joined = false;
        }

        if (open)
        {
            result.Add(current with { Text = text.ToString() });
        }

        return result;
    }

    private static bool ShouldContinue(string lastPiece, string next) =>
        !lastPiece.Contains('\t') && !next.Contains('\t') && !EndsSentence(lastPiece) && !StartsNewUnit(next);

    public static bool ShouldJoin(string previous, string next)
    {
        if (previous.Length == 0 || next.Length == 0 || previous.Contains('\t') || next.Contains('\t'))
        {
            return false;
        }

        if (EndsSentence(previous) || StartsNewUnit(next))
        {
            return false;
        }

        var unit = NumberingRecognizer.Recognize(previous);
        if (unit is null)
        {
            return !DateRecognizer.IsDateLine(previous) && AttachmentRecognizer.AnnexNumber(previous) is null && !IsParenthetical(previous);
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
    private static bool IsLabelledLine(string t)
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

    public static bool StartsNewUnit(string next) =>
        NumberingRecognizer.Recognize(next) is not null
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
}
