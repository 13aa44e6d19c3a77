using System.Text;

using Gongbao.Domain;
using Gongbao.Storage;

namespace Gongbao.Citations;

/// <summary>A document or instrument title known to the store.</summary>
public sealed record TitleEntry(string Title, string DocumentId, string? InstrumentId, string IssueId);

/// <summary>
/// Finds documents by title as people cite them: exact, with or without (试行)/(暂行), with the place
/// name dropped or otherwise shortened (the cited title is the end or a part of the printed one).
/// Instruments (the 办法 a notice issues) are indexed under their own titles.
/// </summary>
public sealed class TitleIndex
{
    private static readonly string[] Qualifiers = ["(试行)", "(暂行)", "(修订)", "(修订版)", "(征求意见稿)"];
    private readonly List<(string Normalized, string Bare, TitleEntry Entry)> _entries = [];

    public TitleIndex(IEnumerable<StoredTitle> titles)
    {
        foreach (var t in titles)
        {
            Add(new TitleEntry(t.TitleZh, t.DocumentId, t.InstrumentId, t.IssueId));
        }
    }

    public TitleIndex(IEnumerable<DocumentWitness> witnesses)
    {
        foreach (var w in witnesses)
        {
            Add(new TitleEntry(w.Document.TitleZh, w.Document.Id, null, w.IssueId));
            foreach (var inst in w.Document.Instruments)
            {
                Add(new TitleEntry(inst.TitleZh, w.Document.Id, inst.Id, w.IssueId));
            }
        }
    }

    public int Count => _entries.Count;

    private void Add(TitleEntry e)
    {
        var n = Normalize(e.Title);
        if (n.Length > 0)
        {
            _entries.Add((n, StripQualifiers(n), e));
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
        return Best(e => e.Normalized == c)
            ?? Best(e => e.Bare == bare)
            ?? (bare.Length >= 6 ? Best(e => e.Bare.EndsWith(bare, StringComparison.Ordinal)) : null)
            ?? (bare.Length >= 6 ? Best(e => e.Bare.Contains(bare, StringComparison.Ordinal) && !IsIssuingNotice(e.Normalized, bare)) : null);
    }

    // "关于印发《X》的通知" contains X but is not X: the instrument entry is the better target.
    private static bool IsIssuingNotice(string title, string cited) => title.Contains('《') && title.Contains(cited, StringComparison.Ordinal);

    private TitleEntry? Best(Func<(string Normalized, string Bare, TitleEntry Entry), bool> predicate) =>
        _entries.Where(predicate)
            .OrderBy(e => e.Entry.InstrumentId is null ? 1 : 0)
            .ThenBy(e => e.Normalized.Length)
            .Select(e => e.Entry)
            .FirstOrDefault();

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

    private static string StripQualifiers(string normalized)
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
