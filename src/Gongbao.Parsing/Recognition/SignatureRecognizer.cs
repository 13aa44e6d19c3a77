using Gongbao.Domain;

using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Recognition;

/// <summary>A signature block: issuer lines (possibly none) then a date line.</summary>
public sealed record SignatureBlock(int Start, int DateIndex, IReadOnlyList<string> Issuers, DateOnly Date, SourceSpan Span)
{
    public int End => DateIndex + 1;
}

/// <summary>Recognises signature blocks: a line that is only a date, preceded by issuer lines (letter-spaced or not).</summary>
public static class SignatureRecognizer
{
    public const int MaxIssuerLines = 30;

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

        var issuers = new List<string>();
        for (var i = start; i < dateIndex; i++)
        {
            var t = CjkText.RemoveSpacesAroundCjk(lines[i].Text);
            if (t[0] is '(' or '（' && issuers.Count > 0)
            {
                issuers[^1] += t;
                continue;
            }

            issuers.AddRange(IssuerRecognizer.SplitIssuers(lines[i].Text));
        }

        return new SignatureBlock(start, dateIndex, issuers, date, new SourceSpan(lines[start].Span.StartLine, lines[dateIndex].Span.EndLine));
    }

    /// <summary>All signature blocks in lines[from, to), in order.</summary>
    public static List<SignatureBlock> FindAll(IReadOnlyList<SourceLine> lines, int from, int to)
    {
        var result = new List<SignatureBlock>();
        var lower = from;
        for (var i = from; i < to; i++)
        {
            if (!DateRecognizer.IsDateLine(lines[i].Text))
            {
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
}
