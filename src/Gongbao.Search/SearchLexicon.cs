using System.Text.RegularExpressions;

using Gongbao.Domain;

namespace Gongbao.Search;

/// <summary>
/// The domain dictionary of the indexed corpus: words that query segmentation keeps whole (article
/// headings/条旨, issuer names, terms a document defines) and abbreviations with their full forms
/// (harvested from "（以下简称“…”）" plus <see cref="Curated"/>). Harvested per document at index time
/// (<see cref="Harvest"/>) and read back from the index when a searcher opens, so it follows the content.
/// </summary>
public sealed partial class SearchLexicon
{
    /// <summary>
    /// Abbreviations in common use that the gazettes rarely define: the short forms Beijing's own
    /// agencies and the national 医保/社保 administrations use for themselves (hand-curated; each full form is
    /// the name as printed in gazette text).
    /// </summary>
    public static readonly IReadOnlyList<(string Short, string Full)> Curated =
    [
        ("医保", "医疗保险"),
        ("社保", "社会保险"),
        ("公积金", "住房公积金"),
        ("规自委", "规划和自然资源委员会"),
        ("规自", "规划自然资源"),
        ("发改委", "发展和改革委员会"),
        ("住建委", "住房和城乡建设委员会"),
        ("住建", "住房和城乡建设"),
        ("人社局", "人力资源和社会保障局"),
        ("人社", "人力资源和社会保障"),
        ("市监局", "市场监督管理局"),
        ("经信局", "经济和信息化局"),
        ("广电局", "广播电视局"),
        ("卫健委", "卫生健康委员会"),
        ("教委", "教育委员会"),
        ("非遗", "非物质文化遗产"),
    ];

    /// <summary>Full forms that are too generic to expand to (a document calling itself 本办法).</summary>
    private static readonly HashSet<string> GenericShortForms = new(StringComparer.Ordinal)
    {
        "办法", "本办法", "通知", "意见", "规定", "细则", "方案", "规划", "条例", "决定", "本规定", "本细则", "本方案", "本意见",
    };

    public static readonly SearchLexicon Empty = new([], []);

    public SearchLexicon(IEnumerable<string> words, IEnumerable<(string Short, string Full)> abbreviations)
    {
        Words = new HashSet<string>(words.Select(SearchVariants.Normalize).Where(w => w.Length is >= 2 and <= 16), StringComparer.Ordinal);
        var expansions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (shortForm, full) in Curated.Concat(abbreviations))
        {
            var s = SearchVariants.Normalize(shortForm);
            var f = SearchVariants.Normalize(full);
            // A full form containing the short form is found by the short form already: expanding only costs time.
            if (s == f || s.Length < 2 || GenericShortForms.Contains(s) || f.Contains(s, StringComparison.Ordinal))
            {
                continue;
            }

            var list = expansions.TryGetValue(s, out var l) ? l : expansions[s] = [];
            if (!list.Contains(f) && list.Count < 4)
            {
                list.Add(f);
            }

            Words.Add(s);
        }

        Abbreviations = expansions.ToDictionary(kv => kv.Key, IReadOnlyList<string> (kv) => kv.Value, StringComparer.Ordinal);
        MaxWordLength = Words.Count == 0 ? 0 : Words.Max(w => w.Length);
    }

    public HashSet<string> Words { get; }

    /// <summary>Short form → full forms (search form, i.e. simplified and slip-corrected).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Abbreviations { get; }

    public int MaxWordLength { get; }

    /// <summary>Query terms already split with this lexicon (bounded by <see cref="QuerySegmenter"/>).</summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>> Segmentations { get; } = new(StringComparer.Ordinal);

    /// <summary>Separator between short and full form in the indexed abbreviation term.</summary>
    public const char PairSeparator = '\u0001';

    /// <summary>Lexicon words and abbreviation pairs one document contributes.</summary>
    public static (List<string> Words, List<(string Short, string Full)> Abbreviations) Harvest(GazetteDocument doc)
    {
        var words = new List<string>();
        var abbreviations = new List<(string, string)>();
        foreach (var d in doc.Instruments.Prepend(doc))
        {
            foreach (var issuer in d.Issuers)
            {
                words.Add(issuer);
            }

            foreach (var p in d.Body.DescendantsAndSelf())
            {
                if (p.Heading is { Length: >= 2 and <= 12 } heading)
                {
                    words.Add(heading);
                }
            }
        }

        var text = SearchDocumentBuilder.DocumentText(doc);
        // Every match contains （以下 or (以下; the regex tries up to 60 characters at every position, so texts without it skip it.
        var definitions = text.Contains("（以下", StringComparison.Ordinal) || text.Contains("(以下", StringComparison.Ordinal)
            ? DefinedTerm().Matches(text)
            : null;
        foreach (Match m in definitions ?? (IEnumerable<Match>)[])
        {
            var shortForm = m.Groups["short"].Value.Trim();
            var full = FullForm(m.Groups["full"].Value, shortForm);
            if (shortForm.Length is >= 2 and <= 12 && full.Length >= 2 && full.Length <= 40)
            {
                words.Add(shortForm);
                words.Add(full);
                abbreviations.Add((shortForm, full));
            }
        }

        return (words, abbreviations);
    }

    // The phrase before "（以下简称…）": back to the last punctuation, then from the first character the
    // short form starts with (北京市规划和自然资源委员会 → 市规划自然资源委 keeps 市规划和自然资源委员会) or past a
    // leading preposition (对本市…相对人 → 本市…相对人).
    private static string FullForm(string before, string shortForm)
    {
        var start = before.Length;
        while (start > 0 && !IsBoundary(before[start - 1]))
        {
            start--;
        }

        var phrase = before[start..];
        var called = phrase.IndexOf("所称", StringComparison.Ordinal);
        if (called >= 0)
        {
            // 本办法所称的住宅工程质量分户验收 → 住宅工程质量分户验收
            phrase = phrase[(called + 2)..].TrimStart('的');
        }

        var first = phrase.IndexOf(shortForm[0], StringComparison.Ordinal);
        if (first > 0 && phrase.Length - first > shortForm.Length)
        {
            return phrase[first..];
        }

        foreach (var lead in LeadingPrepositions)
        {
            if (phrase.StartsWith(lead, StringComparison.Ordinal) && phrase.Length > lead.Length + 1)
            {
                return phrase[lead.Length..];
            }
        }

        return phrase;
    }

    private static readonly string[] LeadingPrepositions = ["根据", "按照", "依据", "对于", "对", "由", "在", "将", "与", "和", "及", "向", "经"];

    private static bool IsBoundary(char c) => char.IsPunctuation(c) || char.IsWhiteSpace(c) || c is '《' or '》' or '、';

    [GeneratedRegex(@"(?<full>[^，。；：、,;:\n]{2,60})[（(]以下(?:简称|称)[“""《「]?(?<short>[^”""》」）)]{1,12})[”""》」]?[）)]")]
    private static partial Regex DefinedTerm();
}
