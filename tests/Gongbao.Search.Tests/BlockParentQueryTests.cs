using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gongbao.Search.Tests;

/// <summary>
/// <see cref="BlockParentQuery"/> (a provision entry matches when its document's title does) against the plain way: every
/// document entry the inner query matches, then every live provision entry after it up to the next document entry. Over
/// several segments with deleted entries, walked by NextDoc, by Advance to scattered targets, and within split ranges.
/// </summary>
public sealed class BlockParentQueryTests : IDisposable
{
    // Deleted entries stay in the first segment, which the reader state is read from too.
    private readonly GazetteIndex _index = SampleCorpus.IndexWithReplacedSources();

    public static TheoryData<string> Words => ["管理", "办法", "北京市", "广播电视", "幼儿园", "园", "通知", "信用"];

    [Theory]
    [MemberData(nameof(Words))]
    public void Matches_exactly_the_live_provision_entries_of_documents_whose_title_matches(string word)
    {
        _index.Inspect(new SearchRequest { Query = word, Level = SearchLevel.Provision }, (searcher, state, _, _) =>
        {
            var title = SearchQueryBuilder.Phrase(ChineseAnalyzer.ForQuery(), SearchFields.TitleZh, word)!;
            var weight = searcher.CreateNormalizedWeight(new BlockParentQuery(title, state.Blocks));
            var titleWeight = searcher.CreateNormalizedWeight(title);
            var children = 0;
            var segmentsWithDeletions = 0;
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var reader = leaf.AtomicReader;
                segmentsWithDeletions += reader.LiveDocs is null ? 0 : 1;
                var accepted = state.LiveTypeDocs(leaf.Ord, SearchLevel.Provision);
                var expected = Expected(leaf, titleWeight, state.Blocks[leaf.Ord]!, accepted);
                children += expected.Count;

                Assert.Equal(expected.Keys, Walk(weight.GetScorer(leaf, accepted)).Select(h => h.Doc));
                Assert.Equal(expected.Values, Walk(weight.GetScorer(leaf, accepted)).Select(h => h.Score));

                // Advance to every third live entry (provision or not): the first match at or after each target.
                var scorer = weight.GetScorer(leaf, accepted);
                var sorted = expected.Keys.ToList();
                for (var target = 1; scorer is not null && target < reader.MaxDoc; target += 3)
                {
                    if (scorer.DocID >= target)
                    {
                        continue;
                    }

                    var want = sorted.FirstOrDefault(d => d >= target, DocIdSetIterator.NO_MORE_DOCS);
                    Assert.Equal(want, scorer.Advance(target));
                    if (want == DocIdSetIterator.NO_MORE_DOCS)
                    {
                        break;
                    }
                }

                // Split into two ranges, as split matching does: each range gives its own part, nothing more.
                var middle = reader.MaxDoc / 2;
                var low = Walk(weight.GetScorer(leaf, new RangeBits(accepted!, 0, middle))).Select(h => h.Doc);
                var high = Walk(weight.GetScorer(leaf, new RangeBits(accepted!, middle, reader.MaxDoc))).Select(h => h.Doc);
                Assert.Equal(sorted, low.Concat(high));
            }

            Assert.True(children > 0, $"{word}: some document title matches");
            Assert.True(segmentsWithDeletions > 0, "a segment with deleted entries was walked");
            return 0;
        });
    }

    [Fact]
    public void No_provision_entry_indexes_its_documents_title()
    {
        _index.Inspect(new SearchRequest { Query = "管理", Level = SearchLevel.Provision }, (searcher, state, _, _) =>
        {
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var titled = leaf.AtomicReader.GetTermDocsEnum(new Term(SearchFields.TitleZh, "管理"));
                for (var d = titled?.NextDoc() ?? DocIdSetIterator.NO_MORE_DOCS; d != DocIdSetIterator.NO_MORE_DOCS; d = titled!.NextDoc())
                {
                    Assert.True(state.Blocks[leaf.Ord]!.Get(d), $"entry {d} of segment {leaf.Ord} indexes a title but is no document entry");
                }

                Assert.DoesNotContain("doc_title", leaf.AtomicReader.FieldInfos.Select(f => f.Name));
            }

            return 0;
        });
    }

    [Fact]
    public void As_a_filter_it_finds_each_segments_blocks_by_its_reader_and_refuses_a_lone_segment_it_cannot_place()
    {
        _index.Inspect(new SearchRequest { Query = "管理", Level = SearchLevel.Provision }, (searcher, state, _, _) =>
        {
            Assert.True(searcher.IndexReader.Leaves.Count > 1);
            var title = SearchQueryBuilder.Phrase(ChineseAnalyzer.ForQuery(), SearchFields.TitleZh, "管理")!;
            var query = new TermQuery(new Term(SearchFields.Type, SearchFields.ProvisionType));

            // A filter hands each segment over as segment 0: with the reader's segments, the same entries as the query form.
            var placed = new TotalHitCountCollector();
            searcher.Search(new FilteredQuery(query, new QueryWrapperFilter(new BlockParentQuery(title, state.Blocks, searcher.IndexReader.Leaves))), placed);
            var direct = new TotalHitCountCollector();
            searcher.Search(new FilteredQuery(new BlockParentQuery(title, state.Blocks), new QueryWrapperFilter(query)), direct);
            Assert.True(direct.TotalHits > 0);
            Assert.Equal(direct.TotalHits, placed.TotalHits);

            // Without them, a lone segment of a reader of several is refused rather than given segment 0's blocks.
            Assert.Throws<InvalidOperationException>(() =>
                searcher.Search(new FilteredQuery(query, new QueryWrapperFilter(new BlockParentQuery(title, state.Blocks))), new TotalHitCountCollector()));

            // So is the block join the other way (document entries by their provisions), which has no filter form.
            var documents = new TermQuery(new Term(SearchFields.Type, SearchFields.DocumentType));
            var body = SearchQueryBuilder.Phrase(ChineseAnalyzer.ForQuery(), SearchFields.Text, "管理")!;
            var joined = new TotalHitCountCollector();
            searcher.Search(new FilteredQuery(new BlockJoinQuery(body, state.Blocks), new QueryWrapperFilter(documents)), joined);
            Assert.True(joined.TotalHits > 0);
            Assert.Throws<InvalidOperationException>(() =>
                searcher.Search(new FilteredQuery(documents, new QueryWrapperFilter(new BlockJoinQuery(body, state.Blocks))), new TotalHitCountCollector()));
            return 0;
        });
    }

    [Theory]
    [InlineData("工作")]
    [InlineData("管理")]
    [InlineData("补助")]
    public void Provision_filters_keep_exactly_the_entries_whose_stored_facts_match(string text)
    {
        // The facts are indexed on document entries only; each provision entry still stores them (and keeps dates as doc values).
        var all = Entries(new SearchRequest { Query = text, Level = SearchLevel.Provision });
        Assert.True(all.Count > 20, $"{text}: {all.Count} entries");
        var requests = new List<(SearchRequest Request, Func<Entry, bool> Keeps)>();
        foreach (var year in all.SelectMany(e => e.Stored.GetValues(SearchFields.Year)).Distinct().Take(2))
        {
            requests.Add((new SearchRequest { Query = text, Level = SearchLevel.Provision, Year = int.Parse(year, System.Globalization.CultureInfo.InvariantCulture) },
                e => e.Stored.GetValues(SearchFields.Year).Contains(year)));
        }

        foreach (var year in all.SelectMany(e => e.Stored.GetValues(SearchFields.IssueYear)).Distinct().Take(2))
        {
            requests.Add((new SearchRequest { Query = text, Level = SearchLevel.Provision, IssueYear = int.Parse(year, System.Globalization.CultureInfo.InvariantCulture) },
                e => e.Stored.GetValues(SearchFields.IssueYear).Contains(year)));
        }

        foreach (var kind in all.SelectMany(e => e.Stored.GetValues(SearchFields.Kind)).Distinct())
        {
            requests.Add((new SearchRequest { Query = text, Level = SearchLevel.Provision, Kind = kind }, e => e.Stored.GetValues(SearchFields.Kind).Contains(kind)));
        }

        foreach (var section in all.SelectMany(e => e.Stored.GetValues(SearchFields.Section)).Distinct().Take(3))
        {
            requests.Add((new SearchRequest { Query = text, Level = SearchLevel.Provision, Section = section }, e => e.Stored.GetValues(SearchFields.Section).Contains(section)));
        }

        var signed = all.Where(e => e.SignedOn is not null).Select(e => (int)e.SignedOn!.Value).Order().ToList();
        Assert.NotEmpty(signed);
        var (from, to) = (signed[signed.Count / 4], signed[signed.Count * 3 / 4]);
        requests.Add((new SearchRequest
        {
            Query = text,
            Level = SearchLevel.Provision,
            SignedFrom = new DateOnly(from / 10000, from / 100 % 100, from % 100),
            SignedTo = new DateOnly(to / 10000, to / 100 % 100, to % 100),
        }, e => e.SignedOn >= from && e.SignedOn <= to));

        foreach (var (request, keeps) in requests)
        {
            var expected = all.Where(keeps).Select(e => e.Doc).Order().ToList();
            Assert.NotEmpty(expected);
            Assert.True(expected.SequenceEqual(Entries(request).Select(e => e.Doc).Order()), $"{request}: {expected.Count} expected, {Entries(request).Count} found");
        }
    }

    private sealed record Entry(int Doc, Lucene.Net.Documents.Document Stored, long? SignedOn);

    // Every entry the request's query matches within its filters, as Search runs it, with what the entry stores.
    private List<Entry> Entries(SearchRequest request) => _index.Inspect(request, (searcher, _, run, _) =>
    {
        var docs = new List<int>();
        run!(new DocCollector(docs));
        return docs.Select(d =>
        {
            var leaf = searcher.IndexReader.Leaves[ReaderUtil.SubIndex(d, searcher.IndexReader.Leaves)];
            var local = d - leaf.DocBase;
            var signed = leaf.AtomicReader.GetNumericDocValues(SearchFields.SignedOn);
            var has = leaf.AtomicReader.GetDocsWithField(SearchFields.SignedOn);
            return new Entry(d, searcher.Doc(d), has is not null && has.Get(local) ? signed!.Get(local) : null);
        }).ToList();
    });

    private sealed class DocCollector(List<int> docs) : ICollector
    {
        private int _base;

        public bool AcceptsDocsOutOfOrder => true;

        public void Collect(int doc) => docs.Add(_base + doc);

        public void SetNextReader(AtomicReaderContext context) => _base = context.DocBase;

        public void SetScorer(Scorer scorer)
        {
        }
    }

    // Every document entry the title matches (live), then its block's accepted entries, each with the document's score.
    private static SortedDictionary<int, float> Expected(AtomicReaderContext leaf, Weight titleWeight, FixedBitSet parents, IBits? accepted)
    {
        var result = new SortedDictionary<int, float>();
        var reader = leaf.AtomicReader;
        var scorer = titleWeight.GetScorer(leaf, reader.LiveDocs);
        for (var p = scorer?.NextDoc() ?? DocIdSetIterator.NO_MORE_DOCS; p != DocIdSetIterator.NO_MORE_DOCS; p = scorer!.NextDoc())
        {
            Assert.True(parents.Get(p));
            for (var c = p + 1; c < reader.MaxDoc && !parents.Get(c); c++)
            {
                if (accepted is null || accepted.Get(c))
                {
                    result[c] = scorer!.GetScore();
                }
            }
        }

        return result;
    }

    private static List<(int Doc, float Score)> Walk(Scorer? scorer)
    {
        var hits = new List<(int, float)>();
        for (var d = scorer?.NextDoc() ?? DocIdSetIterator.NO_MORE_DOCS; d != DocIdSetIterator.NO_MORE_DOCS; d = scorer!.NextDoc())
        {
            hits.Add((d, scorer!.GetScore()));
        }

        return hits;
    }

    public void Dispose() => _index.Dispose();
}
