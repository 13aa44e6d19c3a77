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

/// <summary>Why a citation did not resolve.</summary>
public enum CitationFailureKind
{
    /// <summary>Neither a document number, a title nor a stored ID.</summary>
    NotACitation,

    /// <summary>No stored document has the number, title or ID; <see cref="CitationFailure.Suggestions"/> lists the closest.</summary>
    DocumentNotFound,

    /// <summary>A part is not a positive number, or parts are out of order (第0条, 第2147483648条, 第二款 without its article).</summary>
    MalformedPart,

    /// <summary>The document has no such provision (第九十九条 of a 28-article document).</summary>
    OutOfRange,

    /// <summary>More than one provision carries the cited number in the cited scope.</summary>
    Ambiguous,
}

/// <summary>A document close to one that was cited but not found.</summary>
public sealed record DocumentSuggestion(string DocumentId, string Title, string? Number);

/// <summary>A typed failure: the reason, the part that failed, the valid range where there is one, and suggestions.</summary>
public sealed record CitationFailure(CitationFailureKind Kind, string Message)
{
    /// <summary>The part as written that failed (第0条), when one did.</summary>
    public string? Part { get; init; }

    /// <summary>What exists at that level, e.g. 第一条–第二十八条.</summary>
    public string? ValidRange { get; init; }

    public IReadOnlyList<DocumentSuggestion> Suggestions { get; init; } = [];
}

public sealed record CitationResolution(string Query, Citation? Citation, ResolvedCitation? Result, string? Error)
{
    public bool Resolved => Result is not null;

    /// <summary>Set exactly when <see cref="Result"/> is null.</summary>
    public CitationFailure? Failure { get; init; }

    internal static CitationResolution Fail(string query, Citation? citation, CitationFailure failure) =>
        new(query, citation, null, failure.Message) { Failure = failure };
}

/// <summary>
/// Resolves citations against the store: a document number through <see cref="IGazetteStore.FindDocument"/>,
/// a title through a <see cref="TitleIndex"/> built from the stored documents, a stored ID directly, then the
/// provision path by printed numbers (第八条 is the article printed as 第八条, wherever its ordinal ID lands).
/// Never resolves to something broader than cited: a part that is malformed, missing or ambiguous is a failure.
/// </summary>
public sealed class CitationResolver(IGazetteStore store)
{
    private readonly object _gate = new();
    private TitleIndex? _titles;

    /// <summary>Resolves against <paramref name="store"/> with a title index the caller keeps (an ingest run's, updated source by source).</summary>
    internal CitationResolver(IGazetteStore store, TitleIndex titles)
        : this(store) => _titles = titles;

    /// <summary>The store citations resolve against.</summary>
    public IGazetteStore Store => store;

    public TitleIndex Titles
    {
        get
        {
            lock (_gate)
            {
                return _titles ??= new TitleIndex(store.Titles());
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
            return CitationResolution.Fail(query, null, new CitationFailure(CitationFailureKind.NotACitation,
                "Not a citation: expected a document number (京规自发〔2024〕122号), a title or a stored ID (jingguizifa-2024-122/art-14), optionally followed by 第N条/第N款/第N项."));
        }

        if (citation.Id is { } id && citation.Parts.Count == 0 && id.Contains('/') && store.GetProvision(id) is { } hit)
        {
            return new CitationResolution(query, citation, FromProvisionId(hit), null);
        }

        var target = FindDocument(citation, contextDocumentId);
        if (target is null)
        {
            var what = citation.Id ?? citation.Number?.Canonical ?? $"《{citation.Title}》";
            var suggestions = Suggest(citation);
            var hint = suggestions.Count == 0 ? "" : " Closest: " + string.Join("; ", suggestions.Select(s => s.Number is null ? $"{s.Title} ({s.DocumentId})" : $"{s.Title} ({s.DocumentId}, {s.Number})")) + ".";
            return CitationResolution.Fail(query, citation, new CitationFailure(CitationFailureKind.DocumentNotFound, $"No stored document matches {what}.{hint}")
            {
                Suggestions = suggestions,
            });
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
        var where = $"{result.DocumentTitle} ({doc.Id})";
        if (citation.PathProblem is { } problem)
        {
            var bad = citation.ProblemPart ?? citation.Parts[0];
            var range = bad.Unit == '条' || citation.Article is null ? ArticleRange(scope) : null;
            return CitationResolution.Fail(query, citation, new CitationFailure(CitationFailureKind.MalformedPart,
                $"{problem}; {where} has {range ?? "articles as printed"}.")
            {
                Part = bad.Printed,
                ValidRange = range,
            });
        }

        if (citation.Article is null)
        {
            return new CitationResolution(query, citation, result, null);
        }

        var found = FindProvision(scope, citation);
        if (found.Failure is { } failure)
        {
            return CitationResolution.Fail(query, citation, failure with { Message = $"{where} has no {failure.Message}" });
        }

        return new CitationResolution(query, citation, result with
        {
            ProvisionId = found.Provision!.Id,
            Label = found.Label,
            Heading = found.Provision.Kind == ProvisionKind.Article ? found.Provision.Heading : null,
            Text = found.Text!,
        }, null);
    }

    private ResolvedCitation FromProvisionId(ProvisionHit hit)
    {
        // The hit names the instrument when the provision is in one; the citation names the document that prints it.
        var found = FindById(hit.DocumentId, hit.IssueId);
        var instrument = found?.Instrument;
        return new ResolvedCitation
        {
            DocumentId = found?.Witness.Document.Id ?? hit.DocumentId,
            DocumentTitle = instrument?.TitleZh ?? hit.DocumentTitle,
            IssueId = hit.IssueId,
            InstrumentId = instrument?.Id,
            ProvisionId = hit.Provision.Id,
            Label = hit.Provision.Label,
            Heading = hit.Provision.Kind == ProvisionKind.Article ? hit.Provision.Heading : null,
            Text = ProvisionRendering.PlainText(hit.Provision),
        };
    }

    /// <summary>Up to three stored documents closest to an unmatched citation: same issuer code first, then title likeness.</summary>
    private List<DocumentSuggestion> Suggest(Citation citation)
    {
        var docs = store.AllDocuments().GroupBy(w => w.Document.Id).Select(g => g.First().Document).ToList();
        IEnumerable<GazetteDocument> ranked;
        if (citation.Number is { } n)
        {
            ranked = docs.Where(d => d.Number?.IssuerCode == n.IssuerCode)
                .OrderBy(d => Math.Abs(d.Number!.Year - n.Year))
                .ThenBy(d => Math.Abs(d.Number!.Serial - n.Serial));
        }
        else
        {
            var cited = TitleIndex.Normalize(citation.Title ?? citation.Id ?? "");
            ranked = docs.Select(d => (Doc: d, Score: new[] { d.TitleZh }.Concat(d.Instruments.Select(i => i.TitleZh)).Max(t => TitleIndex.Likeness(cited, TitleIndex.Normalize(t)))))
                .Where(x => x.Score >= 0.2)
                .OrderByDescending(x => x.Score)
                .Select(x => x.Doc);
        }

        return ranked.Take(3).Select(d => new DocumentSuggestion(d.Id, d.Instruments.Count == 1 ? d.Instruments[0].TitleZh : d.TitleZh, d.Number?.Canonical)).ToList();
    }

    private static string? ArticleRange(Provision[] scope)
    {
        var numbers = scope.SelectMany(r => r.DescendantsAndSelf()).Where(p => p.Kind == ProvisionKind.Article && p.Number is not null).Select(p => p.Number!.Value);
        return FormatRange(numbers, '条');
    }

    /// <summary>第一条–第二十八条, or runs separated by commas when printed numbers skip; null when there are none.</summary>
    public static string? FormatRange(IEnumerable<int> numbers, char unit)
    {
        var sorted = numbers.Distinct().Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var runs = new List<string>();
        var start = sorted[0];
        for (var i = 1; i <= sorted.Count; i++)
        {
            if (i == sorted.Count || sorted[i] != sorted[i - 1] + 1)
            {
                var end = sorted[i - 1];
                runs.Add(start == end ? $"第{ChineseNumeral.Format(start)}{unit}" : $"第{ChineseNumeral.Format(start)}{unit}–第{ChineseNumeral.Format(end)}{unit}");
                if (i < sorted.Count)
                {
                    start = sorted[i];
                }
            }
        }

        return string.Join("、", runs);
    }

    private (DocumentWitness Witness, GazetteDocument? Instrument)? FindById(string id, string? issueId = null)
    {
        // An instrument ID (jingjianfa-2024-12/inst-1) names the instrument inside the document that prints it.
        var slash = id.LastIndexOf('/');
        var parent = slash > 0 ? store.FindDocument(id[..slash]) : [];
        var witness = parent.FirstOrDefault(w => w.IssueId == issueId) ?? parent.FirstOrDefault();
        if (witness?.Document.Instruments.FirstOrDefault(i => i.Id == id) is { } inst)
        {
            return (witness, inst);
        }

        var byId = store.FindDocument(id);
        return byId.Count > 0 ? (byId.FirstOrDefault(w => w.IssueId == issueId) ?? byId[0], null) : null;
    }

    private (DocumentWitness Witness, GazetteDocument? Instrument)? FindDocument(Citation citation, string? contextDocumentId)
    {
        if (citation.Id is { } id)
        {
            return FindById(id);
        }

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

    private sealed record ProvisionMatch(Provision? Provision, string? Label, string? Text, CitationFailure? Failure);

    private static ProvisionMatch Missing(CitationFailureKind kind, string part, string context, string? range) =>
        new(null, null, null, new CitationFailure(kind, $"{part}{context}; {(range is null ? "there is none at that level" : "valid: " + range)}.")
        {
            Part = part,
            ValidRange = range,
        });

    private static ProvisionMatch FindProvision(Provision[] scope, Citation c)
    {
        var articleLabel = $"第{ChineseNumeral.Format(c.Article!.Value)}条";
        var articles = scope.SelectMany(r => r.DescendantsAndSelf())
            .Where(p => p.Kind == ProvisionKind.Article && p.Number == c.Article)
            .DistinctBy(p => p.Id)
            .ToList();
        if (articles.Count == 0)
        {
            return Missing(CitationFailureKind.OutOfRange, articleLabel, "", ArticleRange(scope));
        }

        if (articles.Count > 1)
        {
            return new(null, null, null, new CitationFailure(CitationFailureKind.Ambiguous,
                $"single {articleLabel}: it is printed {articles.Count} times ({string.Join(", ", articles.Select(a => a.Id))}); cite the provision ID")
            {
                Part = articleLabel,
            });
        }

        var article = articles[0];
        var labels = new List<string> { article.Label ?? articleLabel };
        Provision current = article;
        IEnumerable<Provision> children = article.Children;
        string? text = null;
        if (c.Paragraph is { } para)
        {
            // 第一款 is the article's own lead paragraph (with the items that follow it); 第N款 the (N-1)th paragraph child.
            var segments = SplitParagraphs(article);
            var label = $"第{ChineseNumeral.Format(para)}款";
            if (para > segments.Count)
            {
                return Missing(CitationFailureKind.OutOfRange, label, $" in {labels[0]}", FormatRange(Enumerable.Range(1, segments.Count), '款'));
            }

            var (head, items) = segments[para - 1];
            labels.Add(label);
            current = head;
            children = items;
            text = string.Join('\n', new[] { head.Text }.Concat(items.Select(i => ProvisionRendering.PlainText(i, labelRoot: true))).Where(s => s.Length > 0));
        }

        if (c.Item is { } item)
        {
            var label = $"第{ChineseNumeral.Format(item)}项";
            var candidates = children.Where(p => p.Kind == ProvisionKind.Item).ToList();
            var matches = candidates.Where(p => p.Number == item).ToList();
            if (matches.Count != 1)
            {
                return matches.Count == 0
                    ? Missing(CitationFailureKind.OutOfRange, label, $" in {string.Concat(labels)}", FormatRange(candidates.Where(p => p.Number is not null).Select(p => p.Number!.Value), '项'))
                    : new(null, null, null, new CitationFailure(CitationFailureKind.Ambiguous, $"single {label} in {string.Concat(labels)}: it is printed {matches.Count} times") { Part = label });
            }

            var found = matches[0];
            labels.Add(label);
            current = found;
            text = null;
            if (c.SubItem is { } sub)
            {
                var subLabel = $"第{ChineseNumeral.Format(sub)}目";
                var subs = found.Children.Where(p => p.Kind == ProvisionKind.SubItem).ToList();
                var s = subs.Where(p => p.Number == sub).ToList();
                if (s.Count != 1)
                {
                    return s.Count == 0
                        ? Missing(CitationFailureKind.OutOfRange, subLabel, $" in {string.Concat(labels)}", FormatRange(subs.Where(p => p.Number is not null).Select(p => p.Number!.Value), '目'))
                        : new(null, null, null, new CitationFailure(CitationFailureKind.Ambiguous, $"single {subLabel} in {string.Concat(labels)}: it is printed {s.Count} times") { Part = subLabel });
                }

                labels.Add(subLabel);
                current = s[0];
            }
        }

        return new(current, string.Concat(labels), text ?? ProvisionRendering.PlainText(current), null);
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
