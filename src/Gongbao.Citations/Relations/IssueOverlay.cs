using System.Collections.Concurrent;

using Gongbao.Domain;
using Gongbao.Storage;

namespace Gongbao.Citations.Relations;

/// <summary>
/// The store as it will be once <paramref name="issue"/> is stored: its documents in place of the stored version's.
/// Read-only; only what resolving a relation target reads (documents by ID or number, all documents for titles).
/// With <paramref name="orderOf"/> (each source's place in the store's witness order), documents found by ID or
/// number come in the order the store will list them; without it the issue's own come first.
/// </summary>
internal sealed class IssueOverlay(IGazetteStore store, GazetteIssue issue, Func<string, SourceOrder>? orderOf = null) : IGazetteStore
{
    private readonly List<DocumentWitness> _own = issue.Documents.Select(d => new DocumentWitness(issue.Id, d)).ToList();

    // An overlay lives for one source's preparation, during which the store is not written (the writer lock, and the
    // run's one pending source): a number cited again in the source is looked up once, not once per citation.
    private readonly ConcurrentDictionary<string, IReadOnlyList<DocumentWitness>> _found = new(StringComparer.Ordinal);

    public IReadOnlyList<DocumentWitness> FindDocument(string idOrNumber) => _found.GetOrAdd(idOrNumber, Find);

    private IReadOnlyList<DocumentWitness> Find(string idOrNumber)
    {
        var query = idOrNumber.Trim();
        var number = DocumentNumber.Find(query);
        bool Matches(GazetteDocument d) =>
            d.Id == query || d.Id == (number?.Slug ?? query) || (d.Number is { } n && n.Canonical == (number?.Canonical ?? query));
        var own = _own.SelectMany(w => w.Document.Instruments.Prepend(w.Document).Where(Matches).Select(d => w with { Document = d }));
        var found = own.Concat(store.FindDocument(idOrNumber).Where(w => w.IssueId != issue.Id));
        return (orderOf is null ? found : found.OrderBy(w => orderOf(w.IssueId))).ToList().AsReadOnly();
    }

    public IEnumerable<DocumentWitness> AllDocuments() => store.AllDocuments().Where(w => w.IssueId != issue.Id).Concat(_own);

    // Titles without reading the stored bodies: this runs on every ingest.
    public IEnumerable<StoredTitle> Titles() =>
        store.Titles().Where(t => t.IssueId != issue.Id).Concat(_own.SelectMany(w => w.Document.Instruments
            .Select(i => new StoredTitle(issue.Id, w.Document.Id, i.Id, i.TitleZh))
            .Prepend(new StoredTitle(issue.Id, w.Document.Id, null, w.Document.TitleZh))));

    /// <summary>A view of the store holding nothing but <paramref name="issue"/>.</summary>
    public static IGazetteStore IssueAlone(GazetteIssue issue) => new IssueOverlay(EmptyStore.Instance, issue);

    public ProvisionHit? GetProvision(string provisionId, string? issueId = null) =>
        issueId == issue.Id ? null : store.GetProvision(provisionId, issueId);

    public IngestResult Ingest(GazetteIssue issue) => throw new NotSupportedException("A read-only view.");

    public IngestResult Ingest(GazetteIssue issue, bool force) => throw new NotSupportedException("A read-only view.");

    public string? FindSourceBySha256(string sha256) => store.FindSourceBySha256(sha256);

    public StoreCounts Counts() => store.Counts();

    public IReadOnlyList<IssueSummary> ListIssues() => store.ListIssues();

    public GazetteIssue? GetIssue(string issueId) => issueId == issue.Id ? issue : store.GetIssue(issueId);

    public void Dispose()
    {
    }
}
