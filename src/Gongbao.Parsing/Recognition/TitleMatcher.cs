using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Recognition;

/// <summary>
/// Fuzzy matching of printed lines against a title (from the contents): character-bigram containment on
/// folded text, so stray spaces, width variants and single conversion errors (企業/企业) still match.
/// </summary>
public sealed class TitleMatcher
{
    private readonly HashSet<string> _bigrams;

    public TitleMatcher(string title)
    {
        Folded = TextFold.Fold(title);
        _bigrams = Bigrams(Folded);
    }

    public string Folded { get; }

    public int Size => _bigrams.Count;

    /// <summary>Fraction of the line's bigrams found in the title (1 = the line is a piece of the title).</summary>
    public double Containment(string line)
    {
        var f = TextFold.Fold(line);
        if (f.Length == 0)
        {
            return 0;
        }

        if (f.Length == 1)
        {
            return Folded.Contains(f[0]) ? 1 : 0;
        }

        var hit = 0;
        for (var i = 0; i + 1 < f.Length; i++)
        {
            if (_bigrams.Contains(f.Substring(i, 2)))
            {
                hit++;
            }
        }

        return hit / (double)(f.Length - 1);
    }

    /// <summary>Fraction of the title's bigrams covered by the lines together.</summary>
    public double Coverage(IEnumerable<string> lines)
    {
        if (_bigrams.Count == 0)
        {
            return 0;
        }

        var seen = new HashSet<string>();
        foreach (var line in lines)
        {
            var f = TextFold.Fold(line);
            for (var i = 0; i + 1 < f.Length; i++)
            {
                var bg = f.Substring(i, 2);
                if (_bigrams.Contains(bg))
                {
                    seen.Add(bg);
                }
            }
        }

        return seen.Count / (double)_bigrams.Count;
    }

    private static HashSet<string> Bigrams(string f)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < f.Length; i++)
        {
            set.Add(f.Substring(i, 2));
        }

        return set;
    }

    /// <summary>A line that can be (part of) a title: no sentence punctuation, not numbered, not a date (bare or in parentheses) or table row.</summary>
    public static bool IsTitleLike(string line)
    {
        if (line.Length == 0 || line.Length > 120 || line.Contains('\t') || line.Contains('。') || line.Contains('；'))
        {
            return false;
        }

        var last = line.TrimEnd()[^1];
        if (last is '：' or ':' or '；' or ';' or '，' or ',')
        {
            return false;
        }

        // A date in parentheses under a title dates the document; it is not part of the title.
        return !DateRecognizer.IsDateLine(line) && !Documents.HeaderReader.IsParenthesisedDate(line) && NumberingRecognizer.Recognize(line) is null;
    }
}
