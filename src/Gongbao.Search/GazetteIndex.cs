using System.Diagnostics;
using System.Globalization;

using Gongbao.Domain;

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Gongbao.Search;

/// <summary>
/// The full-text index of documents and provisions (one index, a <c>type</c> field tells them apart),
/// kept in <c>&lt;data&gt;/index</c>. Writes are incremental per source (delete by issue, then add);
/// reads share one <see cref="SearcherManager"/> so searches reuse an open searcher. A writer is opened
/// per write batch only (GazetteIndex.Lifecycle.cs), so no process holds the Lucene lock between writes.
/// </summary>
public sealed partial class GazetteIndex : IDisposable
{
    private static readonly string[] FacetFields = [SearchFields.Year, SearchFields.Issuer, SearchFields.Kind, SearchFields.Section];

    private readonly LuceneDirectory _directory;
    private readonly Analyzer _indexAnalyzer;
    private readonly SearchQueryBuilder _queryBuilder;
    private readonly SearcherManager _searchers;
    private long _lastRefreshTicks = Environment.TickCount64;

    private GazetteIndex(LuceneDirectory directory)
    {
        _directory = directory;
        var english = new EnglishAnalyzer(ChineseAnalyzer.Version);
        _indexAnalyzer = new PerFieldAnalyzerWrapper(ChineseAnalyzer.ForIndex(), new Dictionary<string, Analyzer> { [SearchFields.TitleEn] = english });
        _queryBuilder = new SearchQueryBuilder(ChineseAnalyzer.ForQuery(), english);
        if (!DirectoryReader.IndexExists(directory) || FormatOf(directory) != FormatVersion)
        {
            // An empty commit, so readers can open before anything is indexed. An index written in an
            // older layout is emptied instead of mixed with new entries: the caller re-indexes from the store.
            using var w = new IndexWriter(directory, NewConfig(OpenMode.CREATE));
            w.SetCommitData(CommitData);
            w.Commit();
        }

        _searchers = new SearcherManager(directory, null);
    }

    /// <summary>
    /// Layout of the index entries (fields, doc values types). Bump it when they change: an index of
    /// another version is emptied on open and rebuilt from the store, never mixed.
    /// </summary>
    public const int FormatVersion = 4;

    private const string FormatKey = "gongbao.format";

    private static readonly Dictionary<string, string> CommitData = new() { [FormatKey] = FormatVersion.ToString(CultureInfo.InvariantCulture) };

    private static int? FormatOf(LuceneDirectory directory)
    {
        using var reader = DirectoryReader.Open(directory);
        return reader.IndexCommit.UserData.TryGetValue(FormatKey, out var v) && int.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    public static GazetteIndex Open(string path)
    {
        System.IO.Directory.CreateDirectory(path);
        return new GazetteIndex(FSDirectory.Open(new DirectoryInfo(path)));
    }

    public static GazetteIndex InMemory() => new(new RAMDirectory());

    /// <summary>Replaces everything indexed for the issue with its current documents.</summary>
    public void IndexIssue(GazetteIssue issue) => ReplaceIssue(issue.Id, IndexedWitness.FromIssue(issue));

    public void ReplaceIssue(string issueId, IEnumerable<IndexedWitness> witnesses)
    {
        using var batch = BeginBatch();
        batch.Replace(issueId, contentToken: null, witnesses);
        batch.Commit();
    }

    public void DeleteIssue(string issueId)
    {
        using var batch = BeginBatch();
        batch.Delete(issueId);
        batch.Commit();
    }

    /// <summary>Drops the index content and indexes <paramref name="witnesses"/> in one commit.</summary>
    public void Rebuild(IEnumerable<IndexedWitness> witnesses)
    {
        using var batch = BeginBatch();
        batch.Clear();
        batch.Add(witnesses);
        batch.Commit();
    }

    /// <summary>Merges segments down to one (after a bulk build; makes the index smaller and faster).</summary>
    public void Optimize()
    {
        using var batch = BeginBatch();
        batch.MergeSegments();
        batch.Commit();
    }

    /// <summary>Number of Lucene documents (document and provision entries, all witnesses).</summary>
    public int Count
    {
        get
        {
            RefreshIfStale();
            var s = _searchers.Acquire();
            try
            {
                return s.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(s);
            }
        }
    }

    /// <summary>Bytes on disk (0 in memory).</summary>
    public long SizeInBytes => _directory.ListAll().Sum(f => _directory.FileLength(f));

    /// <summary>IDs of the sources that have entries in the index.</summary>
    public HashSet<string> IndexedIssues()
    {
        RefreshIfStale();
        var s = _searchers.Acquire();
        try
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var leaf in s.IndexReader.Leaves)
            {
                var terms = leaf.AtomicReader.GetTerms(SearchFields.Issue);
                if (terms is null)
                {
                    continue;
                }

                var e = terms.GetEnumerator();
                var live = leaf.AtomicReader.LiveDocs;
                while (e.MoveNext())
                {
                    // Deleted documents keep their terms until merged: count only terms with a live document.
                    var docs = e.Docs(live, null);
                    if (docs.NextDoc() != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS)
                    {
                        ids.Add(e.Term.Utf8ToString());
                    }
                }
            }

            return ids;
        }
        finally
        {
            _searchers.Release(s);
        }
    }

    public SearchResults Search(SearchRequest request)
    {
        var clock = Stopwatch.StartNew();
        var parsed = SearchQuery.Parse(request.Query);
        var page = Math.Max(1, request.Page);
        var pageSize = Math.Clamp(request.PageSize, 1, 100);
        var query = _queryBuilder.Build(parsed, request.Level);
        if (query is null)
        {
            return Empty(request, page, pageSize, clock);
        }

        var filter = new BooleanQuery
        {
            { new TermQuery(new Term(SearchFields.Type, request.Level == SearchLevel.Document ? SearchFields.DocumentType : SearchFields.ProvisionType)), Occur.MUST },
        };
        if (request.Year is { } year)
        {
            filter.Add(new TermQuery(new Term(SearchFields.Year, year.ToString(CultureInfo.InvariantCulture))), Occur.MUST);
        }

        AddFilter(filter, SearchFields.Issuer, request.Issuer is null ? null : SearchVariants.Normalize(request.Issuer));
        AddFilter(filter, SearchFields.Kind, request.Kind);
        AddFilter(filter, SearchFields.Section, request.Section);
        var filtered = new FilteredQuery(query, new QueryWrapperFilter(filter));

        RefreshIfStale();
        var searcher = _searchers.Acquire();
        try
        {
            var collector = new FacetingCollector(FacetFields);
            searcher.Search(filtered, collector);
            var top = collector.Top((page - 1) * pageSize, pageSize);
            var hits = top.Select(h => ToHit(searcher.Doc(h.Doc), h.Score, parsed)).ToList();
            return new SearchResults
            {
                Query = request.Query,
                Level = request.Level,
                Total = collector.DistinctCount,
                Page = page,
                PageSize = pageSize,
                Hits = hits,
                Facets = collector.Facets(),
                ElapsedMilliseconds = clock.Elapsed.TotalMilliseconds,
            };
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private static void AddFilter(BooleanQuery filter, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            filter.Add(new TermQuery(new Term(field, value.Trim())), Occur.MUST);
        }
    }

    private static SearchResults Empty(SearchRequest request, int page, int pageSize, Stopwatch clock) => new()
    {
        Query = request.Query,
        Level = request.Level,
        Total = 0,
        Page = page,
        PageSize = pageSize,
        Hits = [],
        Facets = FacetFields.ToDictionary(f => f, IReadOnlyList<FacetValue> (_) => []),
        ElapsedMilliseconds = clock.Elapsed.TotalMilliseconds,
    };

    private static SearchHit ToHit(Lucene.Net.Documents.Document d, float score, SearchQuery query)
    {
        var text = d.Get(SearchFields.Text) ?? "";
        var year = d.Get(SearchFields.Year);
        var heading = d.Get(SearchFields.Heading);
        if (heading is { Length: > 0 })
        {
            // A heading hit should show in the snippet too: 【heading】 leads the text as printed.
            text = $"【{heading}】{text}";
        }

        return new SearchHit
        {
            Id = d.Get(SearchFields.Id),
            DocumentId = d.Get(SearchFields.DocumentId),
            IssueId = d.Get(SearchFields.Issue),
            Title = d.Get(SearchFields.TitleZh) ?? "",
            TitleEn = d.Get(SearchFields.TitleEn),
            Number = d.Get(SearchFields.Number),
            Label = d.Get(SearchFields.Label),
            Heading = heading,
            Year = year is null ? null : int.Parse(year, CultureInfo.InvariantCulture),
            Kind = d.Get(SearchFields.Kind),
            Section = d.Get(SearchFields.Section),
            Issuers = d.GetValues(SearchFields.Issuer),
            Score = score,
            Snippet = SnippetBuilder.Build(text, query.Terms),
        };
    }

    // A separate process (the CLI ingesting while the server runs) may commit: look at most every 2 s.
    private void RefreshIfStale()
    {
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _lastRefreshTicks) > 2000)
        {
            Interlocked.Exchange(ref _lastRefreshTicks, now);
            _searchers.MaybeRefresh();
        }
    }

    private IndexWriterConfig NewConfig(OpenMode mode) => new(ChineseAnalyzer.Version, _indexAnalyzer)
    {
        OpenMode = mode,
        RAMBufferSizeMB = 64,
    };

    public void Dispose()
    {
        _searchers.Dispose();
        _batchGate.Dispose();
        _directory.Dispose();
    }
}
