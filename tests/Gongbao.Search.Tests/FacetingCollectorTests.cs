using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gongbao.Search.Tests;

/// <summary>
/// The collector's shortcuts (facet groups read once per reader, twins found once per reader, type and placeholder
/// bit sets) give exactly what the plain way gives: every hit folded by its fold key through a dictionary, every
/// facet value read from doc values per hit, placeholders from their doc values.
/// </summary>
public sealed class FacetingCollectorTests : IDisposable
{
    // Deleted entries stay in the first segment, which the reader state is read from too.
    private readonly GazetteIndex _index = SampleCorpus.IndexWithReplacedSources();

    public static TheoryData<string, SearchLevel, int?, string?> Requests => new()
    {
        { "工作", SearchLevel.Provision, null, null },
        { "工作", SearchLevel.Document, null, null },
        { "园", SearchLevel.Document, null, null },
        { "园", SearchLevel.Provision, null, null },
        { "补助", SearchLevel.Provision, null, null },
        { "广播电视", SearchLevel.Provision, null, null },
        { "附件", SearchLevel.Provision, null, null },
        { "信用 修复", SearchLevel.Provision, null, null },
        { "第八条", SearchLevel.Provision, null, null },
        { "measures", SearchLevel.Document, null, null },
        { "实施", SearchLevel.Document, null, "Measures" },
        { "管理", SearchLevel.Provision, 2024, null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Totals_facets_and_order_equal_a_dictionary_fold_of_every_hit(string text, SearchLevel level, int? issueYear, string? kind)
    {
        var request = new SearchRequest { Query = text, Level = level, IssueYear = issueYear, Kind = kind };
        _index.Inspect(request, (searcher, state, run, query) =>
        {
            Assert.NotNull(run);
            Assert.NotNull(query);
            var collector = new FacetingCollector(state, 1000, sortField: null);
            run(collector);
            var reference = new ReferenceCollector(WitnessCounts(searcher.IndexReader));
            run(reference);

            Assert.True(reference.Hits > 0, $"{text}: the request finds something");

            // The level and deletions given to the scorers as accepted documents, and the filters (indexed on document entries
            // only, reaching provisions through their block): the same hits as a plain filter on what each entry stores.
            var type = level == SearchLevel.Document ? SearchFields.DocumentType : SearchFields.ProvisionType;
            var filters = new List<(string Field, string Value)> { (SearchFields.Type, type) };
            if (issueYear is { } y)
            {
                filters.Add((SearchFields.IssueYear, y.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            if (kind is not null)
            {
                filters.Add((SearchFields.Kind, kind));
            }

            var plain = new TotalHitCountCollector();
            searcher.Search(new FilteredQuery(query, new StoredValuesFilter(filters)), plain);
            Assert.Equal(plain.TotalHits, reference.Hits);
            Assert.Equal(reference.Folded.Count, collector.DistinctCount);
            var facets = collector.Facets();
            Assert.Equal(ReaderState.FacetFields, facets.Keys);
            var counts = reference.Counts(searcher.IndexReader);
            foreach (var field in ReaderState.FacetFields)
            {
                var expected = counts.GetValueOrDefault(field, []).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => (p.Key, p.Value));
                Assert.Equal(expected, facets[field].Select(f => (f.Value, f.Count)));
            }

            var expectedOrder = reference.Folded.Values
                .OrderByDescending(m => m.Score).ThenBy(m => m.Rank).ThenBy(m => m.Doc)
                .Select(m => (m.Doc, m.Score));
            Assert.Equal(expectedOrder, collector.Top(0, 1000).Select(m => (m.Doc, m.Score)));
            return 0;
        });
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void Matching_split_over_two_threads_gives_the_hits_scores_totals_facets_and_pages_of_one_pass(string text, SearchLevel level, int? issueYear, string? kind)
    {
        var request = new SearchRequest { Query = text, Level = level, IssueYear = issueYear, Kind = kind };
        _index.SplitMatching = false;
        var onePass = Collect(request);
        var pages = new[] { 1, 2 }.Select(page => Json(_index.Search(request with { Page = page }))).ToList();
        _index.SplitMatching = true;
        _index.SplitMinimumEntries = 0;
        try
        {
            // Split points in the first segment (both halves read it), near the end (the second half reads the later
            // segments), and between two witnesses of one fold (each half folds one of them).
            foreach (var (at, snap) in new[] { 0.1, 0.5, 0.9, 0.99 }.Select(f => (f, 0.1)).Concat(SplitsBetweenTwins(request).Select(f => (f, 0.0))))
            {
                (_index.SplitFraction, _index.SplitSnap) = (at, snap);
                var split = Collect(request);
                Assert.Equal(onePass.Total, split.Total);
                Assert.Equal(onePass.Facets, split.Facets);
                Assert.Equal(onePass.Top, split.Top);
                Assert.Equal(pages, new[] { 1, 2 }.Select(page => Json(_index.Search(request with { Page = page }))));
            }
        }
        finally
        {
            _index.SplitMatching = false;
            (_index.SplitFraction, _index.SplitSnap) = (0.5, 0.1);
        }

        static string Json(SearchResults r) => System.Text.Json.JsonSerializer.Serialize(r with { ElapsedMilliseconds = 0 });
    }

    [Fact]
    public void Merging_collectors_folds_witnesses_as_one_collector_whichever_side_holds_which_witness()
    {
        _index.Inspect(new SearchRequest { Query = "广播电视", Level = SearchLevel.Provision }, (searcher, state, _, _) =>
        {
            // Every live witness pair of one fold key, with its scores made up: the later witness scores higher, so the
            // fold's score, its representative (the better witness rank) and its facets (the first witness) all matter.
            var pairs = new List<(AtomicReaderContext Leaf, int Doc)[]>();
            var byHash = new Dictionary<long, List<(AtomicReaderContext, int)>>();
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var ids = leaf.AtomicReader.GetNumericDocValues(SearchFields.IdHash);
                var twins = state.TwinDocs(leaf.Ord);
                var live = leaf.AtomicReader.LiveDocs;
                for (var d = 0; twins is not null && d < leaf.AtomicReader.MaxDoc; d++)
                {
                    if (twins.Get(d) && (live is null || live.Get(d)))
                    {
                        (byHash.TryGetValue(ids.Get(d), out var list) ? list : byHash[ids.Get(d)] = []).Add((leaf, d));
                    }
                }
            }

            pairs.AddRange(byHash.Values.Where(l => l.Count == 2).Select(l => l.ToArray()));
            Assert.NotEmpty(pairs);

            var one = new FacetingCollector(state, 1000, sortField: null);
            var (lower, upper) = (new FacetingCollector(state, 1000, sortField: null), new FacetingCollector(state, 1000, sortField: null));
            var scorer = new FixedScorer();
            var n = 0;
            foreach (var pair in pairs)
            {
                foreach (var (leaf, doc) in pair)
                {
                    scorer.Score = 1f + n++;
                    foreach (var c in new[] { one, doc == pair[0].Doc && leaf == pair[0].Leaf ? upper : lower })
                    {
                        // The first witness goes to the collector merged in (the other side), the second to the one merging.
                        c.SetNextReader(leaf);
                        c.SetScorer(scorer);
                        c.Collect(doc);
                    }
                }
            }

            lower.Merge(upper);
            Assert.Equal(one.DistinctCount, lower.DistinctCount);
            Assert.Equal(one.Facets().SelectMany(f => f.Value.Select(v => (f.Key, v.Value, v.Count))), lower.Facets().SelectMany(f => f.Value.Select(v => (f.Key, v.Value, v.Count))));
            Assert.Equal(one.Top(0, 1000), lower.Top(0, 1000));
            return 0;
        });
    }

    private sealed class FixedScorer() : Scorer(null)
    {
        public float Score { get; set; }

        public override float GetScore() => Score;

        public override int Freq => 1;

        public override int DocID => -1;

        public override int NextDoc() => NO_MORE_DOCS;

        public override int Advance(int target) => NO_MORE_DOCS;

        public override long GetCost() => 1;
    }

    [Fact]
    public void Some_witnesses_of_one_fold_fall_on_either_side_of_a_split() =>
        Assert.NotEmpty(SplitsBetweenTwins(new SearchRequest { Query = "广播电视", Level = SearchLevel.Provision }));

    // Split fractions that put the split (not moved to a segment boundary) between two witnesses of one fold key that match the request (a few).
    private List<double> SplitsBetweenTwins(SearchRequest request) =>
        _index.Inspect(request, (searcher, state, run, _) =>
        {
            var reference = new ReferenceCollector(WitnessCounts(searcher.IndexReader));
            run!(reference);
            var leaves = searcher.IndexReader.Leaves;
            var maxDoc = searcher.IndexReader.MaxDoc;
            var fractions = new List<double>();
            foreach (var docs in reference.DocsByFold.Values.Where(d => d.Count > 1).Take(40))
            {
                var (first, last) = (docs.Min(), docs.Max());
                var at = (first + 1.5) / maxDoc;
                var split = GazetteIndex.SplitPoint(leaves, maxDoc, at, snap: 0);
                if (split > first && split <= last && fractions.Count < 3)
                {
                    fractions.Add(at);
                }
            }

            return fractions;
        });

    private (int Total, List<(string, string, int)> Facets, List<FacetingCollector.Match> Top) Collect(SearchRequest request) =>
        _index.Inspect(request, (_, state, run, _) =>
        {
            var collector = new FacetingCollector(state, 1000, sortField: null);
            run!(collector);
            var facets = collector.Facets().SelectMany(f => f.Value.Select(v => (f.Key, v.Value, v.Count))).ToList();
            return (collector.DistinctCount, facets, collector.Top(0, 1000).ToList());
        });

    [Fact]
    public void The_samples_have_folded_witnesses_and_placeholders_for_the_comparison_to_cover()
    {
        _index.Inspect(new SearchRequest { Query = "附件", Level = SearchLevel.Provision }, (searcher, state, _, _) =>
        {
            var reference = new ReferenceCollector(WitnessCounts(searcher.IndexReader));
            searcher.Search(new FilteredQuery(new MatchAllDocsQuery(), new QueryWrapperFilter(new TermQuery(new Term(SearchFields.Type, SearchFields.ProvisionType)))), reference);
            Assert.True(reference.Hits > reference.Folded.Count, "some provisions are printed in two witnesses");
            Assert.True(reference.Placeholders > 0, "some provisions are annex placeholders");
            Assert.True(searcher.IndexReader.NumDeletedDocs > 0, "the replaced sources left deleted entries");
            Assert.True(searcher.IndexReader.Leaves.Count > 1, "several segments");
            return 0;
        });
    }

    // Live entries per fold key in the whole index: a hit ranks by its witness only when its entry has a twin.
    private static Dictionary<long, int> WitnessCounts(IndexReader reader)
    {
        var counts = new Dictionary<long, int>();
        foreach (var leaf in reader.Leaves)
        {
            var ids = leaf.AtomicReader.GetNumericDocValues(SearchFields.IdHash);
            var live = leaf.AtomicReader.LiveDocs;
            for (var d = 0; d < leaf.AtomicReader.MaxDoc; d++)
            {
                if (live is null || live.Get(d))
                {
                    counts[ids.Get(d)] = counts.GetValueOrDefault(ids.Get(d)) + 1;
                }
            }
        }

        return counts;
    }

    /// <summary>The plain way: a dictionary entry per hit, doc values read per hit.</summary>
    private sealed class ReferenceCollector(Dictionary<long, int> witnesses) : ICollector
    {
        private Scorer? _scorer;
        private AtomicReader? _reader;
        private int _base;

        public int Hits { get; private set; }

        public int Placeholders { get; private set; }

        public Dictionary<long, (int Doc, float Score, long Rank)> Folded { get; } = [];

        /// <summary>Every hit's top-level doc ID, per fold key.</summary>
        public Dictionary<long, List<int>> DocsByFold { get; } = [];

        private readonly Dictionary<long, int> _first = [];

        // As the collector: the same scorer, so witnesses of one entry are met in the same order.
        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context)
        {
            _reader = context.AtomicReader;
            _base = context.DocBase;
        }

        public void Collect(int doc)
        {
            Hits++;
            var score = _scorer!.GetScore();
            if (_reader!.GetNumericDocValues(SearchFields.Placeholder)?.Get(doc) is { } p && p != 0)
            {
                score *= FacetingCollector.PlaceholderFactor;
                Placeholders++;
            }

            var hash = _reader.GetNumericDocValues(SearchFields.IdHash).Get(doc);
            _first[hash] = Math.Min(_first.GetValueOrDefault(hash, int.MaxValue), _base + doc);
            (DocsByFold.TryGetValue(hash, out var docs) ? docs : DocsByFold[hash] = []).Add(_base + doc);
            var rank = witnesses[hash] > 1 ? _reader.GetNumericDocValues(SearchFields.WitnessRank).Get(doc) : 0;
            var m = (Doc: _base + doc, Score: score, Rank: rank);
            if (Folded.TryGetValue(hash, out var other))
            {
                var keep = m.Rank < other.Rank || (m.Rank == other.Rank && m.Doc < other.Doc) ? m : other;
                Folded[hash] = keep with { Score = Math.Max(m.Score, other.Score) };
                return;
            }

            Folded[hash] = m;
        }

        /// <summary>Facet values per folded entry, read at its first witness in index order (what an in-order pass counts).</summary>
        public Dictionary<string, Dictionary<string, int>> Counts(IndexReader reader)
        {
            var counts = new Dictionary<string, Dictionary<string, int>>();
            var scratch = new BytesRef();
            foreach (var doc in _first.Values)
            {
                var leaf = reader.Leaves[ReaderUtil.SubIndex(doc, reader.Leaves)];
                var r = leaf.AtomicReader;
                var local = doc - leaf.DocBase;
                foreach (var field in ReaderState.FacetFields)
                {
                    if (field == SearchFields.Issuer)
                    {
                        var values = r.GetSortedSetDocValues(field);
                        values.SetDocument(local);
                        for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
                        {
                            values.LookupOrd(ord, scratch);
                            Add(counts, field, scratch.Utf8ToString());
                        }
                    }
                    else if (r.GetSortedDocValues(field) is { } single && single.GetOrd(local) >= 0)
                    {
                        single.Get(local, scratch);
                        Add(counts, field, scratch.Utf8ToString());
                    }
                }
            }

            return counts;
        }

        private static void Add(Dictionary<string, Dictionary<string, int>> counts, string field, string value)
        {
            var byValue = counts.TryGetValue(field, out var c) ? c : counts[field] = new Dictionary<string, int>(StringComparer.Ordinal);
            byValue[value] = byValue.GetValueOrDefault(value) + 1;
        }
    }

    public void Dispose() => _index.Dispose();

    /// <summary>Entries that store every given value (a stored field may hold several: an entry's kinds).</summary>
    private sealed class StoredValuesFilter(IReadOnlyList<(string Field, string Value)> values) : Filter
    {
        public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
        {
            var reader = context.AtomicReader;
            var bits = new FixedBitSet(reader.MaxDoc);
            for (var d = 0; d < reader.MaxDoc; d++)
            {
                if (acceptDocs is not null && !acceptDocs.Get(d))
                {
                    continue;
                }

                var stored = reader.Document(d);
                if (values.All(v => stored.GetValues(v.Field).Contains(v.Value)))
                {
                    bits.Set(d);
                }
            }

            return bits;
        }
    }
}
