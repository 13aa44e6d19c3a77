using Lucene.Net.Analysis.CharFilters;

namespace Gongbao.Search;

/// <summary>
/// The search form of printed text: known conversion slips and variant characters are mapped to the
/// standard form on both the index and the query side, so a search for 数据采集 finds 数据釆集 as printed
/// and 北京市广播电视局 finds an issue that prints 广播电视台局 throughout. Stored text stays as printed.
/// Entries are variant → standard; add one only when the variant never occurs as a correct form.
/// </summary>
public static class SearchVariants
{
    public static readonly IReadOnlyList<(string Variant, string Standard)> Pairs =
    [
        // OCR/conversion slips seen in gazette text.
        ("广播电视台局", "广播电视局"), // the agency is 广播电视局; 广播电视台 (the broadcaster) is untouched
        ("釆", "采"), // U+91C7 (biàn) printed for 采 (cǎi)

        // Traditional forms left in simplified text by conversion.
        ("門", "门"),
        ("們", "们"),
        ("業", "业"),
        ("國", "国"),
        ("會", "会"),
        ("關", "关"),
        ("發", "发"),
        ("經", "经"),
        ("區", "区"),
        ("議", "议"),
        ("規", "规"),
        ("辦", "办"),
    ];

    /// <summary>Length of the longest variant in <see cref="Pairs"/>.</summary>
    public static readonly int LongestVariant = Pairs.Max(p => p.Variant.Length);

    /// <summary>
    /// Traditional → simplified, one character each, from OpenCC's TSCharacters (Apache-2.0; regenerate
    /// with tools/gen-traditional-table.sh). Applied to queries and indexed text alike, so 幼兒園 finds 幼儿园.
    /// </summary>
    public static readonly IReadOnlyDictionary<char, char> Traditional = LoadTraditional();

    private static readonly NormalizeCharMap Map = Build();

    // Characters a mapping can start with: a text holding none of them is its own search form.
    private static readonly HashSet<char> MappedStarts = [.. Pairs.Select(p => p.Variant[0]).Concat(Traditional.Keys)];
    private static readonly char LowestMappedStart = MappedStarts.Min();

    private static Dictionary<char, char> LoadTraditional()
    {
        using var stream = typeof(SearchVariants).Assembly.GetManifestResourceStream("Gongbao.Search.traditional.tsv")
            ?? throw new InvalidOperationException("traditional.tsv resource missing from Gongbao.Search");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<char, char>();
        while (reader.ReadLine() is { } line)
        {
            // Characters outside the BMP cannot fold in place (TextFold keeps positions): left as printed.
            if (line.Length == 3 && line[1] == '\t')
            {
                map[line[0]] = line[2];
            }
        }

        return map;
    }

    private static NormalizeCharMap Build()
    {
        var builder = new NormalizeCharMap.Builder();
        var multi = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (variant, standard) in Pairs)
        {
            builder.Add(variant, standard);
            multi.Add(variant);
        }

        foreach (var (traditional, simplified) in Traditional)
        {
            if (!multi.Contains(traditional.ToString()))
            {
                builder.Add(traditional.ToString(), simplified.ToString());
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// Wraps a reader so analysis sees the search form. A text with nothing to map (nearly every field value of
    /// simplified text) is read as it is: the mapping filter would pass it through unchanged, offsets included, at the
    /// cost of its buffers for every field of every entry indexed.
    /// </summary>
    public static TextReader Filter(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var text = ReadAll(reader);
        return HasMapped(text) ? new MappingCharFilter(Map, new StringReader(text)) : new StringReader(text);
    }

    // By Read, the one method every reader implements (Lucene's reusable string reader answers ReadToEnd of "" with null).
    private static string ReadAll(TextReader reader)
    {
        var text = new System.Text.StringBuilder();
        var buffer = new char[1024];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }

    /// <summary>True when <paramref name="text"/> holds a character some mapping starts with.</summary>
    internal static bool HasMapped(string text)
    {
        foreach (var c in text)
        {
            if (c >= LowestMappedStart && MappedStarts.Contains(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The search form of a whole value (facet values such as issuer names, filters).</summary>
    public static string Normalize(string text)
    {
        foreach (var (variant, standard) in Pairs)
        {
            if (text.Contains(variant, StringComparison.Ordinal))
            {
                text = text.Replace(variant, standard, StringComparison.Ordinal);
            }
        }

        return Simplify(text);
    }

    /// <summary>Traditional characters replaced by their simplified form (same length).</summary>
    public static string Simplify(string text)
    {
        var chars = text.ToCharArray();
        var changed = false;
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] >= '\u3400' && Traditional.TryGetValue(chars[i], out var s))
            {
                chars[i] = s;
                changed = true;
            }
        }

        return changed ? new string(chars) : text;
    }
}
