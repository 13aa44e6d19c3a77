using System.Text;

namespace Gongbao.Parsing.Text;

/// <summary>
/// Folds text into a matching key: full-width ASCII to half-width, bracket and quote variants unified,
/// dash variants unified, all whitespace removed. Only for comparing; printed text is never folded.
/// </summary>
public static class TextFold
{
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var f = FoldChar(c);
            if (f != '\0')
            {
                sb.Append(f);
            }
        }

        return sb.ToString();
    }

    /// <summary>Width folding only (keeps spaces): ０-９Ａ-Ｚ（） → 0-9A-Z().</summary>
    public static string FoldWidth(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c == '\u3000' ? ' ' : FoldWidthChar(c));
        }

        return sb.ToString();
    }

    public static char FoldWidthChar(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;

    private static char FoldChar(char c)
    {
        if (char.IsWhiteSpace(c) || c == '\u200b' || c == '\ufeff')
        {
            return '\0';
        }

        c = FoldWidthChar(c);
        return c switch
        {
            '〔' or '【' or '［' or '[' => '[',
            '〕' or '】' or '］' or ']' => ']',
            '“' or '”' or '„' or '"' or '「' or '」' => '"',
            '‘' or '’' or '\'' => '\'',
            '—' or '–' or '－' or '‐' or '‑' or '―' => '-',
            '〈' or '<' => '<',
            '〉' or '>' => '>',
            '，' => ',',
            '﹒' or '．' => '.',
            _ => c,
        };
    }
}
