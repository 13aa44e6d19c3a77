using System.Text.Json;

using Lucene.Net.Analysis.En;

namespace Gongbao.Search.Tests;

/// <summary>
/// A search matches with the matching form of its query (no body phrase boosts; at document level a document's body scored
/// by its first matching provision) and scores its best hits again with the whole query
/// (<see cref="SearchQueryBuilder.RescoreWindow"/>). What it finds, counts and facets must equal what the whole query
/// finds; the window's hits rank by their whole score; with a window holding every hit the result is exactly that of
/// scoring every hit with the whole query. At both levels, over three segments with deleted entries and folded witnesses.
/// </summary>
public sealed class RescoreWindowTests : IDisposable
{
    // Three segments with deleted entries: the window's entries are scored segment by segment.
    private readonly GazetteIndex _index = SampleCorpus.IndexWithReplacedSources();

    private static readonly string[] Texts = ["信用 修复", "信用评价", "补助资金", "管理 办法", "广播电视 管理", "幼儿园 补助", "评价 等级", "\"信用\" 评价"];

    private static readonly string[] ProvisionTexts = ["信用 修复", "养老服务", "补助资金", "广播电视 管理", "管理 部门 负责", "评价等级", "幼儿园补助"];

    public static TheoryData<string, SearchLevel> Queries
    {
        get
        {
            var data = new TheoryData<string, SearchLevel>();
            foreach (var text in Texts)
            {
                data.Add(text, SearchLevel.Document);
            }

            foreach (var text in ProvisionTexts)
            {
                data.Add(text, SearchLevel.Provision);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void A_window_holding_every_hit_gives_the_result_of_the_whole_query_for_every_hit(string text, SearchLevel level)
    {
        var request = new SearchRequest { Query = text, Level = level, PageSize = 5 };
        Assert.True(Search(request, window: 0).Total > 1, $"{text}: several hits");
        var whole = Pages(request, window: 0);
        var windowed = Pages(request, window: 10_000);
        for (var page = 0; page < whole.Count; page++)
        {
            // Scores to float rounding: Lucene sums a disjunction's scores in the order its scorers stand, which depends on
            // whether they were advanced to the entry or walked to it.
            Assert.Equal(Json(whole[page] with { Hits = [] }), Json(windowed[page] with { Hits = [] }));
            Assert.Equal(whole[page].Hits.Select(h => h with { Score = 0 }), windowed[page].Hits.Select(h => h with { Score = 0 }), HitComparer);
            Assert.All(whole[page].Hits.Zip(windowed[page].Hits), p => Assert.Equal(p.First.Score, p.Second.Score, 1e-5 * Math.Abs(p.First.Score)));
        }
    }

    [Theory]
    [InlineData("广播电视 管理", SearchLevel.Document, 2021)]
    [InlineData("广播电视 管理", SearchLevel.Provision, 2021)]
    [InlineData("补助 资金", SearchLevel.Provision, 2024)]
    [InlineData("补助", SearchLevel.Document, 2025)]
    public void Within_filters_the_window_scores_only_the_witnesses_the_filters_let_through(string text, SearchLevel level, int issueYear)
    {
        // The sample's standalone document and its gazette copy fold into one hit; a filter may let one witness through.
        var request = new SearchRequest { Query = text, Level = level, IssueYear = issueYear, PageSize = 50 };
        var whole = Search(request, window: 0);
        Assert.True(whole.Total > 1, $"{text}: several hits");
        var windowed = Search(request, window: 10_000);
        Assert.Equal(whole.Total, windowed.Total);
        Assert.Equal(whole.Hits.Select(h => h.Id), windowed.Hits.Select(h => h.Id));
        Assert.All(whole.Hits.Zip(windowed.Hits), p => Assert.Equal(p.First.Score, p.Second.Score, 1e-5 * Math.Abs(p.First.Score)));
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void A_small_window_ranks_its_hits_by_their_whole_score_first_and_keeps_totals_facets_and_hits(string text, SearchLevel level)
    {
        var request = new SearchRequest { Query = text, Level = level, PageSize = 100 };
        var whole = Search(request, window: 0);
        var windowed = Search(request, window: 2);
        Assert.Equal(whole.Total, windowed.Total);
        Assert.Equal(JsonSerializer.Serialize(whole.Facets), JsonSerializer.Serialize(windowed.Facets));
        Assert.Equal(whole.Hits.Select(h => h.Id).Order(StringComparer.Ordinal), windowed.Hits.Select(h => h.Id).Order(StringComparer.Ordinal));

        // The window: the two best by the matching pass, in the order and with the scores of the whole query.
        var byWords = MatchingPassOrder(request);
        var window = byWords.Take(2).ToHashSet(StringComparer.Ordinal);
        var scores = whole.Hits.ToDictionary(h => h.Id, h => h.Score, StringComparer.Ordinal);
        Assert.Equal(window, windowed.Hits.Take(2).Select(h => h.Id).ToHashSet(StringComparer.Ordinal));
        Assert.All(windowed.Hits.Take(2), h => Assert.Equal(scores[h.Id], h.Score, 1e-5 * Math.Abs(h.Score)));
        Assert.True(windowed.Hits.Count < 2 || windowed.Hits[0].Score >= windowed.Hits[1].Score);

        // The rest follow in the order of the matching pass.
        Assert.Equal(byWords.Skip(2), windowed.Hits.Skip(2).Select(h => h.Id));
    }

    [Theory]
    [InlineData(SearchLevel.Document)]
    [InlineData(SearchLevel.Provision)]
    public void The_body_phrase_boosts_change_the_order_of_some_query_so_the_window_is_tested(SearchLevel level)
    {
        // Without such a query, ranking by the matching pass alone would pass the tests above.
        var changed = (level == SearchLevel.Document ? Texts : ProvisionTexts)
            .Where(text =>
            {
                var request = new SearchRequest { Query = text, Level = level, PageSize = 100 };
                return !MatchingPassOrder(request).SequenceEqual(Search(request, window: 0).Hits.Select(h => h.Id));
            })
            .ToList();
        Assert.NotEmpty(changed);
    }

    [Theory]
    [InlineData("补助", SearchLevel.Provision)]
    [InlineData("第八条", SearchLevel.Provision)]
    [InlineData("补助", SearchLevel.Document)]
    [InlineData("\"补助资金\"", SearchLevel.Document)]
    public void A_single_word_has_no_boost_to_rescore_and_is_ranked_by_the_whole_query(string text, SearchLevel level)
    {
        var request = new SearchRequest { Query = text, Level = level, PageSize = 20 };
        _index.Inspect(request, (_, state, _, query) =>
        {
            // The matching form is the query itself: nothing is rescored.
            var builder = new SearchQueryBuilder(ChineseAnalyzer.ForQuery(), new EnglishAnalyzer(ChineseAnalyzer.Version));
            Assert.Equal(query, builder.Build(SearchQuery.Parse(text), level, state.Lexicon, blocks: state.Blocks, exact: false));
            return 0;
        });
        Assert.Equal(Json(Search(request, window: 0)), Json(Search(request, window: 1)));
    }

    // The hit IDs in the order the matching form of the query ranks them (what the window is chosen by).
    private List<string> MatchingPassOrder(SearchRequest request) => _index.Inspect(request, (searcher, state, _, _) =>
    {
        var builder = new SearchQueryBuilder(ChineseAnalyzer.ForQuery(), new EnglishAnalyzer(ChineseAnalyzer.Version));
        var query = builder.Build(SearchQuery.Parse(request.Query), request.Level, state.Lexicon, blocks: state.Blocks, exact: false)!;
        var collector = new FacetingCollector(state, 1000, sortField: null);
        var weight = searcher.CreateNormalizedWeight(query);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            if (state.LiveTypeDocs(leaf.Ord, request.Level) is { } accepted && weight.GetScorer(leaf, accepted) is { } scorer)
            {
                collector.SetNextReader(leaf);
                collector.SetScorer(scorer);
                for (var d = scorer.NextDoc(); d != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS; d = scorer.NextDoc())
                {
                    collector.Collect(d);
                }
            }
        }

        return collector.Top(0, 1000).Select(m => searcher.Doc(m.Doc).Get(SearchFields.Id)).ToList();
    });

    private SearchResults Search(SearchRequest request, int window)
    {
        _index.RescoreWindow = window;
        try
        {
            return _index.Search(request);
        }
        finally
        {
            _index.RescoreWindow = SearchQueryBuilder.RescoreWindow;
        }
    }

    private List<SearchResults> Pages(SearchRequest request, int window) =>
        Enumerable.Range(1, 3).Select(page => Search(request with { Page = page }, window)).ToList();

    private static readonly IEqualityComparer<SearchHit> HitComparer =
        EqualityComparer<SearchHit>.Create((a, b) => JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b), h => h.Id.GetHashCode(StringComparison.Ordinal));

    private static string Json(SearchResults r) => JsonSerializer.Serialize(r with { ElapsedMilliseconds = 0 });

    public void Dispose() => _index.Dispose();
}
