using Gongbao.Citations;
using Gongbao.Citations.Relations;
using Gongbao.Search;
using Gongbao.Storage;

namespace Gongbao.Application;

/// <summary>What reconciling the index with the store found and did.</summary>
public sealed record ReconcileReport(int Sources, int Reindexed, int Removed, int Stale, bool Applied, string? Warning);

/// <summary>
/// The store, the search index and the citation services one process shares. The store is the truth;
/// the index is derived from it and brought back in line by <see cref="ReconcileIndex"/>, by content.
/// </summary>
public sealed class GongbaoServices(IGazetteStore store, GazetteIndex index, WriterLock? writerLock = null)
{
    private readonly object _followGate = new();
    private string? _seenStore;
    private long _lastFollowTicks;

    public IGazetteStore Store { get; } = store;

    public GazetteIndex Index { get; } = index;

    /// <summary>Serialises writers of this data directory (in this process and across processes).</summary>
    public WriterLock WriterLock { get; } = writerLock ?? WriterLock.InProcess();

    public CitationResolver Resolver { get; } = new(store);

    public CrossReferenceFinder CrossReferences => new(Resolver);

    private RelationGraph? _relations;

    /// <summary>Relations read from the store (built on first use; <see cref="RelationGraph.Refresh"/> after an ingest).</summary>
    public RelationGraph Relations => LazyInitializer.EnsureInitialized(ref _relations, () => new RelationGraph(Store, Resolver));

    public LegalStatusEvaluator Status => new(Relations);

    private Task? _warmUp;

    /// <summary>
    /// Starts building the relation graph in the background (a server calls it once the store is open), so the first
    /// relations/status request does not pay for it within its request timeout: it waits on this build (the graph builds
    /// under its own lock), never builds a second time. The store generation is recorded first, so the first
    /// <see cref="FollowStore"/> keeps the warm graph unless the store changed meanwhile. Idempotent; the task never faults
    /// (a failed build leaves the graph unbuilt and the request that needs it rebuilds and reports the error). Skipped when the
    /// build would have to store missing relations first.
    /// </summary>
    public Task WarmUp()
    {
        lock (_followGate)
        {
            if (_warmUp is not null)
            {
                return _warmUp;
            }

            try
            {
                // A store with sources whose relations were never stored would be written to by the build (the backfill);
                // starting a server writes nothing, so that build stays with the first request that needs it.
                if (Store.KeepsRelations && Store.SourcesWithoutRelations(StoredRelations.ExtractorVersion).Count > 0)
                {
                    return _warmUp = Task.CompletedTask;
                }

                _seenStore = Generation();
                Interlocked.Exchange(ref _lastFollowTicks, Environment.TickCount64);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or IOException)
            {
                return _warmUp = Task.CompletedTask; // an unreachable store: the requests report it
            }

            Relations.Refresh(); // anything cached before this generation was read is dropped
            return _warmUp = Task.Run(() =>
            {
                try
                {
                    _ = Relations.All.Count;
                }
#pragma warning disable CA1031 // the build is retried, and its error reported, by the first request that needs the graph
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            });
        }
    }

    /// <summary>The background build <see cref="WarmUp"/> started (completed when none was).</summary>
    public Task WarmingUp => Volatile.Read(ref _warmUp) ?? Task.CompletedTask;

    private string Generation() => Store.ChangeMarker();

    /// <summary>
    /// Compares, per source, the content token the index committed with the store's current one and
    /// re-indexes every source that differs or is missing, and drops sources the store no longer has, in
    /// one index commit. A read-only index is only compared (<see cref="ReconcileReport.Applied"/> false).
    /// An empty store never empties a non-empty index: that looks like a lost database, not a deletion.
    /// The caller holds the writer lock.
    /// </summary>
    public ReconcileReport ReconcileIndex()
    {
        var states = Store.SourceStates();
        var tokens = Index.SourceTokens();
        var indexed = Index.IndexedIssues();
        var stored = states.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var stale = states.Where(s => !tokens.TryGetValue(s.Id, out var t) || t != s.ContentToken || (s.DocumentCount > 0 && !indexed.Contains(s.Id)))
            .Select(s => s.Id).Order(StringComparer.Ordinal).ToList();
        var gone = indexed.Concat(tokens.Keys).Where(i => !stored.Contains(i)).Distinct(StringComparer.Ordinal).ToList();
        string? warning = null;
        if (states.Count == 0 && gone.Count > 0)
        {
            warning = $"the store is empty but the search index holds {gone.Count} sources; the index was left as it is " +
                "(if the store was deleted on purpose, delete the index folder too)";
            gone.Clear();
        }

        if (Index.IsReadOnly || (stale.Count == 0 && gone.Count == 0))
        {
            return new ReconcileReport(states.Count, 0, 0, stale.Count + gone.Count, Applied: false, warning);
        }

        var reindexed = 0;
        using (var batch = Index.BeginBatch())
        {
            foreach (var id in gone)
            {
                batch.Delete(id);
            }

            foreach (var id in stale)
            {
                // Read the state and the issue together: a source replaced meanwhile is caught by the next reconcile.
                if (Store.GetIssue(id) is { } issue && Store.FindSourceState(id) is { } state && state.Sha256 == issue.SourceSha256)
                {
                    batch.Replace(id, state.ContentToken, IndexedWitness.FromIssue(issue));
                    reindexed++;
                }
            }

            batch.Commit();
        }

        Relations.Refresh();
        return new ReconcileReport(states.Count, reindexed, gone.Count, stale.Count + gone.Count, Applied: true, warning);
    }

    /// <summary>
    /// True when the index belongs to this process alone (built in memory from the store): then nobody else
    /// updates it, so <see cref="FollowStore"/> reconciles it itself when another process changes the store.
    /// </summary>
    public bool PrivateIndex { get; init; }

    /// <summary>How often <see cref="FollowStore"/> looks at the store at most.</summary>
    public TimeSpan FollowInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Notices a change another process made to the store (<c>gongbao ingest</c> beside a running server) and
    /// drops what this process derived from the old state: the citation title cache and the relation graph are rebuilt on next use,
    /// the index's searcher is reopened at once (otherwise within 2 s) and a private index is reconciled.
    /// The store's change marker (<see cref="IGazetteStore.ChangeMarker"/>) is the generation, looked at no more than once per
    /// <see cref="FollowInterval"/>; safe to call on every request. True when the store had changed.
    /// </summary>
    public bool FollowStore()
    {
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _lastFollowTicks) < (long)FollowInterval.TotalMilliseconds || !Monitor.TryEnter(_followGate))
        {
            return false;
        }

        try
        {
            Interlocked.Exchange(ref _lastFollowTicks, now);
            string generation;
            try
            {
                generation = Generation();
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or IOException)
            {
                // An unreachable store fails the request itself, with its own message; nothing to follow.
                return false;
            }

            if (generation == _seenStore)
            {
                return false;
            }

            // The first look cannot know what the caches were built from, so it refreshes them too (cheap).
            _seenStore = generation;
            Relations.Refresh(); // the relation graph and the resolver's titles; rebuilt on next use
            if (PrivateIndex)
            {
                ReconcileIndex();
            }
            else
            {
                _ = Index.SourceTokens();
            }

            return true;
        }
        finally
        {
            Monitor.Exit(_followGate);
        }
    }

    /// <summary>Reconciles the index (see <see cref="ReconcileIndex"/>); returns the number of sources indexed.</summary>
    public int SynchronizeIndex() => ReconcileIndex().Reindexed;

    /// <summary>Sources whose indexed entries differ from what the store holds (empty when store and index agree by content).</summary>
    public IReadOnlyList<string> Disagreements()
    {
        var digests = Index.ContentDigests();
        var tokens = Index.SourceTokens();
        var differ = new List<string>();
        var states = Store.SourceStates();
        foreach (var state in states)
        {
            var issue = Store.GetIssue(state.Id);
            var want = issue is null ? "" : GazetteIndex.DigestOf(IndexedWitness.FromIssue(issue));
            var have = digests.TryGetValue(state.Id, out var d) ? d : GazetteIndex.DigestOf([]);
            if (want != have || !tokens.TryGetValue(state.Id, out var t) || t != state.ContentToken)
            {
                differ.Add(state.Id);
            }
        }

        var stored = states.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        differ.AddRange(digests.Keys.Where(k => !stored.Contains(k)));
        return differ;
    }
}
