using Gongbao.Storage;

namespace Gongbao.Citations.Relations;

/// <summary>
/// Every relation read from the stored documents, indexed by source and by target (stored document ID or, for
/// external targets, the normalised key). Built once per store change: call <see cref="Refresh"/> after an ingest.
/// </summary>
public sealed class RelationGraph
{
    private readonly IGazetteStore _store;
    private readonly CitationResolver _resolver;
    private readonly object _gate = new();
    private Snapshot? _snapshot;

    public RelationGraph(IGazetteStore store, CitationResolver resolver)
    {
        _store = store;
        _resolver = resolver;
    }

    private sealed record Snapshot(
        IReadOnlyList<Relation> All,
        ILookup<string, Relation> BySource,
        ILookup<string, Relation> ByTarget,
        IReadOnlyDictionary<string, DocumentWitness> Documents,
        IReadOnlyList<string> InMemory);

    /// <summary>Forget the relations (and the resolver's title index); the next query rebuilds them from the store.</summary>
    public void Refresh()
    {
        lock (_gate)
        {
            _resolver.Invalidate();
            _snapshot = null;
        }
    }

    private Snapshot Current
    {
        get
        {
            lock (_gate)
            {
                return _snapshot ??= Build();
            }
        }
    }

    /// <summary>Sources whose relations were computed in memory because the store could not keep them (read-only, or failing).</summary>
    public IReadOnlyList<string> ComputedInMemory => Current.InMemory;

    private Snapshot Build()
    {
        // Relations missing from the store (stored before relations were kept) are extracted and stored first.
        try
        {
            StoredRelations.Backfill(_store, _resolver);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or IOException or NotSupportedException)
        {
            // A read-only store: the missing ones are computed below, never left empty.
        }

        var documents = new Dictionary<string, DocumentWitness>(StringComparer.Ordinal);
        foreach (var w in _store.AllDocuments())
        {
            // The preferred witness (gazette first) speaks for the document; a second printing adds no relations.
            documents.TryAdd(w.Document.Id, w);
        }

        var extractor = new RelationExtractor(_resolver);
        List<Relation> all;
        IReadOnlyList<string> inMemory;
        if (_store.KeepsRelations)
        {
            var missing = _store.SourcesWithoutRelations(StoredRelations.ExtractorVersion).ToHashSet(StringComparer.Ordinal);
            all = _store.Relations()
                .Where(r => !missing.Contains(r.IssueId) && documents.TryGetValue(r.SourceDocumentId, out var w) && w.IssueId == r.IssueId)
                .Select(StoredRelations.FromStored)
                .Concat(documents.Values.Where(w => missing.Contains(w.IssueId)).SelectMany(extractor.Extract))
                .ToList();
            inMemory = [.. missing.Order(StringComparer.Ordinal)];
        }
        else
        {
            all = documents.Values.SelectMany(extractor.Extract).ToList();
            inMemory = [.. documents.Values.Select(w => w.IssueId).Distinct(StringComparer.Ordinal)];
        }

        return new Snapshot(
            all,
            all.ToLookup(r => r.SourceDocumentId, StringComparer.Ordinal),
            all.ToLookup(r => r.TargetDocumentId ?? r.TargetKey, StringComparer.Ordinal),
            documents,
            inMemory);
    }

    public IReadOnlyList<Relation> All => Current.All;

    /// <summary>Relations stated in the document (and its instruments).</summary>
    public IReadOnlyList<Relation> Outgoing(string documentId) => [.. Current.BySource[documentId]];

    /// <summary>Relations other documents state about this one: by stored ID, or by the key of an external target.</summary>
    public IReadOnlyList<Relation> Incoming(string documentIdOrKey) => [.. Current.ByTarget[documentIdOrKey].Where(r => r.SourceDocumentId != documentIdOrKey)];

    /// <summary>Every stored document (its preferred witness), by ID.</summary>
    public IEnumerable<string> DocumentIds => Current.Documents.Keys;

    /// <summary>The stored top-level document an ID names: itself, or for an instrument or provision ID (slashes and all) the longest prefix that is one.</summary>
    public DocumentWitness? Owner(string id)
    {
        for (var candidate = id.Trim('/'); ; candidate = candidate[..candidate.LastIndexOf('/')])
        {
            if (Document(candidate) is { } w)
            {
                return w;
            }

            if (!candidate.Contains('/'))
            {
                return null;
            }
        }
    }

    public DocumentWitness? Document(string documentId) => Current.Documents.GetValueOrDefault(documentId);
}
