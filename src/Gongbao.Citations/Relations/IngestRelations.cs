using Gongbao.Domain;
using Gongbao.Storage;

namespace Gongbao.Citations.Relations;

/// <summary>
/// What relation resolution needs to know about the store, kept in memory across the sources of one ingest run
/// instead of re-read for each (which made every ingest read every stored title and relation): every stored
/// title in the store's witness order, and every stored relation, indexed by the title or number it cites. Each
/// source is prepared against the store as it will be once stored (<see cref="Prepare"/>); the state follows the
/// store only when the store wrote it (<see cref="Pending.Stored"/>). The caller holds the writer lock for the run,
/// so no other ingest changes the store meanwhile; a reader's relation graph may still backfill sources stored
/// without relations, which the caller notices (the set of such sources changed) and answers by loading the state
/// again. A source the state does not know fails loudly (<c>OrderOf</c>).
/// </summary>
/// <remarks>
/// What an ingest writes equals what extracting every source from scratch over the resulting store reads
/// (<see cref="StoredRelations.Backfill"/>): the source's own relations are resolved with it in place, and every
/// stored relation of another source whose resolution the source can change is resolved again — one into its
/// previous version, and one that the source alone resolves (a new document can only win a relation it matches,
/// also over a target already resolved elsewhere). The second set is found by looking up what the source's titles
/// and numbers could match, not by trying every stored relation.
/// </remarks>
public sealed class IngestRelations
{
    private readonly IGazetteStore _store;
    private readonly TitleIndex _titles = new();
    private readonly Dictionary<string, SourceOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<RelationKey, StoredRelation> _relations = [];
    private readonly Dictionary<string, List<RelationKey>> _bySource = new(StringComparer.Ordinal);

    // Relations citing a title (no number), by the cited title normalised and without qualifiers.
    private readonly Dictionary<string, HashSet<RelationKey>> _byCitedTitle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<RelationKey>> _byCitedBare = new(StringComparer.Ordinal);

    // Relations citing a number, by what a document must have to match it: "id:" an ID, "num:" a canonical number.
    private readonly Dictionary<string, HashSet<RelationKey>> _byCitedNumber = new(StringComparer.Ordinal);
    private Pending? _pending;

    private IngestRelations(IGazetteStore store) => _store = store;

    private readonly record struct RelationKey(string IssueId, int Seq);

    /// <summary>Reads the store's titles and relations once; null when the store keeps no relations.</summary>
    public static IngestRelations? Load(IGazetteStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!store.KeepsRelations)
        {
            return null;
        }

        var state = new IngestRelations(store);
        foreach (var source in store.ListIssues())
        {
            state._orders[source.Id] = SourceOrder.Of(source.Id, source.Kind, source.Year, source.Number);
        }

        foreach (var titles in store.Titles().GroupBy(t => t.IssueId, StringComparer.Ordinal))
        {
            state._titles.ReplaceSource(titles.Key, state.OrderOf(titles.Key), titles.ToList());
        }

        foreach (var r in store.Relations())
        {
            state.AddRelation(r);
        }

        return state;
    }

    /// <summary>Relations held (for tests and diagnostics).</summary>
    public int RelationCount => _relations.Count;

    /// <summary>Titles held.</summary>
    public int TitleCount => _titles.Count;

    private SourceOrder OrderOf(string issueId) => _orders.TryGetValue(issueId, out var order)
        ? order
        : throw new InvalidOperationException($"The store holds source '{issueId}', which this ingest run did not read or store: it changed behind the run's writer lock.");

    /// <summary>
    /// The relations to write with <paramref name="issue"/>: its own, resolved against the store with the issue in place
    /// of its previous version, and the retargets of other sources' relations it changes. Until the returned update is
    /// <see cref="Pending.Stored"/> or <see cref="Pending.Abandon">abandoned</see>, no other source can be prepared.
    /// </summary>
    public Pending Prepare(GazetteIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (_pending is not null)
        {
            throw new InvalidOperationException($"The relations of '{_pending.IssueId}' are neither stored nor abandoned.");
        }

        var order = SourceOrder.Of(issue.Id, issue.Kind, issue.Year, issue.Number);

        // On a replace, the relations into the previous version (read before anything here changes).
        var intoPrevious = _orders.ContainsKey(issue.Id)
            ? _store.RelationsToResolve(issue.Id).Where(r => r.IssueId != issue.Id && r.TargetDocumentId is not null).Select(Known).ToHashSet()
            : [];
        var previousTitles = _titles.ReplaceSource(issue.Id, order, OwnTitles(issue));
        try
        {
            var resolver = new CitationResolver(new IssueOverlay(_store, issue, id => id == issue.Id ? order : OrderOf(id)), _titles);
            var extractor = new RelationExtractor(resolver);
            var own = issue.Documents.SelectMany(d => extractor.Extract(new DocumentWitness(issue.Id, d)))
                .Select(r => StoredRelations.ToStored(r, issue.Id)).ToList();
            var update = new RelationUpdate(StoredRelations.ExtractorVersion, own, Retargets(issue, resolver, intoPrevious));
            return _pending = new Pending(this, issue.Id, order, previousTitles, update);
        }
        catch
        {
            _titles.Restore(issue.Id, previousTitles);
            throw;
        }
    }

    private RelationKey Known(StoredRelation r)
    {
        var key = new RelationKey(r.IssueId, r.Seq);
        return _relations.ContainsKey(key)
            ? key
            : throw new InvalidOperationException($"The store holds relation {r.Seq} of '{r.IssueId}', which this ingest run did not read or store.");
    }

    /// <summary>The issue's titles as <see cref="IGazetteStore.Titles"/> will list them: each document, then its instruments.</summary>
    private static List<StoredTitle> OwnTitles(GazetteIssue issue) =>
        issue.Documents.SelectMany(d => d.Instruments.Select(i => new StoredTitle(issue.Id, d.Id, i.Id, i.TitleZh))
            .Prepend(new StoredTitle(issue.Id, d.Id, null, d.TitleZh))).ToList();

    /// <summary>
    /// Stored relations of other sources that resolve differently with <paramref name="issue"/> stored: those into its
    /// previous version, and those the issue alone resolves (found by what its titles and numbers can match).
    /// </summary>
    private List<RelationRetarget> Retargets(GazetteIssue issue, CitationResolver resolver, HashSet<RelationKey> intoPrevious)
    {
        var candidates = new HashSet<RelationKey>(intoPrevious);
        foreach (var d in issue.Documents.SelectMany(d => d.Instruments.Prepend(d)))
        {
            // As IssueOverlay.FindDocument matches a cited number: by ID, by the number's slug, or by canonical number.
            Collect(_byCitedNumber, "id:" + d.Id, candidates);
            if (d.Number is { } n)
            {
                Collect(_byCitedNumber, "num:" + n.Canonical, candidates);
            }

            CollectTitle(d.TitleZh, candidates);
        }

        var alone = new CitationResolver(IssueOverlay.IssueAlone(issue));
        var retargets = new List<RelationRetarget>();
        foreach (var key in candidates.Where(k => k.IssueId != issue.Id).OrderBy(k => k.IssueId, StringComparer.Ordinal).ThenBy(k => k.Seq))
        {
            var r = _relations[key];
            if (r.Kind == nameof(RelationKind.Issues) && r.TargetDocumentId == r.SourceDocumentId)
            {
                continue;
            }

            // A candidate by lookup is only a possible match: the issue alone must resolve it, as the store would.
            if (!intoPrevious.Contains(key) && RelationExtractor.ResolveTarget(alone, r.Title, r.Number) is null)
            {
                continue;
            }

            var (doc, inst) = StoredRelations.Resolve(resolver, r);
            if (doc != r.TargetDocumentId || inst != r.TargetInstrumentId)
            {
                retargets.Add(new RelationRetarget(r.IssueId, r.Seq, doc, inst));
            }
        }

        return retargets;
    }

    /// <summary>
    /// Relations whose cited title a printed <paramref name="title"/> can match (see <see cref="TitleIndex.Find"/>): the
    /// same normalised title, the same without qualifiers, or a long enough part of it.
    /// </summary>
    private void CollectTitle(string title, HashSet<RelationKey> into)
    {
        var normalized = TitleIndex.Normalize(title);
        if (normalized.Length == 0)
        {
            return;
        }

        Collect(_byCitedTitle, normalized, into);
        var bare = TitleIndex.StripQualifiers(normalized);
        Collect(_byCitedBare, bare, into);
        var parts = _byCitedBare.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var start = 0; start + TitleIndex.MinPartLength <= bare.Length; start++)
        {
            for (var length = TitleIndex.MinPartLength; start + length <= bare.Length; length++)
            {
                if (parts.TryGetValue(bare.AsSpan(start, length), out var keys))
                {
                    into.UnionWith(keys);
                }
            }
        }
    }

    private static void Collect(Dictionary<string, HashSet<RelationKey>> map, string key, HashSet<RelationKey> into)
    {
        if (map.TryGetValue(key, out var keys))
        {
            into.UnionWith(keys);
        }
    }

    private void AddRelation(StoredRelation r)
    {
        var key = new RelationKey(r.IssueId, r.Seq);
        _relations[key] = r;
        if (!_bySource.TryGetValue(r.IssueId, out var keys))
        {
            _bySource[r.IssueId] = keys = [];
        }

        keys.Add(key);
        foreach (var (map, cited) in CitedKeys(r))
        {
            if (!map.TryGetValue(cited, out var set))
            {
                map[cited] = set = [];
            }

            set.Add(key);
        }
    }

    private void RemoveSourceRelations(string issueId)
    {
        if (!_bySource.Remove(issueId, out var keys))
        {
            return;
        }

        foreach (var key in keys)
        {
            if (_relations.Remove(key, out var r))
            {
                foreach (var (map, cited) in CitedKeys(r))
                {
                    if (map.TryGetValue(cited, out var set) && set.Remove(key) && set.Count == 0)
                    {
                        map.Remove(cited);
                    }
                }
            }
        }
    }

    /// <summary>Where a relation is filed: by number (never by title then, as targets resolve), else by title.</summary>
    private IEnumerable<(Dictionary<string, HashSet<RelationKey>> Map, string Key)> CitedKeys(StoredRelation r)
    {
        if (r.Number is { } printed)
        {
            var query = printed.Trim();
            var number = DocumentNumber.Find(query);
            yield return (_byCitedNumber, "id:" + query);
            yield return (_byCitedNumber, "id:" + (number?.Slug ?? query));
            yield return (_byCitedNumber, "num:" + (number?.Canonical ?? query));
        }
        else if (r.Title is { } title && TitleIndex.Normalize(title) is { Length: >= 2 } cited)
        {
            yield return (_byCitedTitle, cited);
            yield return (_byCitedBare, TitleIndex.StripQualifiers(cited));
        }
    }

    private void Apply(Pending pending)
    {
        var update = pending.Update;
        _orders[pending.IssueId] = pending.Order;
        RemoveSourceRelations(pending.IssueId);
        for (var i = 0; i < update.Own.Count; i++)
        {
            // The store numbers a source's relations from 0 in this order.
            AddRelation(update.Own[i] with { Seq = i });
        }

        foreach (var t in update.Retargets.Where(t => t.IssueId != pending.IssueId))
        {
            var key = new RelationKey(t.IssueId, t.Seq);
            _relations[key] = _relations[key] with { TargetDocumentId = t.TargetDocumentId, TargetInstrumentId = t.TargetInstrumentId };
        }
    }

    /// <summary>The relations prepared for one source, waiting for the store's transaction.</summary>
    public sealed class Pending
    {
        private readonly IngestRelations _owner;
        private readonly TitleIndex.SourceTitles? _previousTitles;
        private bool _settled;

        internal Pending(IngestRelations owner, string issueId, SourceOrder order, TitleIndex.SourceTitles? previousTitles, RelationUpdate update)
        {
            _owner = owner;
            IssueId = issueId;
            Order = order;
            _previousTitles = previousTitles;
            Update = update;
        }

        public string IssueId { get; }

        internal SourceOrder Order { get; }

        /// <summary>What to write in the source's transaction.</summary>
        public RelationUpdate Update { get; }

        /// <summary>The store wrote the source with <see cref="Update"/>: the state follows it.</summary>
        public void Stored()
        {
            Settle();
            _owner.Apply(this);
        }

        /// <summary>Nothing was written (refused, failed, unchanged): the state is as it was before <see cref="Prepare"/>.</summary>
        public void Abandon()
        {
            Settle();
            _owner._titles.Restore(IssueId, _previousTitles);
        }

        private void Settle()
        {
            if (_settled || _owner._pending != this)
            {
                throw new InvalidOperationException($"The relations of '{IssueId}' were already settled.");
            }

            _settled = true;
            _owner._pending = null;
        }
    }
}
