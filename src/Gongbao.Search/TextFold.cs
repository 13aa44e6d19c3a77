using System.Collections.Frozen;

namespace Gongbao.Search;

/// <summary>
/// Length-preserving folding used to find query terms in stored text: full-width ASCII to half-width,
/// ideographic space to space, lower case, and the one-character variants of <see cref="SearchVariants"/>
/// (釆 → 采). Positions in the folded string are positions in the original.
/// </summary>
public static class TextFold
{
    private static readonly FrozenDictionary<char, char> Variants = SearchVariants.Pairs
        .Where(p => p.Variant.Length == 1 && p.Standard.Length == 1)
        .Select(p => KeyValuePair.Create(p.Variant[0], p.Standard[0]))
        .Concat(SearchVariants.Traditional.Where(t => !SearchVariants.Pairs.Any(p => p.Variant.Length == 1 && p.Variant[0] == t.Key)))
        .ToFrozenDictionary();

    // Variant lookups as a flat table over the BMP: folding runs over whole stored texts for every snippet.
    private static readonly char[] VariantTable = BuildTable();

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        foreach (var (from, to) in Variants)
        {
            table[from] = to;
        }

        return table;
    }

    public static char Fold(char c)
    {
        if (c >= '\u3400' && VariantTable[c] is var standard && standard != '\0')
        {
            return standard;
        }

        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }
        else if (c == '\u3000')
        {
            c = ' ';
        }

        // Han ideographs have no case: skip the culture tables (ICU, per character) for the bulk of gazette text.
        return c is >= '\u3400' and <= '\u9FFF' ? c : char.ToLowerInvariant(c);
    }

    public static string Fold(string s) => string.Create(s.Length, s, static (span, src) =>
    {
        for (var i = 0; i < src.Length; i++)
        {
            span[i] = Fold(src[i]);
        }
    });
}
