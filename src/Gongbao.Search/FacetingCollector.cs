using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gongbao.Search;

/// <summary>
/// One pass over the matches: keeps only the best <c>k</c> in a bounded heap, counts facet values per
/// segment by ordinal (strings resolved once at the end), and folds witnesses of one document or
/// provision without hashing every hit: only entries the <see cref="ReaderState"/> marks as having a
/// twin (another witness with the same ID, rare) go through a set; all others count directly.
/// Annex placeholders keep their order among themselves but score below every real hit.
/// </summary>
internal sealed class FacetingCollector : ICollector
{
    internal readonly record struct Match(int Doc, float Score, long SortKey, int Rank, long IdHash);

    /// <summary>Score factor of an annex placeholder or omitted text.</summary>
    public const float PlaceholderFactor = 0.001f;

    private readonly string[] _facetFields;
    private readonly ReaderState _state;
    private readonly string? _sortField;
    private readonly int _k;
    private readonly PriorityQueue<Match, Match> _heap;
    private readonly Dictionary<long, Match> _twins = [];
    private readonly Dictionary<string, Dictionary<string, int>> _facetCounts;

    private Scorer? _scorer;
    private int _docBase;
    private int _leaf;
    private NumericDocValues? _ids;
    private NumericDocValues? _ranks;
    private NumericDocValues? _placeholders;
    private NumericDocValues? _sortValues;
    private FixedBitSet? _twinDocs;
    private SegmentFacets[] _segment = [];
    private int _distinct;

    public FacetingCollector(string[] facetFields, ReaderState state, int k, string? sortField)
    {
        _facetFields = facetFields;
        _state = state;
        _k = Math.Max(1, k);
        _sortField = sortField;
        _heap = new PriorityQueue<Match, Match>(_k + 1, Comparer<Match>.Create((a, b) => Compare(b, a)));
        _facetCounts = facetFields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    }

    public int DistinctCount => _distinct + _twinCount;

    private int _twinCount;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        _docBase = context.DocBase;
        _leaf = context.Ord;
        var reader = context.AtomicReader;
        _ids = reader.GetNumericDocValues(SearchFields.IdHash);
        _ranks = reader.GetNumericDocValues(SearchFields.WitnessRank);
        _placeholders = reader.GetNumericDocValues(SearchFields.Placeholder);
        _sortValues = _sortField is null ? null : reader.GetNumericDocValues(_sortField);
        _twinDocs = _state.TwinDocs(_leaf);
        _segment = _facetFields.Select(f => new SegmentFacets(f, reader)).ToArray();
    }

    public void Collect(int doc)
    {
        var score = _scorer!.GetScore();
        if (_placeholders is not null && _placeholders.Get(doc) != 0)
        {
            score *= PlaceholderFactor;
        }

        var sortKey = _sortValues?.Get(doc) ?? 0;
        if (_twinDocs is not null && _twinDocs.Get(doc))
        {
            var hash = _ids?.Get(doc) ?? doc + _docBase;
            var m = new Match(_docBase + doc, score, sortKey, (int)(_ranks?.Get(doc) ?? 0), hash);
            if (_twins.TryGetValue(hash, out var other))
            {
                // The gazette witness represents the fold; the best score of either ranks it.
                var keep = m.Rank < other.Rank || (m.Rank == other.Rank && m.Doc < other.Doc) ? m : other;
                _twins[hash] = keep with { Score = Math.Max(m.Score, other.Score), SortKey = Math.Max(m.SortKey, other.SortKey) };
                return;
            }

            _twins[hash] = m;
            _twinCount++;
            CountFacets(doc);
            return;
        }

        _distinct++;
        CountFacets(doc);
        Offer(new Match(_docBase + doc, score, sortKey, 0, 0));
    }

    private void CountFacets(int doc)
    {
        foreach (var f in _segment)
        {
            f.Count(doc);
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
        foreach (var m in _twins.Values)
        {
            Offer(m);
        }

        _twins.Clear();
        var list = new List<Match>(_heap.Count);
        while (_heap.TryDequeue(out var m, out _))
        {
            list.Add(m);
        }

        list.Sort(Compare);
        return list.Skip(skip).Take(take).ToList();
    }

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
        FlushSegment();
        return _facetCounts.ToDictionary(
            kv => kv.Key,
            IReadOnlyList<FacetValue> (kv) => kv.Value
                .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new FacetValue(p.Key, p.Value)).ToList());
    }

    private void FlushSegment()
    {
        foreach (var f in _segment)
        {
            f.AddTo(_facetCounts[f.Field]);
        }

        _segment = [];
    }

    private sealed class SegmentFacets
    {
        private readonly SortedDocValues? _single;
        private readonly SortedSetDocValues? _multi;
        private readonly int[] _counts;

        public SegmentFacets(string field, AtomicReader reader)
        {
            Field = field;
            if (field is SearchFields.Issuer)
            {
                _multi = reader.GetSortedSetDocValues(field);
                _counts = new int[_multi?.ValueCount ?? 0];
            }
            else
            {
                _single = reader.GetSortedDocValues(field);
                _counts = new int[_single?.ValueCount ?? 0];
            }
        }

        public string Field { get; }

        public void Count(int doc)
        {
            if (_single is not null)
            {
                var ord = _single.GetOrd(doc);
                if (ord >= 0)
                {
                    _counts[ord]++;
                }
            }
            else if (_multi is not null)
            {
                _multi.SetDocument(doc);
                for (var ord = _multi.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = _multi.NextOrd())
                {
                    _counts[ord]++;
                }
            }
        }

        public void AddTo(Dictionary<string, int> totals)
        {
            var scratch = new BytesRef();
            for (var ord = 0; ord < _counts.Length; ord++)
            {
                if (_counts[ord] == 0)
                {
                    continue;
                }

                if (_single is not null)
                {
                    _single.LookupOrd(ord, scratch);
                }
                else
                {
                    _multi!.LookupOrd(ord, scratch);
                }

                var key = scratch.Utf8ToString();
                totals[key] = totals.GetValueOrDefault(key) + _counts[ord];
            }
        }
    }
}
