using System.Text;

using Gongbao.Domain;
using Gongbao.Storage;

namespace Gongbao.Citations;

/// <summary>A document or instrument title known to the store.</summary>
public sealed record TitleEntry(string Title, string DocumentId, string? InstrumentId, string IssueId);

/// <summary>
/// Where a source's titles stand among equally good matches: the store's witness order (gazette issues before
/// standalone texts, newest first, then by ID), as <c>RelationalGazetteStore.WitnessOrder</c> sorts sources and so
/// <see cref="IGazetteStore.Titles"/> lists them. Kept by the ingest's in-memory title index, which places a new
/// source where the store will list it. IDs compare ordinally (SQLite's binary collation).
/// </summary>
public readonly record struct SourceOrder(int KindRank, int Year, int Number, string Id) : IComparable<SourceOrder>
{
    public static SourceOrder Of(string id, SourceKind kind, int? year, int? number) =>
        new(kind == SourceKind.Issue ? 0 : 1, year ?? 0, number ?? 0, id);

    public int CompareTo(SourceOrder other)
    {
        var c = KindRank.CompareTo(other.KindRank);
        if (c == 0)
        {
            c = other.Year.CompareTo(Year);
        }

        if (c == 0)
        {
            c = other.Number.CompareTo(Number);
        }

        return c != 0 ? c : string.CompareOrdinal(Id, other.Id);
    }
}

/// <summary>
/// Finds documents by title as people cite them: exact, with or without (试行)/(暂行), with the place
/// name dropped or otherwise shortened (the cited title is the end or a part of the printed one).
/// Instruments (the 办法 a notice issues) are indexed under their own titles. Among equally good matches the
/// instrument wins, then the shorter title, then the title listed first.
/// </summary>
public sealed class TitleIndex
{
    private static readonly string[] Qualifiers = ["(试行)", "(暂行)", "(修订)", "(修订版)", "(征求意见稿)"];

    /// <summary>A cited title this long or longer (without qualifiers) may be the end or a part of a printed one.</summary>
    internal const int MinPartLength = 6;

    // Part and suffix matches look only at titles holding the cited title's rarest 4-character gram, not at every title.
    private const int GramLength = 4;

    private readonly Dictionary<string, List<Item>> _byNormalized = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Item>> _byBare = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, List<Item>> _byGram = [];
    private readonly Dictionary<string, SourceTitles> _bySource = new(StringComparer.Ordinal);

    public TitleIndex(IEnumerable<StoredTitle> titles)
    {
        var seq = 0;
        foreach (var t in titles)
        {
            Add(new TitleEntry(t.TitleZh, t.DocumentId, t.InstrumentId, t.IssueId), default, seq++);
        }
    }

    public TitleIndex(IEnumerable<DocumentWitness> witnesses)
    {
        var seq = 0;
        foreach (var w in witnesses)
        {
            Add(new TitleEntry(w.Document.TitleZh, w.Document.Id, null, w.IssueId), default, seq++);
            foreach (var inst in w.Document.Instruments)
            {
                Add(new TitleEntry(inst.TitleZh, w.Document.Id, inst.Id, w.IssueId), default, seq++);
            }
        }
    }

    /// <summary>An empty index filled source by source (<see cref="ReplaceSource"/>), ordered by <see cref="SourceOrder"/>.</summary>
    internal TitleIndex()
    {
    }

    public int Count { get; private set; }

    // A class, not a record: postings remove an item by reference.
    internal sealed class Item(string normalized, string bare, TitleEntry entry, SourceOrder order, int seq)
    {
        public string Normalized { get; } = normalized;

        public string Bare { get; } = bare;

        public TitleEntry Entry { get; } = entry;

        public SourceOrder Order { get; } = order;

        public int Seq { get; } = seq;
    }

    /// <summary>What one source contributed, to take it out again.</summary>
    internal sealed record SourceTitles(SourceOrder Order, IReadOnlyList<StoredTitle> Titles, List<Item> Items);

    private Item? Add(TitleEntry e, SourceOrder order, int seq)
    {
        var n = Normalize(e.Title);
        if (n.Length == 0)
        {
            return null;
        }

        var item = new Item(n, StripQualifiers(n), e, order, seq);
        Posting(_byNormalized, item.Normalized).Add(item);
        Posting(_byBare, item.Bare).Add(item);
        foreach (var gram in Grams(item.Bare))
        {
            Posting(_byGram, gram).Add(item);
        }

        Count++;
        return item;
    }

    private void Remove(Item item)
    {
        _byNormalized[item.Normalized].Remove(item);
        _byBare[item.Bare].Remove(item);
        foreach (var gram in Grams(item.Bare))
        {
            _byGram[gram].Remove(item);
        }

        Count--;
    }

    /// <summary>
    /// Puts <paramref name="titles"/> (in <see cref="IGazetteStore.Titles"/> order) in place of whatever the source
    /// contributed before, listed at <paramref name="order"/>; returns the previous contribution for <see cref="Restore"/>.
    /// </summary>
    internal SourceTitles? ReplaceSource(string issueId, SourceOrder order, IReadOnlyList<StoredTitle> titles)
    {
        var previous = _bySource.GetValueOrDefault(issueId);
        if (previous is not null)
        {
            previous.Items.ForEach(Remove);
        }

        var items = new List<Item>(titles.Count);
        for (var i = 0; i < titles.Count; i++)
        {
            var t = titles[i];
            if (Add(new TitleEntry(t.TitleZh, t.DocumentId, t.InstrumentId, issueId), order, i) is { } item)
            {
                items.Add(item);
            }
        }

        _bySource[issueId] = new SourceTitles(order, titles, items);
        return previous;
    }

    /// <summary>Undoes a <see cref="ReplaceSource"/>: the source's titles are <paramref name="previous"/> again (none when null).</summary>
    internal void Restore(string issueId, SourceTitles? previous)
    {
        if (_bySource.Remove(issueId, out var current))
        {
            current.Items.ForEach(Remove);
        }

        if (previous is not null)
        {
            ReplaceSource(issueId, previous.Order, previous.Titles);
        }
    }

    /// <summary>The best match for a cited title, or null. Instruments win over the notices that issue them.</summary>
    public TitleEntry? Find(string citedTitle)
    {
        var c = Normalize(citedTitle);
        if (c.Length < 2)
        {
            return null;
        }

        var bare = StripQualifiers(c);
        return Best(_byNormalized.GetValueOrDefault(c), static (_, _) => true, bare)
            ?? Best(_byBare.GetValueOrDefault(bare), static (_, _) => true, bare)
            ?? (bare.Length >= MinPartLength ? Best(Candidates(bare), static (e, b) => e.Bare.EndsWith(b, StringComparison.Ordinal), bare) : null)
            ?? (bare.Length >= MinPartLength ? Best(Candidates(bare), static (e, b) => e.Bare.Contains(b, StringComparison.Ordinal) && !IsIssuingNotice(e.Normalized, b), bare) : null);
    }

    // "关于印发《X》的通知" contains X but is not X: the instrument entry is the better target.
    private static bool IsIssuingNotice(string title, string cited) => title.Contains('《') && title.Contains(cited, StringComparison.Ordinal);

    /// <summary>Titles that may contain <paramref name="bare"/>: those holding its rarest gram (every gram, if it is contained).</summary>
    private List<Item>? Candidates(string bare)
    {
        List<Item>? rarest = null;
        foreach (var gram in Grams(bare))
        {
            if (!_byGram.TryGetValue(gram, out var posting) || posting.Count == 0)
            {
                return null;
            }

            if (rarest is null || posting.Count < rarest.Count)
            {
                rarest = posting;
            }
        }

        return rarest;
    }

    private static TitleEntry? Best(List<Item>? items, Func<Item, string, bool> predicate, string bare)
    {
        Item? best = null;
        foreach (var item in items ?? [])
        {
            if (predicate(item, bare) && (best is null || Precedes(item, best)))
            {
                best = item;
            }
        }

        return best?.Entry;
    }

    private static bool Precedes(Item a, Item b)
    {
        var c = (a.Entry.InstrumentId is null ? 1 : 0).CompareTo(b.Entry.InstrumentId is null ? 1 : 0);
        if (c == 0)
        {
            c = a.Normalized.Length.CompareTo(b.Normalized.Length);
        }

        if (c == 0)
        {
            c = a.Order.CompareTo(b.Order);
        }

        return c != 0 ? c < 0 : a.Seq < b.Seq;
    }

    /// <summary>The distinct 4-character grams of a title long enough to hold a part match.</summary>
    private static HashSet<ulong> Grams(string bare)
    {
        var grams = new HashSet<ulong>();
        if (bare.Length < MinPartLength)
        {
            return grams;
        }

        for (var i = 0; i + GramLength <= bare.Length; i++)
        {
            grams.Add(((ulong)bare[i] << 48) | ((ulong)bare[i + 1] << 32) | ((ulong)bare[i + 2] << 16) | bare[i + 3]);
        }

        return grams;
    }

    private static List<Item> Posting<TKey>(Dictionary<TKey, List<Item>> map, TKey key)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        return list;
    }

    /// <summary>Dice coefficient of character bigrams (0..1): how alike two normalised titles are, for suggestions.</summary>
    public static double Likeness(string a, string b)
    {
        if (a.Length < 2 || b.Length < 2)
        {
            return a == b ? 1 : 0;
        }

        var grams = new Dictionary<(char, char), int>();
        for (var i = 0; i + 1 < a.Length; i++)
        {
            grams[(a[i], a[i + 1])] = grams.GetValueOrDefault((a[i], a[i + 1])) + 1;
        }

        var shared = 0;
        for (var i = 0; i + 1 < b.Length; i++)
        {
            if (grams.TryGetValue((b[i], b[i + 1]), out var n) && n > 0)
            {
                grams[(b[i], b[i + 1])] = n - 1;
                shared++;
            }
        }

        return 2.0 * shared / (a.Length - 1 + b.Length - 1);
    }

    /// <summary>Width-folded, without spaces or quotes, one kind of bracket and dash.</summary>
    public static string Normalize(string title)
    {
        var sb = new StringBuilder(title.Length);
        foreach (var ch in title)
        {
            var c = ch is >= '\uFF01' and <= '\uFF5E' ? (char)(ch - 0xFEE0) : ch;
            if (char.IsWhiteSpace(c) || c is '“' or '”' or '"' or '‘' or '’')
            {
                continue;
            }

            sb.Append(c switch
            {
                '〔' or '[' or '【' => '(',
                '〕' or ']' or '】' => ')',
                '—' or '–' or '－' or '~' or '～' or '至' when sb.Length > 0 && char.IsDigit(sb[^1]) || sb.Length > 0 && sb[^1] == '年' => '-',
                _ => c,
            });
        }

        return sb.ToString();
    }

    /// <summary>The normalised title without a trailing (试行), (暂行)… qualifier.</summary>
    internal static string StripQualifiers(string normalized)
    {
        foreach (var q in Qualifiers)
        {
            if (normalized.EndsWith(q, StringComparison.Ordinal))
            {
                return normalized[..^q.Length];
            }
        }

        return normalized;
    }
}
