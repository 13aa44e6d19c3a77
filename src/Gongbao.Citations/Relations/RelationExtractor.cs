using System.Text.RegularExpressions;

using Gongbao.Domain;
using Gongbao.Storage;

namespace Gongbao.Citations.Relations;

/// <summary>
/// Reads relations from the text of every provision of a document: each 《title》 (with the document number
/// printed after it, if any) is a mention; the wording around a chain of mentions gives the kind — a verb after
/// the chain (同时废止, 停止执行, 修改为, 印发) or a trigger before it (根据, 依据, 按照, 参照, 贯彻, 落实, 废止, 代替).
/// A mention with neither is not a relation. Targets resolve through the <see cref="CitationResolver"/>:
/// by number when one is printed (a printed number that is not stored stays external, never a title guess),
/// otherwise by title.
/// </summary>
public sealed partial class RelationExtractor(CitationResolver resolver)
{
    private static readonly (string Word, RelationKind Kind)[] Before =
    [
        ("根据", RelationKind.LegalBasis), ("依据", RelationKind.LegalBasis), ("依照", RelationKind.LegalBasis),
        ("按照", RelationKind.Cites), ("参照", RelationKind.Cites), ("遵照", RelationKind.Cites), ("比照", RelationKind.Cites),
        ("贯彻", RelationKind.Cites), ("落实", RelationKind.Cites),
        ("废止", RelationKind.Repeals), ("停止执行", RelationKind.Repeals),
        ("代替", RelationKind.Replaces), ("替代", RelationKind.Replaces), ("取代", RelationKind.Replaces),
        ("修改", RelationKind.Amends), ("修订", RelationKind.Amends),
    ];

    // A verb after the chain wins over a trigger before it: 根据…,《X》同时废止 repeals X.
    [GeneratedRegex(@"^[\s]{0,2}(?:同时|一并|均|予以|自即日起|即行)*\s*(?<verb>废止|停止执行|不再执行)")]
    private static partial Regex RepealAfter();

    [GeneratedRegex(@"^[^。；;，,]{0,30}?(?<verb>修改为|作如下修改|作出如下修改|修改如下)")]
    private static partial Regex AmendAfter();

    [GeneratedRegex(@"^\s*[，,]?\s*(?:现予以|现予|现|予以)?\s*(?<verb>印发)")]
    private static partial Regex IssueAfter();

    [GeneratedRegex(@"简称\s*[“""《〈](?<a>[^”""》〉]{1,20})[”""》〉]")]
    private static partial Regex Abbreviation();

    private const string ClauseBreaks = "，,。；;：:！？!?\n";

    public IReadOnlyList<Relation> Extract(DocumentWitness witness)
    {
        var doc = witness.Document;
        var abbreviations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in new[] { doc.Text }.Concat(doc.Instruments.Select(i => i.Text)))
        {
            foreach (Match m in Abbreviation().Matches(text))
            {
                abbreviations.Add(TitleIndex.Normalize(m.Groups["a"].Value));
            }
        }

        var ownTitles = new HashSet<string>(new[] { doc.TitleZh }.Concat(doc.Instruments.Select(i => i.TitleZh)).Select(TitleIndex.Normalize), StringComparer.Ordinal);
        var relations = new List<Relation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var roots = doc.Instruments.Select(i => (i.Body, Instrument: (GazetteDocument?)i)).Prepend((doc.Body, null));
        foreach (var (root, instrument) in roots)
        {
            var effective = instrument?.EffectiveFrom ?? doc.EffectiveFrom ?? doc.SignedOn;
            foreach (var (provision, article) in Walk(root, null))
            {
                if (!seen.Add(provision.Id) || provision.Text.IndexOf('《') < 0)
                {
                    continue;
                }

                foreach (var (kind, trigger, mention) in Read(provision.Text))
                {
                    var key = TitleIndex.Normalize(mention.Title);
                    // A printed number that is not the document's own settles it: the same title under another number is an earlier text.
                    var otherNumber = mention.Number is { } n && n.Canonical != doc.Number?.Canonical;
                    var isOwn = !otherNumber && (ownTitles.Contains(key)
                        || ownTitles.Any(t => t.EndsWith(key, StringComparison.Ordinal) && key.Length >= 6)
                        || (key.Length <= 4 && ownTitles.Any(t => t.Contains(key, StringComparison.Ordinal))));
                    if (kind != RelationKind.Issues && (isOwn || abbreviations.Contains(key) || CitationResolver.IsSelfReference(mention.Title)))
                    {
                        // The document's own title, 《办法》 or a name it defines (以下简称《目录》) is not another document.
                        continue;
                    }

                    relations.Add(Build(kind, trigger, mention, doc, instrument, provision, article, effective));
                }
            }
        }

        // A notice issues its instruments even where the issuing sentence does not quote the title.
        foreach (var inst in doc.Instruments)
        {
            var key = TitleIndex.Normalize(inst.TitleZh);
            if (!relations.Any(r => r.Kind == RelationKind.Issues && r.TargetInstrumentId == inst.Id))
            {
                relations.Add(new Relation
                {
                    Kind = RelationKind.Issues,
                    SourceDocumentId = doc.Id,
                    SourceProvisionId = doc.Body.Id,
                    SourceEffectiveFrom = doc.EffectiveFrom ?? doc.SignedOn,
                    Printed = $"《{inst.TitleZh}》",
                    Title = inst.TitleZh,
                    TargetKey = key,
                    TargetDocumentId = doc.Id,
                    TargetInstrumentId = inst.Id,
                    Trigger = "印发",
                });
            }
        }

        return relations;
    }

    private Relation Build(RelationKind kind, string trigger, Mention m, GazetteDocument doc, GazetteDocument? instrument, Provision provision, int? article, DateOnly? effective)
    {
        string? targetDoc = null, targetInst = null;
        if (kind == RelationKind.Issues && doc.Instruments.FirstOrDefault(i => TitleIndex.Normalize(i.TitleZh) == TitleIndex.Normalize(m.Title)) is { } own)
        {
            (targetDoc, targetInst) = (doc.Id, own.Id);
        }
        else
        {
            // A printed number decides: when it is not stored the target is external, not the nearest title.
            if (ResolveTarget(resolver, m.Title, m.Number?.Canonical) is { } found && found.Document != doc.Id)
            {
                (targetDoc, targetInst) = found;
            }
        }

        return new Relation
        {
            Kind = kind,
            SourceDocumentId = doc.Id,
            SourceInstrumentId = instrument?.Id,
            SourceProvisionId = provision.Id,
            SourceArticle = article,
            SourceEffectiveFrom = effective,
            Printed = m.Printed,
            Title = m.Title,
            Number = m.Number?.Canonical,
            TargetKey = Relation.KeyOf(m.Title, m.Number),
            TargetDocumentId = targetDoc,
            TargetInstrumentId = targetInst,
            Trigger = trigger,
        };
    }

    /// <summary>
    /// The stored document (and instrument) a target names, as the citation resolver finds it: by number when one is
    /// printed (never a title guess then), otherwise by title. Without the resolver's suggestions for misses, which
    /// read the whole store: most targets are external.
    /// </summary>
    internal static (string Document, string? Instrument)? ResolveTarget(CitationResolver resolver, string? title, string? number)
    {
        if (number is not null)
        {
            return resolver.Store.FindDocument(number) is { Count: > 0 } found ? (found[0].Document.Id, null) : null;
        }

        return title is not null && resolver.Titles.Find(title) is { } entry ? (entry.DocumentId, entry.InstrumentId) : null;
    }

    private static IEnumerable<(Provision Provision, int? Article)> Walk(Provision p, int? article)
    {
        var here = p.Kind == ProvisionKind.Article ? p.Number : article;
        yield return (p, here);
        foreach (var c in p.Children)
        {
            foreach (var x in Walk(c, here))
            {
                yield return x;
            }
        }
    }

    /// <summary>A 《title》 with the number printed right after it, if any.</summary>
    internal readonly record struct Mention(int Start, int End, string Title, DocumentNumber? Number, string Printed);

    /// <summary>Kinds of every mention in a text, by chain; mentions with no wording that gives a kind are left out.</summary>
    internal static IEnumerable<(RelationKind Kind, string Trigger, Mention Mention)> Read(string text)
    {
        var mentions = Mentions(text);
        var i = 0;
        while (i < mentions.Count)
        {
            // A chain: mentions joined only by 、 和 及 与 or nothing (《A》《B》、《C》和《D》).
            var j = i;
            while (j + 1 < mentions.Count && IsJoin(text[mentions[j].End..mentions[j + 1].Start]))
            {
                j++;
            }

            var after = text[mentions[j].End..];
            (RelationKind Kind, string Trigger)? kind = null;
            if (RepealAfter().Match(after) is { Success: true } rep)
            {
                kind = (RelationKind.Repeals, rep.Value.Trim());
            }
            else if (AmendAfter().Match(after) is { Success: true } am)
            {
                kind = (RelationKind.Amends, am.Groups["verb"].Value);
            }
            else if (IssueAfter().Match(after) is { Success: true })
            {
                kind = (RelationKind.Issues, "印发");
            }

            for (var k = i; k <= j; k++)
            {
                // Each member may carry its own trigger (依据《A》、按照《B》); otherwise it takes the chain's.
                var chosen = kind
                    ?? TriggerBefore(text, k == i ? Floor(mentions, i) : mentions[k - 1].End, mentions[k].Start)
                    ?? (k > i ? TriggerBefore(text, Floor(mentions, i), mentions[i].Start) : null);

                if (chosen is { } c)
                {
                    yield return (c.Kind, c.Trigger, mentions[k]);
                }
            }

            i = j + 1;
        }
    }

    private static int Floor(List<Mention> mentions, int i) => i == 0 ? 0 : mentions[i - 1].End;

    /// <summary>Mentions joined by 、 和 及 与 or nothing, where the next may carry its issuer (、住房和城乡建设部《…》).</summary>
    private static bool IsJoin(string gap)
    {
        var g = gap.Trim().Replace("以及", "和", StringComparison.Ordinal);
        return g.Length == 0
            || ("、和及与".Contains(g[0], StringComparison.Ordinal) && g.Length <= 16 && g.IndexOfAny((ClauseBreaks + "《》").ToCharArray()) < 0);
    }

    /// <summary>
    /// The last trigger word in the clause before a mention, within 40 characters: issuers may stand between
    /// (根据国家广播电视总局、工业和信息化部、…北京市人民政府《…》).
    /// </summary>
    private static (RelationKind Kind, string Trigger)? TriggerBefore(string text, int floor, int start)
    {
        var from = Math.Max(floor, start - 40);
        var window = text[from..start];
        var cut = window.LastIndexOfAny(ClauseBreaks.ToCharArray());
        if (cut >= 0)
        {
            window = window[(cut + 1)..];
        }

        (RelationKind Kind, string Trigger)? best = null;
        var bestAt = -1;
        foreach (var (word, kind) in Before)
        {
            var at = window.LastIndexOf(word, StringComparison.Ordinal);
            if (at > bestAt || (at == bestAt && at >= 0 && word.Length > best!.Value.Trigger.Length))
            {
                (best, bestAt) = ((kind, word), at);
            }
        }

        return best;
    }

    internal static List<Mention> Mentions(string text)
    {
        var list = new List<Mention>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '《')
            {
                continue;
            }

            // Titles nest (《关于印发〈…《…》…〉的通知》): match the closing 》 at depth zero.
            var depth = 0;
            var close = -1;
            for (var k = i; k < text.Length && k - i < 200; k++)
            {
                if (text[k] == '《')
                {
                    depth++;
                }
                else if (text[k] == '》' && --depth == 0)
                {
                    close = k;
                    break;
                }
            }

            if (close < 0)
            {
                continue;
            }

            var title = text[(i + 1)..close].Trim();
            var end = close + 1;
            DocumentNumber? number = null;
            var k2 = end;
            while (k2 < text.Length && text[k2] == ' ')
            {
                k2++;
            }

            if (k2 < text.Length && text[k2] is '(' or '（')
            {
                var shut = text.IndexOfAny([')', '）'], k2);
                if (shut > 0 && shut - k2 <= 40)
                {
                    var inner = text[(k2 + 1)..shut];
                    if (inner.StartsWith("附件", StringComparison.Ordinal))
                    {
                        // 《记分标准》(附件7): the document's own attachment.
                        i = close;
                        continue;
                    }

                    if (DocumentNumber.Find(inner) is { } n && n.Printed.Length >= inner.Trim().Length - 1)
                    {
                        number = n;
                        end = shut + 1;
                    }
                }
            }

            if (title.Length >= 2)
            {
                list.Add(new Mention(i, end, title, number, text[i..end]));
            }

            i = close;
        }

        return list;
    }
}
