namespace Gongbao.Parsing.Text;

/// <summary>Character classes used by the recognisers.</summary>
public static class CjkText
{
    public static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\uf900' and <= '\ufaff';

    /// <summary>CJK ideographs and CJK/full-width punctuation (where a space next to it is never meaningful).</summary>
    public static bool IsCjkOrCjkPunctuation(char c) =>
        IsCjk(c) || c is >= '\u3000' and <= '\u303f' or >= '\uff00' and <= '\uffef' or '“' or '”' or '‘' or '’' or '—' or '…' or '·';

    /// <summary>Ends a sentence or a clause that a page break cannot have cut.</summary>
    public static bool IsTerminalPunctuation(char c) => c is '。' or '；' or ';' or '！' or '!' or '？' or '?' or '：' or ':' or '…';

    public static bool IsSpace(char c) => c is ' ' or '\t' or '\u3000' or '\u00a0';

    /// <summary>Removes every space between two CJK characters or CJK punctuation (letter spacing, stray breaks).</summary>
    public static string RemoveSpacesAroundCjk(string text)
    {
        if (text.AsSpan().IndexOfAny(' ', '\u3000', '\u00a0') < 0)
        {
            return text.Trim();
        }

        var sb = new System.Text.StringBuilder(text.Length);
        var t = text.Trim();
        for (var i = 0; i < t.Length; i++)
        {
            var c = t[i];
            if (c is ' ' or '\u3000' or '\u00a0')
            {
                var prev = sb.Length > 0 ? sb[^1] : ' ';
                var j = i;
                while (j < t.Length && t[j] is ' ' or '\u3000' or '\u00a0')
                {
                    j++;
                }

                var next = j < t.Length ? t[j] : ' ';
                if (!IsCjkOrCjkPunctuation(prev) && !IsCjkOrCjkPunctuation(next) && prev != ' ')
                {
                    sb.Append(' ');
                }

                i = j - 1;
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
