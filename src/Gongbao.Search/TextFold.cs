namespace Gongbao.Search;

/// <summary>
/// Length-preserving folding used to find query terms in stored text: full-width ASCII to half-width,
/// ideographic space to space, lower case. Positions in the folded string are positions in the original.
/// </summary>
public static class TextFold
{
    public static char Fold(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }
        else if (c == '\u3000')
        {
            c = ' ';
        }

        return char.ToLowerInvariant(c);
    }

    public static string Fold(string s) => string.Create(s.Length, s, static (span, src) =>
    {
        for (var i = 0; i < src.Length; i++)
        {
            span[i] = Fold(src[i]);
        }
    });
}
