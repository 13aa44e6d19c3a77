using Gongbao.Domain;
using Gongbao.Storage;

namespace Gongbao.Citations;

/// <summary>What a citation points at: the document (or the instrument it issues) and, when cited, the provision.</summary>
public sealed record ResolvedCitation
{
    public required string DocumentId { get; init; }

    public required string DocumentTitle { get; init; }

    public required string IssueId { get; init; }

    /// <summary>The instrument (办法, 措施…) the citation named, when it named one rather than the notice.</summary>
    public string? InstrumentId { get; init; }

    public string? ProvisionId { get; init; }

    /// <summary>Printed labels from the article down, e.g. 第十四条 (一).</summary>
    public string? Label { get; init; }

    public string? Heading { get; init; }

    /// <summary>The cited provision's text with its sub-units; the document text when no provision was cited.</summary>
    public required string Text { get; init; }
}

public sealed record CitationResolution(string Query, Citation? Citation, ResolvedCitation? Result, string? Error)
{
    public bool Resolved => Result is not null;
}

/// <summary>
/// Resolves citations against the store: a document number through <see cref="IGazetteStore.FindDocument"/>,
/// a title through a <see cref="TitleIndex"/> built from the stored documents, then the provision path
/// by printed numbers (第八条 is the article printed as 第八条, wherever its ordinal ID lands).
/// </summary>
public sealed class CitationResolver(IGazetteStore store)
{
    private readonly object _gate = new();
    private TitleIndex? _titles;

    public TitleIndex Titles
    {
        get
        {
            lock (_gate)
            {
                return _titles ??= new TitleIndex(store.AllDocuments());
            }
        }
    }

    /// <summary>Forget the title index (after an ingest).</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _titles = null;
        }
    }

    public CitationResolution Resolve(string query, string? contextDocumentId = null)
    {
        var citation = Citation.Parse(query);
        if (citation is null)
        {
            return new CitationResolution(query, null, null, "Not a citation: expected a document number (京规自发〔2024〕122号) or a title, optionally followed by 第N条/第N款/第N项.");
        }

        var target = FindDocument(citation, contextDocumentId);
        if (target is null)
        {
            var what = citation.Number?.Canonical ?? $"《{citation.Title}》";
            return new CitationResolution(query, citation, null, $"No stored document matches {what}.");
        }

        var (witness, instrument) = target.Value;
        var doc = witness.Document;
        var scope = instrument is not null
            ? [instrument.Body]
            : new[] { doc.Body }.Concat(doc.Instruments.Select(i => i.Body)).ToArray();
        var result = new ResolvedCitation
        {
            DocumentId = doc.Id,
            DocumentTitle = (instrument ?? doc).TitleZh,
            IssueId = witness.IssueId,
            InstrumentId = instrument?.Id,
            Text = instrument?.Text is { Length: > 0 } t ? t : doc.Text,
        };
        if (citation.Article is null)
        {
            return new CitationResolution(query, citation, result, null);
        }

        var (provision, label, text, error) = FindProvision(scope, citation);
        if (provision is null)
        {
            return new CitationResolution(query, citation, null, $"{result.DocumentTitle} ({doc.Id}) has no {error}.");
        }

        return new CitationResolution(query, citation, result with
        {
            ProvisionId = provision.Id,
            Label = label,
            Heading = provision.Kind == ProvisionKind.Article ? provision.Heading : null,
            Text = text,
        }, null);
    }

    private (DocumentWitness Witness, GazetteDocument? Instrument)? FindDocument(Citation citation, string? contextDocumentId)
    {
        if (citation.Number is { } number)
        {
            var witnesses = store.FindDocument(number.Canonical);
            if (witnesses.Count > 0)
            {
                var w = witnesses[0];
                // A title next to the number may name the instrument (《…办法》（京建法〔2024〕12号）).
                var inst = citation.Title is { } t ? MatchInstrument(w.Document, t) : null;
                return (w, inst);
            }

            return null;
        }

        var title = citation.Title!;
        if (contextDocumentId is not null && IsSelfReference(title))
        {
            var ctx = store.FindDocument(contextDocumentId);
            if (ctx.Count > 0)
            {
                return (ctx[0], ctx[0].Document.Instruments.FirstOrDefault(i => i.TitleZh.EndsWith(title, StringComparison.Ordinal)));
            }
        }

        var entry = Titles.Find(title);
        if (entry is null)
        {
            return null;
        }

        var found = store.FindDocument(entry.DocumentId);
        var witness = found.FirstOrDefault(w => w.IssueId == entry.IssueId) ?? found.FirstOrDefault();
        if (witness is null)
        {
            return null;
        }

        return (witness, entry.InstrumentId is null ? null : witness.Document.Instruments.FirstOrDefault(i => i.Id == entry.InstrumentId));
    }

    /// <summary>《办法》《通知》… inside a document: the document's own instrument or itself.</summary>
    public static bool IsSelfReference(string title) => title.Length <= 4 && (title.StartsWith('本') || title is "办法" or "措施" or "方案" or "细则" or "意见" or "规定" or "通知" or "计划" or "规则" or "实施细则" or "实施意见" or "实施方案" or "管理办法");

    private static GazetteDocument? MatchInstrument(GazetteDocument doc, string title)
    {
        var n = TitleIndex.Normalize(title);
        return doc.Instruments.FirstOrDefault(i => TitleIndex.Normalize(i.TitleZh) == n);
    }

    private static (Provision? Provision, string? Label, string Text, string Error) FindProvision(Provision[] scope, Citation c)
    {
        var article = scope.SelectMany(r => r.DescendantsAndSelf())
            .FirstOrDefault(p => p.Kind == ProvisionKind.Article && p.Number == c.Article);
        if (article is null)
        {
            return (null, null, "", $"第{ChineseNumeral.Format(c.Article!.Value)}条");
        }

        var labels = new List<string> { article.Label ?? $"第{c.Article}条" };
        Provision current = article;
        IEnumerable<Provision> children = article.Children;
        string? text = null;
        if (c.Paragraph is { } para)
        {
            // 第一款 is the article's own lead paragraph (with the items that follow it); 第N款 the (N-1)th paragraph child.
            var segments = SplitParagraphs(article);
            if (para < 1 || para > segments.Count)
            {
                return (null, null, "", $"第{para}款 in {labels[0]}");
            }

            var (head, items) = segments[para - 1];
            labels.Add($"第{ChineseNumeral.Format(para)}款");
            current = head;
            children = items;
            text = string.Join('\n', new[] { head.Text }.Concat(items.Select(i => ProvisionRendering.PlainText(i, labelRoot: true))).Where(s => s.Length > 0));
        }

        if (c.Item is { } item)
        {
            var found = children.FirstOrDefault(p => p.Kind == ProvisionKind.Item && p.Number == item);
            if (found is null)
            {
                return (null, null, "", $"第{item}项 in {string.Concat(labels)}");
            }

            labels.Add($"第{ChineseNumeral.Format(item)}项");
            current = found;
            text = null;
            if (c.SubItem is { } sub)
            {
                var s = found.Children.FirstOrDefault(p => p.Kind == ProvisionKind.SubItem && p.Number == sub);
                if (s is null)
                {
                    return (null, null, "", $"第{sub}目 in {string.Concat(labels)}");
                }

                labels.Add($"第{ChineseNumeral.Format(sub)}目");
                current = s;
            }
        }

        return (current, string.Concat(labels), text ?? ProvisionRendering.PlainText(current), "");
    }

    private static List<(Provision Head, List<Provision> Items)> SplitParagraphs(Provision article)
    {
        var segments = new List<(Provision Head, List<Provision> Items)> { (article, []) };
        foreach (var child in article.Children)
        {
            if (child.Kind == ProvisionKind.Paragraph)
            {
                segments.Add((child, []));
            }
            else
            {
                segments[^1].Items.Add(child);
            }
        }

        return segments;
    }
}
