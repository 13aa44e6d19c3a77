using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gongbao.Search;

/// <summary>
/// One pass over the matches: keeps only the best <c>k</c> in a bounded heap, counts facet values by the
/// entry's facet group (<see cref="FacetTable"/>: one array increment per hit, values summed per group at the
/// end), and folds witnesses of one document or provision without hashing every hit: only entries the
/// <see cref="ReaderState"/> marks as having a twin (another witness with the same ID, rare) go through a set;
/// all others count directly. Annex placeholders keep their order among themselves but score below every real hit.
/// </summary>
internal sealed class FacetingCollector : ICollector
{
    internal readonly record struct Match(int Doc, float Score, long SortKey, int Rank, long IdHash);

    /// <summary>A folded entry: the match that represents it, and its first witness in index order, whose facet values count.</summary>
    private readonly record struct Twin(Match Best, int FirstDoc, int FirstGroup);

    /// <summary>Score factor of an annex placeholder or omitted text.</summary>
    public const float PlaceholderFactor = 0.001f;

    private readonly ReaderState _state;
    private readonly string? _sortField;
    private readonly int _k;
    private readonly PriorityQueue<Match, Match> _heap;
    private readonly Dictionary<long, Twin> _twins = [];
    private readonly int[] _groupCounts;

    private Scorer? _scorer;
    private int _docBase;
    private NumericDocValues? _ids;
    private NumericDocValues? _ranks;
    private FixedBitSet? _placeholders;
    private NumericDocValues? _sortValues;
    private FixedBitSet? _twinDocs;
    private int[]? _groups;
    private int _distinct;
    private int _twinCount;

    public FacetingCollector(ReaderState state, int k, string? sortField)
    {
        _state = state;
        _k = Math.Max(1, k);
        _sortField = sortField;
        _heap = new PriorityQueue<Match, Match>(_k + 1, Comparer<Match>.Create((a, b) => Compare(b, a)));
        _groupCounts = new int[state.Facets.GroupCount];
    }

    public int DistinctCount => _distinct + _twinCount;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        var leaf = context.Ord;
        var reader = context.AtomicReader;
        _ids = reader.GetNumericDocValues(SearchFields.IdHash);
        _ranks = reader.GetNumericDocValues(SearchFields.WitnessRank);
        _placeholders = _state.PlaceholderDocs(leaf);
        _sortValues = _sortField is null ? null : reader.GetNumericDocValues(_sortField);
        _twinDocs = _state.TwinDocs(leaf);
        _groups = _state.Facets.DocGroups(leaf);
    }

    public void Collect(int doc)
    {
        var score = _scorer!.GetScore();
        if (_placeholders is not null && _placeholders.Get(doc))
        {
            score *= PlaceholderFactor;
        }

        var sortKey = _sortValues?.Get(doc) ?? 0;
        if (_twinDocs is not null && _twinDocs.Get(doc))
        {
            var hash = _ids?.Get(doc) ?? doc + _docBase;
            var m = new Match(_docBase + doc, score, sortKey, (int)(_ranks?.Get(doc) ?? 0), hash);
            var group = _groups?[doc] ?? -1;
            if (_twins.TryGetValue(hash, out var other))
            {
                // The gazette witness represents the fold; the best score of either ranks it.
                var best = other.Best;
                var keep = m.Rank < best.Rank || (m.Rank == best.Rank && m.Doc < best.Doc) ? m : best;
                _twins[hash] = m.Doc < other.FirstDoc
                    ? new Twin(keep with { Score = Math.Max(m.Score, best.Score), SortKey = Math.Max(m.SortKey, best.SortKey) }, m.Doc, group)
                    : other with { Best = keep with { Score = Math.Max(m.Score, best.Score), SortKey = Math.Max(m.SortKey, best.SortKey) } };
                return;
            }

            _twins[hash] = new Twin(m, m.Doc, group);
            _twinCount++;
            return;
        }

        _distinct++;
        CountFacets(doc);
        // Most hits of a large result score below the heap's worst: skip them before building a match.
        if (_heap.Count == _k && _sortField is null && score < _heap.Peek().Score)
        {
            return;
        }

        Offer(new Match(_docBase + doc, score, sortKey, 0, 0));
    }

    /// <summary>
    /// Adds what <paramref name="other"/> collected over other entries (another range of the same query, see
    /// <c>GazetteIndex.Run</c>): counts and facet groups add up, its best hits join the heap, and witnesses folded on
    /// either side fold together as one pass would have folded them (the gazette witness represents the fold, the best
    /// score ranks it, the first witness in index order counts its facets), so the result does not depend on the split.
    /// </summary>
    public void Merge(FacetingCollector other)
    {
        if (other._k != _k || other._sortField != _sortField || !ReferenceEquals(other._state, _state))
        {
            throw new InvalidOperationException("collectors of different searches cannot be merged");
        }

        _distinct += other._distinct;
        for (var g = 0; g < _groupCounts.Length; g++)
        {
            _groupCounts[g] += other._groupCounts[g];
        }

        foreach (var m in other._heap.UnorderedItems)
        {
            Offer(m.Element);
        }

        foreach (var (hash, theirs) in other._twins)
        {
            if (!_twins.TryGetValue(hash, out var mine))
            {
                _twins[hash] = theirs;
                _twinCount++;
                continue;
            }

            var (a, b) = (mine.Best, theirs.Best);
            var keep = b.Rank < a.Rank || (b.Rank == a.Rank && b.Doc < a.Doc) ? b : a;
            var best = keep with { Score = Math.Max(a.Score, b.Score), SortKey = Math.Max(a.SortKey, b.SortKey) };
            _twins[hash] = theirs.FirstDoc < mine.FirstDoc ? new Twin(best, theirs.FirstDoc, theirs.FirstGroup) : mine with { Best = best };
        }

        other._twins.Clear();
        other._heap.Clear();
    }

    /// <summary>An empty collector for the same search (to collect another range of entries, then <see cref="Merge"/>).</summary>
    public FacetingCollector Sibling() => new(_state, _k, _sortField);

    private void CountFacets(int doc)
    {
        if (_groups is not null)
        {
            _groupCounts[_groups[doc]]++;
        }
    }

    private void Offer(Match m)
    {
        if (_heap.Count < _k)
        {
            _heap.Enqueue(m, m);
        }
        else if (Compare(m, _heap.Peek()) < 0)
        {
            _heap.EnqueueDequeue(m, m);
        }
    }

    /// <summary>Hits <paramref name="skip"/>..+<paramref name="take"/> in rank order, one per document or provision.</summary>
    public IReadOnlyList<Match> Top(int skip, int take)
    {
        FinishTwins();
        var list = new List<Match>(_heap.Count);
        while (_heap.TryDequeue(out var m, out _))
        {
            list.Add(m);
        }

        list.Sort(Compare);
        return list.Skip(skip).Take(take).ToList();
    }

    /// <summary>Puts <paramref name="matches"/> in rank order, as <see cref="Top"/> returns them.</summary>
    public static void Order(List<Match> matches) => matches.Sort(Compare);

    // Best first: sort key (a date, when sorting by one), then score, then the gazette witness, then index order.
    private static int Compare(Match a, Match b)
    {
        var c = b.SortKey.CompareTo(a.SortKey);
        if (c != 0)
        {
            return c;
        }

        c = b.Score.CompareTo(a.Score);
        if (c != 0)
        {
            return c;
        }

        c = a.Rank.CompareTo(b.Rank);
        return c != 0 ? c : a.Doc.CompareTo(b.Doc);
    }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets()
    {
        FinishTwins();
        return _state.Facets.Count(_groupCounts);
    }

    // Folded entries join the heap and count once, with the facet values of their first witness in index order (the
    // witness an in-order pass meets first, whatever order the scorer delivers hits in).
    private void FinishTwins()
    {
        foreach (var twin in _twins.Values)
        {
            Offer(twin.Best);
            if (twin.FirstGroup >= 0)
            {
                _groupCounts[twin.FirstGroup]++;
            }
        }

        _twins.Clear();
    }
}
