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
        IReadOnlyDictionary<string, DocumentWitness> Documents);

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

    private Snapshot Build()
    {
        var extractor = new RelationExtractor(_resolver);
        var documents = new Dictionary<string, DocumentWitness>(StringComparer.Ordinal);
        foreach (var w in _store.AllDocuments())
        {
            // The preferred witness (gazette first) speaks for the document; a second printing adds no relations.
            documents.TryAdd(w.Document.Id, w);
        }

        var all = documents.Values.SelectMany(extractor.Extract).ToList();
        return new Snapshot(
            all,
            all.ToLookup(r => r.SourceDocumentId, StringComparer.Ordinal),
            all.ToLookup(r => r.TargetDocumentId ?? r.TargetKey, StringComparer.Ordinal),
            documents);
    }

    public IReadOnlyList<Relation> All => Current.All;

    /// <summary>Relations stated in the document (and its instruments).</summary>
    public IReadOnlyList<Relation> Outgoing(string documentId) => [.. Current.BySource[documentId]];

    /// <summary>Relations other documents state about this one: by stored ID, or by the key of an external target.</summary>
    public IReadOnlyList<Relation> Incoming(string documentIdOrKey) => [.. Current.ByTarget[documentIdOrKey].Where(r => r.SourceDocumentId != documentIdOrKey)];

    public DocumentWitness? Document(string documentId) => Current.Documents.GetValueOrDefault(documentId);
}
