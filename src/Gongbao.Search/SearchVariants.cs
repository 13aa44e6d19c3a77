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

    private static readonly NormalizeCharMap Map = Build();

    private static NormalizeCharMap Build()
    {
        var builder = new NormalizeCharMap.Builder();
        foreach (var (variant, standard) in Pairs)
        {
            builder.Add(variant, standard);
        }

        return builder.Build();
    }

    /// <summary>Wraps a reader so analysis sees the search form.</summary>
    public static TextReader Filter(TextReader reader) => new MappingCharFilter(Map, reader);

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

        return text;
    }
}
