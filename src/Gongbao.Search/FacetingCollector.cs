using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gongbao.Search;

/// <summary>
/// Collects every match once: keeps (doc, score, witness rank) for ranking, folds witnesses of the
/// same document (same <c>id</c>, by the ID hash kept as numeric doc values) for the total, and
/// counts facet values per segment by ordinal, resolving them to strings only at the end.
/// </summary>
internal sealed class FacetingCollector(string[] facetFields) : ICollector
{
    internal readonly record struct Match(int Doc, float Score, int Rank, ulong IdHash);

    private readonly List<Match> _matches = [];
    private readonly HashSet<ulong> _seenIds = [];
    private readonly Dictionary<string, Dictionary<string, int>> _facetCounts =
        facetFields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));

    private Scorer? _scorer;
    private int _docBase;
    private NumericDocValues? _ids;
    private NumericDocValues? _ranks;
    private SegmentFacets[] _segment = [];

    public int DistinctCount => _seenIds.Count;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        _docBase = context.DocBase;
        var reader = context.AtomicReader;
        _ids = reader.GetNumericDocValues(SearchFields.IdHash);
        _ranks = reader.GetNumericDocValues(SearchFields.WitnessRank);
        _segment = facetFields.Select(f => new SegmentFacets(f, reader)).ToArray();
    }

    public void Collect(int doc)
    {
        var hash = (ulong)(_ids?.Get(doc) ?? doc + _docBase);
        var rank = (int)(_ranks?.Get(doc) ?? 0);
        _matches.Add(new Match(_docBase + doc, _scorer!.GetScore(), rank, hash));
        if (_seenIds.Add(hash))
        {
            foreach (var f in _segment)
            {
                f.Count(doc);
            }
        }
    }

    /// <summary>Hits <paramref name="skip"/>..+<paramref name="take"/> in rank order, one per document.</summary>
    public IReadOnlyList<Match> Top(int skip, int take)
    {
        var want = skip + take;
        for (var k = Math.Min(_matches.Count, (want * 2) + 10); ; k = Math.Min(_matches.Count, k * 2))
        {
            var best = SelectBest(k);
            var seen = new HashSet<ulong>();
            var distinct = best.Where(m => seen.Add(m.IdHash)).ToList();
            if (distinct.Count >= want || k >= _matches.Count)
            {
                return distinct.Skip(skip).Take(take).ToList();
            }
        }
    }

    private static int Compare(Match a, Match b)
    {
        var c = b.Score.CompareTo(a.Score);
        if (c != 0)
        {
            return c;
        }

        c = a.Rank.CompareTo(b.Rank);
        return c != 0 ? c : a.Doc.CompareTo(b.Doc);
    }

    private List<Match> SelectBest(int k)
    {
        if (k <= 0)
        {
            return [];
        }

        // Bounded min-heap: O(n log k) instead of sorting every match.
        var heap = new PriorityQueue<Match, Match>(k, Comparer<Match>.Create((a, b) => Compare(b, a)));
        foreach (var m in _matches)
        {
            if (heap.Count < k)
            {
                heap.Enqueue(m, m);
            }
            else if (Compare(m, heap.Peek()) < 0)
            {
                heap.EnqueueDequeue(m, m);
            }
        }

        var list = new List<Match>(heap.Count);
        while (heap.TryDequeue(out var m, out _))
        {
            list.Add(m);
        }

        list.Sort(Compare);
        return list;
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
            if (field is SearchFields.Issuer or SearchFields.Kind)
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
