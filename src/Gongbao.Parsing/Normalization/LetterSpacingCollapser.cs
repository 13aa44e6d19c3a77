using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Normalization;

/// <summary>
/// Joins letter-spaced words ("北 京 市 民 政 局", "第一章 总 则", "目 录"): a line made only of CJK tokens,
/// most of them single characters, is printed spread out and means the same without the spaces.
/// </summary>
public sealed class LetterSpacingCollapser : ILineStep
{
    private static readonly char[] Spaces = [' ', '\u3000', '\u00a0', '\t'];

    public string? Apply(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.IndexOfAny(Spaces) < 0 || trimmed.Contains('\t'))
        {
            return line;
        }

        var tokens = trimmed.Split(Spaces, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 2)
        {
            return line;
        }

        var single = 0;
        foreach (var t in tokens)
        {
            foreach (var c in t)
            {
                if (!CjkText.IsCjk(c) && c is not ('（' or '）' or '(' or ')' or '、'))
                {
                    return line;
                }
            }

            if (t.Length == 1)
            {
                single++;
            }
        }

        return single * 5 >= tokens.Length * 3 ? string.Concat(tokens) : line;
    }
}
