using Gongbao.Domain;

using Gongbao.Parsing.Normalization;
using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Recognition;

/// <summary>
/// A signature block: issuer lines (possibly none) then a date line, lines [Start, Last]; or, undated, issuer
/// lines only (<see cref="Date"/> null, <see cref="Last"/> the last issuer line) when the document printed its
/// date in parentheses under the title.
/// </summary>
public sealed record SignatureBlock(int Start, int Last, IReadOnlyList<string> Issuers, DateOnly? Date, SourceSpan Span)
{
    public int End => Last + 1;
}

/// <summary>Recognises signature blocks: a line that is only a date, preceded by issuer lines (letter-spaced or not).</summary>
public static class SignatureRecognizer
{
    public const int MaxIssuerLines = 30;

    // An issuer line has at most 45 characters once letter spacing is removed; spaced, at most about twice that.
    private const int MaxIssuerLineLength = 100;

    public static SignatureBlock? At(IReadOnlyList<SourceLine> lines, int dateIndex, int lowerBound)
    {
        if (DateRecognizer.ParseDateLine(lines[dateIndex].Text) is not { } date)
        {
            return null;
        }

        var start = dateIndex;
        while (start - 1 >= lowerBound && dateIndex - start < MaxIssuerLines && IssuerRecognizer.IsIssuerLine(lines[start - 1].Text))
        {
            start--;
        }

        return Block(lines, start, dateIndex, date);
    }

    /// <summary>
    /// All signature blocks in lines[from, to), in order. With <paramref name="undated"/>, issuer lines without a
    /// date count as a block where they close a text: after a finished sentence and before the end, a note in
    /// parentheses, an annex heading or a title (the instrument a notice issues). Documents dated under the title
    /// sign this way, and the issuer lines are no paragraph of the text.
    /// </summary>
    public static List<SignatureBlock> FindAll(IReadOnlyList<SourceLine> lines, int from, int to, bool undated = false)
    {
        var result = new List<SignatureBlock>();
        var lower = from;
        for (var i = from; i < to; i++)
        {
            if (!DateRecognizer.IsDateLine(lines[i].Text))
            {
                if (undated && i > lower && UndatedAt(lines, i, to) is { } plain)
                {
                    result.Add(plain);
                    lower = plain.End;
                    i = plain.Last;
                }

                continue;
            }

            if (At(lines, i, lower) is { } block)
            {
                result.Add(block);
                lower = i + 1;
            }
        }

        return result;
    }

    private static SignatureBlock? UndatedAt(IReadOnlyList<SourceLine> lines, int start, int to)
    {
        // The text before a signature ends a sentence, or an attachment list marked (略). Cheap tests first: this
        // runs on every line of every text.
        var before = lines[start - 1].Text.TrimEnd();
        if (lines[start].Text.Length > MaxIssuerLineLength || before.Length == 0
            || !PageBreakJoiner.EndsSentence(before) && !before.EndsWith("略)", StringComparison.Ordinal) && !before.EndsWith("略）", StringComparison.Ordinal)
            || !IssuerRecognizer.IsIssuerLine(lines[start].Text) || IssuerRecognizer.IsIssuerLine(before))
        {
            return null;
        }

        var end = start;
        while (end < to && end - start < MaxIssuerLines && IssuerRecognizer.IsIssuerLine(lines[end].Text))
        {
            end++;
        }

        if (end < to)
        {
            var next = lines[end].Text;
            var closes = AttachmentRecognizer.IsNoteOrAnnex(next) || TitleMatcher.IsTitleLike(next) && !next.Contains('，');
            if (!closes || DateRecognizer.IsDateLine(next))
            {
                return null;
            }
        }

        return Block(lines, start, end - 1, null);
    }

    private static SignatureBlock Block(IReadOnlyList<SourceLine> lines, int start, int last, DateOnly? date)
    {
        var issuers = new List<string>();
        var issuerEnd = date is null ? last + 1 : last;
        for (var i = start; i < issuerEnd; i++)
        {
            var t = CjkText.RemoveSpacesAroundCjk(lines[i].Text);
            if (t[0] is '(' or '（' && issuers.Count > 0)
            {
                issuers[^1] += t;
                continue;
            }

            issuers.AddRange(IssuerRecognizer.SplitIssuers(lines[i].Text));
        }

        return new SignatureBlock(start, last, issuers, date, new SourceSpan(lines[start].Span.StartLine, lines[last].Span.EndLine));
    }
}
