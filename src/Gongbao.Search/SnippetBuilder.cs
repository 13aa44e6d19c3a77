using System.Text;

namespace Gongbao.Search;

/// <summary>
/// Highlighting without a highlighter package: finds the query terms in the stored text (after width
/// and case folding), picks the window with the most matches and returns it HTML-escaped with the
/// matches wrapped in &lt;mark&gt;. Terms that do not occur verbatim fall back to their bigrams.
/// </summary>
public static class SnippetBuilder
{
    public static string Build(string text, IReadOnlyList<string> terms, int maxLength = 160)
    {
        var ranges = FindMatches(text, terms);
        if (ranges.Count == 0)
        {
            return Render(text, 0, Math.Min(text.Length, maxLength), ranges);
        }

        // Two pointers: the window starting just before match i that holds the most matches.
        int best = 0, bestCount = 0, j = 0;
        for (var i = 0; i < ranges.Count; i++)
        {
            if (j < i)
            {
                j = i;
            }

            while (j + 1 < ranges.Count && ranges[j + 1].End <= ranges[i].Start + maxLength)
            {
                j++;
            }

            if (j - i + 1 > bestCount)
            {
                bestCount = j - i + 1;
                best = i;
            }
        }

        var lead = Math.Min(maxLength / 4, 30);
        var start = Math.Max(0, ranges[best].Start - lead);
        var end = Math.Min(text.Length, start + maxLength);
        start = Math.Max(0, Math.Min(start, end - maxLength));
        return Render(text, start, end, ranges);
    }

    /// <summary>The whole text, escaped, with every match marked.</summary>
    public static string HighlightAll(string text, IReadOnlyList<string> terms) =>
        Render(text, 0, text.Length, FindMatches(text, terms), ellipsis: false);

    /// <summary>Sorted, merged [start, end) ranges of the terms in <paramref name="text"/>.</summary>
    public static List<(int Start, int End)> FindMatches(string text, IReadOnlyList<string> terms)
    {
        var folded = TextFold.Fold(text);
        var found = new List<(int Start, int End)>();
        foreach (var term in terms)
        {
            var t = TextFold.Fold(term.Trim());
            if (t.Length == 0)
            {
                continue;
            }

            var before = found.Count;
            AddOccurrences(folded, t, found);
            if (found.Count == before)
            {
                foreach (var piece in Pieces(t))
                {
                    AddOccurrences(folded, piece, found);
                }
            }
        }

        found.Sort();
        var merged = new List<(int Start, int End)>(found.Count);
        foreach (var r in found)
        {
            if (merged.Count > 0 && r.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, r.End));
            }
            else
            {
                merged.Add(r);
            }
        }

        return merged;
    }

    private static void AddOccurrences(string folded, string term, List<(int Start, int End)> found)
    {
        for (var i = folded.IndexOf(term, StringComparison.Ordinal); i >= 0 && found.Count < 10_000;
             i = folded.IndexOf(term, i + term.Length, StringComparison.Ordinal))
        {
            found.Add((i, i + term.Length));
        }
    }

    /// <summary>Han bigrams and alphanumeric words of a term, as the analyzer sees them.</summary>
    private static IEnumerable<string> Pieces(string term)
    {
        var i = 0;
        while (i < term.Length)
        {
            if (IsHan(term[i]))
            {
                var start = i;
                while (i < term.Length && IsHan(term[i]))
                {
                    i++;
                }

                if (i - start == 1)
                {
                    yield return term.Substring(start, 1);
                }

                for (var k = start; k + 1 < i; k++)
                {
                    yield return term.Substring(k, 2);
                }
            }
            else if (char.IsLetterOrDigit(term[i]))
            {
                var start = i;
                while (i < term.Length && char.IsLetterOrDigit(term[i]) && !IsHan(term[i]))
                {
                    i++;
                }

                yield return term[start..i];
            }
            else
            {
                i++;
            }
        }
    }

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    private static string Render(string text, int start, int end, List<(int Start, int End)> ranges, bool ellipsis = true)
    {
        var sb = new StringBuilder(end - start + 32);
        if (ellipsis && start > 0)
        {
            sb.Append('…');
        }

        var pos = start;
        foreach (var (s, e) in ranges)
        {
            if (e <= start || s >= end)
            {
                continue;
            }

            var cs = Math.Max(s, start);
            var ce = Math.Min(e, end);
            Append(sb, text, pos, cs, ellipsis);
            sb.Append("<mark>");
            Append(sb, text, cs, ce, ellipsis);
            sb.Append("</mark>");
            pos = ce;
        }

        Append(sb, text, pos, end, ellipsis);
        if (ellipsis && end < text.Length)
        {
            sb.Append('…');
        }

        return sb.ToString();
    }

    private static void Append(StringBuilder sb, string text, int from, int to, bool flattenLines)
    {
        if (to <= from)
        {
            return;
        }

        var piece = text[from..to];
        if (flattenLines)
        {
            piece = piece.Replace('\n', ' ').Replace('\r', ' ');
        }

        foreach (var c in piece)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&#39;"),
                _ => sb.Append(c),
            };
        }
    }
}
