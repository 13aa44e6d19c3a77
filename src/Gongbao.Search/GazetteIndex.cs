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
    // Derived once per opened reader (lexicon, witness twins): a refresh makes a new reader and a new state.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IndexReader, Lazy<ReaderState>> _states = new();

    private readonly LuceneDirectory _directory;
    private readonly Analyzer _indexAnalyzer;
    private readonly SearchQueryBuilder _queryBuilder;
    private readonly SearcherManager _searchers;
    private long _lastRefreshTicks = Environment.TickCount64;

    // SmartCn loads its dictionaries (seconds) on first use: start that with the first index, not the first query.
    private static readonly Lazy<Task> SegmenterWarmup = new(() => Task.Run(QuerySegmenter.Warm));

    private GazetteIndex(LuceneDirectory directory)
    {
        GazetteCodec.Register();
        _ = SegmenterWarmup.Value;
        _directory = directory;
        var english = new EnglishAnalyzer(ChineseAnalyzer.Version);
        // Titles and headings keep unigrams (short fields, one-character words match there); the body text is bigrams
        // only, one-character words reach it through RunEnds.
        var bigrams = ChineseAnalyzer.ForQuery();
        _indexAnalyzer = new PerFieldAnalyzerWrapper(ChineseAnalyzer.ForIndex(), new Dictionary<string, Analyzer>
        {
            [SearchFields.TitleEn] = english,
            [SearchFields.Text] = bigrams,
            [SearchFields.RunEnds] = ChineseAnalyzer.ForChars(),
        });
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

        // The reader state takes about a second at thousands of issues: build it when the index opens, not in the first search.
        _ = Task.Run(WarmState);
    }

    // One build per reader, shared by concurrent searches (the table may run its factory twice; only one Lazy is kept).
    private ReaderState StateOf(IndexReader reader) => _states.GetValue(reader, r => new Lazy<ReaderState>(() => ReaderState.Build(r))).Value;

    private void WarmState()
    {
        try
        {
            var searcher = _searchers.Acquire();
            try
            {
                _ = StateOf(searcher.IndexReader);
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
        catch (Exception ex) when (ex is ObjectDisposedException or IOException)
        {
            // Disposed or unreadable meanwhile: the first search builds the state or reports the error.
        }
    }

    /// <summary>
    /// Layout of the index entries (fields, doc values types). Bump it when they change: an index of
    /// another version is emptied on open and rebuilt from the store, never mixed.
    /// </summary>
    public const int FormatVersion = 10;

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

    /// <summary>Recognises citations typed into the search box (set by the host, e.g. with the citation resolver); optional.</summary>
    public ICitationShortcut? CitationShortcut { get; set; }

    public SearchResults Search(SearchRequest request)
    {
        var clock = Stopwatch.StartNew();
        var parsed = SearchQuery.Parse(request.Query);
        var page = Math.Max(1, request.Page);
        var pageSize = Math.Clamp(request.PageSize, 1, 100);
        var citation = request.Citation ?? (CitationShortcut is { } shortcut && !parsed.IsEmpty ? shortcut.Resolve(request.Query) : null);
        if (citation is not null && request.DocumentIds is { } allowed && !allowed.Contains(citation.DocumentId))
        {
            citation = null; // a cited document the filter excludes does not lead
        }

        RefreshIfStale();
        var searcher = _searchers.Acquire();
        try
        {
            var state = StateOf(searcher.IndexReader);
            var query = _queryBuilder.Build(parsed, request.Level, state.Lexicon, blocks: state.Blocks);
            if (query is null)
            {
                return Empty(request, page, pageSize, clock);
            }


            var sortField = request.Sort switch
            {
                SearchSort.SignedOn => SearchFields.SignedOn,
                SearchSort.PublishedOn => SearchFields.PublishedOn,
                SearchSort.EffectiveFrom => SearchFields.EffectiveFrom,
                _ => null,
            };
            var (collector, top) = Rank(searcher, parsed, query, request, state, sortField, page, pageSize);
            if (collector.DistinctCount == 0 && _queryBuilder.Build(parsed, request.Level, state.Lexicon, relaxed: true, blocks: state.Blocks) is { } relaxed && !relaxed.Equals(query))
            {
                // Nothing has every word (a typed question adds words the answer does not print): all but one.
                (collector, top) = Rank(searcher, parsed, relaxed, request, state, sortField, page, pageSize, relaxed: true);
            }

            var terms = HighlightTerms(parsed, state.Lexicon);
            var best = request.Level == SearchLevel.Document && _queryBuilder.Build(parsed, SearchLevel.Document, state.Lexicon) is { } local
                ? BestProvisions(searcher, local, top.Select(h => h.Doc).ToList(), state)
                : [];
            var stored = ReadInIndexOrder(searcher, top.Select(h => h.Doc).Concat(best.Values));
            var hits = top.Select(h => ToHit(stored[h.Doc], h.Score, terms, best.TryGetValue(h.Doc, out var p) ? SnippetText(stored[p]) : null)).ToList();
            var total = collector.DistinctCount;
            if (citation is not null && page == 1 && CitedHit(searcher, citation, request.Level, terms, hits.Count > 0 ? hits.Max(h => h.Score) : 1f) is { } cited)
            {
                // The cited provision leads; it is not repeated further down.
                hits.RemoveAll(h => h.Id == cited.Id);
                hits.Insert(0, cited);
                if (hits.Count > pageSize)
                {
                    hits.RemoveAt(hits.Count - 1);
                }

                total = Math.Max(total, 1);
            }

            return new SearchResults
            {
                Query = request.Query,
                Level = request.Level,
                Total = total,
                Page = page,
                PageSize = pageSize,
                Hits = hits,
                Facets = MergeIssuers(collector.Facets(), state),
                Suggestions = total == 0 ? Suggest(searcher, parsed) : [],
                ElapsedMilliseconds = clock.Elapsed.TotalMilliseconds,
            };
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Matches and collects <paramref name="query"/>, and returns the page's hits. The matching runs the query's matching
    /// form (<see cref="SearchQueryBuilder.Build"/> with <c>exact: false</c>), which finds the same entries (hits, totals and
    /// facets are exact) at a fraction of the cost; the best
    /// <see cref="SearchQueryBuilder.RescoreWindow"/> hits by that score are scored again by the whole query and
    /// ranked by it, ahead of the rest, as a rescoring window does (Lucene's <c>QueryRescorer</c>).
    /// </summary>
    private (FacetingCollector Collector, IReadOnlyList<FacetingCollector.Match> Page) Rank(IndexSearcher searcher, SearchQuery parsed, Query query,
        SearchRequest request, ReaderState state, string? sortField, int page, int pageSize, bool relaxed = false)
    {
        var depth = page * pageSize;
        var matched = RescoreWindow > 0
            ? _queryBuilder.Build(parsed, request.Level, state.Lexicon, relaxed, state.Blocks, exact: false) ?? query
            : query;
        var rescore = !matched.Equals(query);
        if (rescore)
        {
            depth = Math.Max(depth, RescoreWindow);
        }

        var collector = new FacetingCollector(state, depth, sortField);
        Run(searcher, matched, request, state, collector);
        if (!rescore)
        {
            return (collector, collector.Top((page - 1) * pageSize, pageSize));
        }

        var ranked = collector.Top(0, depth).ToList();
        var window = Rescore(searcher, query, ranked.Take(RescoreWindow).ToList(), state, request);
        return (collector, window.Concat(ranked.Skip(RescoreWindow)).Skip((page - 1) * pageSize).Take(pageSize).ToList());
    }

    /// <summary>How many best hits of the matching pass are ranked by the whole query (0: every hit is matched and ranked by it).</summary>
    internal int RescoreWindow { get; set; } = SearchQueryBuilder.RescoreWindow;

    /// <summary>
    /// <paramref name="window"/> scored by <paramref name="query"/> (the whole query, which matches every entry the window's
    /// matching query matched) within the request's filters, and put in rank order. The scorer is advanced to each entry in index order, so only the window's
    /// entries are scored. A folded entry (witnesses of one ID) scores as the best of its witnesses, as the collector folds it.
    /// An entry the whole query does not match is a defect of the two queries, reported, never ranked.
    /// </summary>
    private static List<FacetingCollector.Match> Rescore(IndexSearcher searcher, Query query, List<FacetingCollector.Match> window, ReaderState state, SearchRequest request)
    {
        var leaves = searcher.IndexReader.Leaves;
        var level = request.Level;

        // The entries to score: each match's own, and for a fold every live witness of its ID at this level.
        var entries = new List<(int Doc, int Match, bool Required)>();
        var folds = new Dictionary<long, int>();
        for (var i = 0; i < window.Count; i++)
        {
            entries.Add((window[i].Doc, i, true));
            if (window[i].IdHash != 0)
            {
                folds[window[i].IdHash] = i;
            }
        }

        foreach (var (witness, idHash) in Witnesses(leaves, state, level, folds.Keys.ToHashSet()))
        {
            var i = folds[idHash];
            if (witness != window[i].Doc)
            {
                entries.Add((witness, i, false));
            }
        }

        // Within the request's filters, as the matching was: a witness the filters exclude does not score its fold.
        var weight = searcher.CreateNormalizedWeight(Filtered(query, request, state, leaves));
        var scores = Enumerable.Repeat(float.NegativeInfinity, window.Count).ToArray();
        Scorer? scorer = null;
        var leafOrd = -1;
        var ordered = entries.OrderBy(e => e.Doc).ToList();
        foreach (var (doc, match, required) in ordered)
        {
            var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
            if (leaf.Ord != leafOrd)
            {
                // The scorer accepts only this segment's window entries: it checks no phrase of another entry on the way.
                leafOrd = leaf.Ord;
                var selected = new FixedBitSet(leaf.AtomicReader.MaxDoc);
                foreach (var e in ordered.Where(e => e.Doc >= leaf.DocBase && e.Doc < leaf.DocBase + leaf.AtomicReader.MaxDoc))
                {
                    selected.Set(e.Doc - leaf.DocBase);
                }

                scorer = weight.GetScorer(leaf, new SelectedEntries(selected));
            }

            var local = doc - leaf.DocBase;
            var at = scorer is null ? DocIdSetIterator.NO_MORE_DOCS : scorer.DocID >= local ? scorer.DocID : scorer.Advance(local);
            if (at != local)
            {
                // A witness of a fold need not match (the collector folded only those that did); the entry itself must.
                if (required)
                {
                    throw new InvalidOperationException($"Entry {doc} matched the search's matching pass but not its whole query: the two must match the same entries.");
                }

                continue;
            }

            var score = scorer!.GetScore();
            if (state.PlaceholderDocs(leaf.Ord) is { } placeholders && placeholders.Get(local))
            {
                score *= FacetingCollector.PlaceholderFactor;
            }

            scores[match] = Math.Max(scores[match], score);
        }

        var rescored = window.Select((m, i) => m with { Score = scores[i] }).ToList();
        FacetingCollector.Order(rescored);
        return rescored;
    }

    // The live entries of a level whose ID hash is one of idHashes, among the entries marked as having a twin (rare, so few
    // bits): one pass over those bits for the whole window.
    private static IEnumerable<(int Doc, long IdHash)> Witnesses(IList<AtomicReaderContext> leaves, ReaderState state, SearchLevel level, HashSet<long> idHashes)
    {
        if (idHashes.Count == 0)
        {
            yield break;
        }

        foreach (var leaf in leaves)
        {
            var twins = state.TwinDocs(leaf.Ord);
            var accepted = state.LiveTypeDocs(leaf.Ord, level);
            var ids = leaf.AtomicReader.GetNumericDocValues(SearchFields.IdHash);
            if (twins is null || accepted is null || ids is null)
            {
                continue;
            }

            for (var d = twins.NextSetBit(0); d >= 0; d = d + 1 < twins.Length ? twins.NextSetBit(d + 1) : -1)
            {
                if (accepted.Get(d) && idHashes.Contains(ids.Get(d)))
                {
                    yield return (leaf.DocBase + d, ids.Get(d));
                }
            }
        }
    }

    /// <summary>For tests: runs <paramref name="use"/> with the current searcher, its reader state, a runner of the request's query as Search runs it, and the query (both null if empty).</summary>
    internal T Inspect<T>(SearchRequest request, Func<IndexSearcher, ReaderState, Action<ICollector>?, Query?, T> use)
    {
        var searcher = _searchers.Acquire();
        try
        {
            var state = StateOf(searcher.IndexReader);
            var query = _queryBuilder.Build(SearchQuery.Parse(request.Query), request.Level, state.Lexicon, blocks: state.Blocks);
            return use(searcher, state, query is null ? null : collector => Run(searcher, query, request, state, collector), query);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Runs the query over the live entries of the request's level, within the request's filters. The level and the
    /// deletions are one bit set per segment (<see cref="ReaderState.LiveTypeDocs"/>) given to the scorers as their
    /// accepted documents, as <see cref="IndexSearcher"/> gives the live docs: no filter to leap-frog over, and a
    /// query of alternatives only (one word) is scored by Lucene's bucketed out-of-order scorer.
    /// With <see cref="SplitMatching"/>, on a large index with no other search matching, the entries are split in two
    /// ranges matched on two threads, each into its own collector, merged after (<see cref="FacetingCollector.Merge"/>):
    /// every entry is scored by the same scorer as in one pass, so hits, scores, totals and facets are those of one pass.
    /// </summary>
    private void Run(IndexSearcher searcher, Query query, SearchRequest request, ReaderState state, ICollector collector)
    {
        var weight = searcher.CreateNormalizedWeight(Filtered(query, request, state, searcher.IndexReader.Leaves));
        var leaves = searcher.IndexReader.Leaves;
        var maxDoc = searcher.IndexReader.MaxDoc;
        var concurrent = Interlocked.Increment(ref _matching);
        try
        {
            if (!SplitMatching || collector is not FacetingCollector lower || concurrent > 1 || maxDoc < SplitMinimumEntries)
            {
                Collect(weight, leaves, state, request.Level, collector, 0, maxDoc);
                return;
            }

            var mid = SplitPoint(leaves, maxDoc, SplitFraction, SplitSnap);
            var upper = lower.Sibling();
            var other = Task.Run(() => Collect(weight, leaves, state, request.Level, upper, mid, maxDoc));
            var lowerDone = false;
            try
            {
                Collect(weight, leaves, state, request.Level, lower, 0, mid);
                lowerDone = true;
            }
            finally
            {
                if (lowerDone)
                {
                    other.GetAwaiter().GetResult(); // the upper half's failure, if any
                }
                else
                {
                    // This half's failure propagates; the other half reads the same searcher, released by the caller: wait for it.
                    ((IAsyncResult)other).AsyncWaitHandle.WaitOne();
                }
            }

            lower.Merge(upper);
        }
        finally
        {
            Interlocked.Decrement(ref _matching);
        }
    }

    // The query within the request's filters (other than the level, given to the scorers as accepted documents).
    private static Query Filtered(Query query, SearchRequest request, ReaderState state, IList<AtomicReaderContext> leaves) =>
        Filter(request, state, leaves) is { } others ? new FilteredQuery(query, new QueryWrapperFilter(others)) : query;

    // Searches matching now (on any thread): a second one runs its ranges in turn, not on more threads.
    private int _matching;

    /// <summary>
    /// Match a search on two threads (two ranges of entries) when no other search is matching. Off by default: it cuts the
    /// latency of a search only when a second core is idle; on a busy machine the second half waits for a core and the
    /// search takes longer (see docs/scale.md).
    /// </summary>
    public bool SplitMatching { get; set; }

    /// <summary>Entries from which <see cref="SplitMatching"/> splits a search (tests set it lower).</summary>
    internal int SplitMinimumEntries { get; set; } = 100_000;

    /// <summary>Where <see cref="SplitMatching"/> splits the entries (tests move it, so witnesses of one fold fall on either side).</summary>
    internal double SplitFraction { get; set; } = 0.5;

    /// <summary>How near (a fraction of the entries) a segment boundary must be for the split to move to it.</summary>
    internal double SplitSnap { get; set; } = 0.1;

    /// <summary>
    /// The first entry of the second range: at <paramref name="fraction"/> of the entries, or at the segment boundary
    /// nearest to it when one is within <paramref name="snap"/> of the entries (each range then reads whole segments,
    /// and no scorer has to pass over entries outside its range).
    /// </summary>
    internal static int SplitPoint(IList<AtomicReaderContext> leaves, int maxDoc, double fraction, double snap)
    {
        var target = (int)(maxDoc * fraction);
        var boundary = leaves.Select(l => l.DocBase).Where(b => b > 0).OrderBy(b => Math.Abs(b - target)).FirstOrDefault();
        return boundary > 0 && Math.Abs(boundary - target) <= maxDoc * snap ? boundary : target;
    }

    /// <summary>Collects the matches among entries <paramref name="from"/>..<paramref name="to"/> (top-level doc IDs, end exclusive).</summary>
    private static void Collect(Weight weight, IList<AtomicReaderContext> leaves, ReaderState state, SearchLevel level, ICollector collector, int from, int to)
    {
        foreach (var leaf in leaves)
        {
            var (start, end) = (Math.Max(from - leaf.DocBase, 0), Math.Min(to - leaf.DocBase, leaf.AtomicReader.MaxDoc));
            if (start >= end || state.LiveTypeDocs(leaf.Ord, level) is not { } accepted)
            {
                continue;
            }

            collector.SetNextReader(leaf);
            if (start == 0 && end == leaf.AtomicReader.MaxDoc)
            {
                weight.GetBulkScorer(leaf, !collector.AcceptsDocsOutOfOrder, accepted)?.Score(collector);
            }
            else if (weight.ScoresDocsOutOfOrder && collector.AcceptsDocsOutOfOrder)
            {
                // The bucketed scorer cannot start at an entry: it reads the postings from the start and accepts only the range.
                weight.GetBulkScorer(leaf, false, new RangeBits(accepted, start, end))?.Score(collector);
            }
            else if (weight.GetScorer(leaf, accepted) is { } scorer)
            {
                collector.SetScorer(scorer);
                for (var d = start == 0 ? scorer.NextDoc() : scorer.Advance(start); d < end; d = scorer.NextDoc())
                {
                    collector.Collect(d);
                }
            }
        }
    }

    /// <summary>
    /// The request's filters other than the level, or null when there are none. They are facts of documents, indexed on the
    /// document entries only: at provision level they are matched there and reach each document's provisions through its block.
    /// </summary>
    private static Query? Filter(SearchRequest request, ReaderState state, IList<AtomicReaderContext> leaves)
    {
        var filter = new BooleanQuery();
        if (request.Year is { } year)
        {
            filter.Add(new TermQuery(new Term(SearchFields.Year, year.ToString(CultureInfo.InvariantCulture))), Occur.MUST);
        }

        if (request.IssueYear is { } issueYear)
        {
            filter.Add(new TermQuery(new Term(SearchFields.IssueYear, issueYear.ToString(CultureInfo.InvariantCulture))), Occur.MUST);
        }

        if (!string.IsNullOrWhiteSpace(request.Issuer))
        {
            var any = new BooleanQuery();
            foreach (var form in state.IssuerForms(state.CanonicalIssuer(request.Issuer)))
            {
                any.Add(new TermQuery(new Term(SearchFields.Issuer, form)), Occur.SHOULD);
            }

            filter.Add(any, Occur.MUST);
        }

        AddFilter(filter, SearchFields.Kind, request.Kind);
        AddFilter(filter, SearchFields.Section, request.Section);
        AddRange(filter, SearchFields.SignedOn, request.SignedFrom, request.SignedTo);
        AddRange(filter, SearchFields.PublishedOn, request.PublishedFrom, request.PublishedTo);
        AddRange(filter, SearchFields.EffectiveFrom, request.EffectiveFrom, request.EffectiveTo);
        if (request.DocumentIds is { } ids)
        {
            // A terms filter, not one clause per ID: no clause limit however many documents pass.
            filter.Add(ids.Count == 0 ? new BooleanQuery { { new MatchAllDocsQuery(), Occur.MUST_NOT } }
                : new ConstantScoreQuery(new Lucene.Net.Queries.TermsFilter(ids.Select(id => new Term(SearchFields.DocumentId, id)).ToList())), Occur.MUST);
        }

        if (filter.Clauses.Count == 0)
        {
            return null;
        }

        // (Run as a filter, one segment at a time apart from the reader: the blocks are found by segment reader.)
        return request.Level == SearchLevel.Provision ? new BlockParentQuery(filter, state.Blocks, leaves) : filter;
    }

    // One facet value per agency: counts of the short forms join their canonical name. A document printing
    // both forms counts twice at most in the rare case both are its issuers; acceptable for a facet.
    private static IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> MergeIssuers(IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> facets, ReaderState state)
    {
        if (state.IssuerAliases.Count == 0 || !facets.TryGetValue(SearchFields.Issuer, out var issuers))
        {
            return facets;
        }

        var merged = issuers.GroupBy(f => state.IssuerAliases.GetValueOrDefault(f.Value, f.Value), StringComparer.Ordinal)
            .Select(g => new FacetValue(g.Key, g.Sum(f => f.Count)))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal)
            .ToList();
        return facets.ToDictionary(kv => kv.Key, kv => kv.Key == SearchFields.Issuer ? merged : kv.Value);
    }

    private static void AddRange(BooleanQuery filter, string field, DateOnly? from, DateOnly? to)
    {
        if (from is null && to is null)
        {
            return;
        }

        int? min = from is { } f ? SearchDocumentBuilder.DateKey(f) : null;
        int? max = to is { } t ? SearchDocumentBuilder.DateKey(t) : null;
        filter.Add(NumericRangeQuery.NewInt32Range(field, min, max, minInclusive: true, maxInclusive: true), Occur.MUST);
    }

    /// <summary>What the snippet marks: each word the query was matched as, and the expansions of abbreviations.</summary>
    private static List<string> HighlightTerms(SearchQuery parsed, SearchLexicon lexicon)
    {
        var terms = new List<string>();
        for (var i = 0; i < parsed.Terms.Count; i++)
        {
            terms.Add(parsed.Terms[i]);
            foreach (var word in SearchQueryBuilder.Words(parsed, i, lexicon))
            {
                terms.Add(word);
                if (lexicon.Abbreviations.TryGetValue(word, out var full))
                {
                    terms.AddRange(full);
                }
            }
        }

        return terms.Distinct(StringComparer.Ordinal).ToList();
    }

    private static SearchHit? CitedHit(IndexSearcher searcher, CitationTarget target, SearchLevel level, List<string> terms, float leadScore)
    {
        var id = level == SearchLevel.Provision && target.ProvisionId is { } pid ? pid : target.DocumentId;
        var type = id == target.DocumentId ? SearchFields.DocumentType : SearchFields.ProvisionType;
        var q = new BooleanQuery
        {
            { new TermQuery(new Term(SearchFields.Id, id)), Occur.MUST },
            { new TermQuery(new Term(SearchFields.Type, type)), Occur.MUST },
        };
        var top = searcher.Search(q, 4).ScoreDocs;
        if (top.Length == 0)
        {
            return null;
        }

        // The gazette witness, as in folded hits.
        var best = top.Select(sd => searcher.Doc(sd.Doc)).OrderBy(d => d.GetField(SearchFields.WitnessRank)?.GetInt32Value() ?? 0).First();
        // It leads with the best score of the page: a finite number, as JSON cannot carry infinity.
        return ToHit(best, leadScore, terms) with { Cited = true };
    }

    /// <summary>Titles sharing the most bigrams with the query (when nothing matched).</summary>
    private List<string> Suggest(IndexSearcher searcher, SearchQuery parsed)
    {
        var text = SearchVariants.Normalize(string.Concat(parsed.Terms));
        var q = new BooleanQuery();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using (var stream = _queryBuilder.Chinese.GetTokenStream(SearchFields.TitleZh, text))
        {
            var termAtt = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                if (seen.Add(termAtt.ToString()))
                {
                    q.Add(new TermQuery(new Term(SearchFields.TitleZh, termAtt.ToString())), Occur.SHOULD);
                }
            }

            stream.End();
        }

        if (q.Clauses.Count == 0)
        {
            return [];
        }

        var filtered = new FilteredQuery(q, new QueryWrapperFilter(new TermQuery(new Term(SearchFields.Type, SearchFields.DocumentType))));
        return searcher.Search(filtered, 10).ScoreDocs
            .Select(sd => searcher.Doc(sd.Doc).Get(SearchFields.TitleZh))
            .Where(t => t is not null)
            .Select(t => t!)
            .Distinct(StringComparer.Ordinal)
            .Take(3)
            .ToList();
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
        Facets = ReaderState.FacetFields.ToDictionary(f => f, IReadOnlyList<FacetValue> (_) => []),
        ElapsedMilliseconds = clock.Elapsed.TotalMilliseconds,
    };

    /// <summary>
    /// For each document entry of a page, its witness's provision that best matches the query (document entries do not
    /// store their whole text; the snippet shows that provision). The provisions of a document entry are its block (the
    /// entries after it up to the next document entry): the query's scorer is advanced to each block of the page in turn,
    /// so only those provisions are scored, with no per-page query to look up. Keys and values are top-level doc IDs.
    /// </summary>
    private static Dictionary<int, int> BestProvisions(IndexSearcher searcher, Query query, List<int> entryDocs, ReaderState state)
    {
        var result = new Dictionary<int, int>();
        if (entryDocs.Count == 0)
        {
            return result;
        }

        var weight = searcher.CreateNormalizedWeight(query);
        var leaves = searcher.IndexReader.Leaves;
        Scorer? scorer = null;
        var leafOrd = -1;
        foreach (var doc in entryDocs.Order())
        {
            var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
            if (leaf.Ord != leafOrd)
            {
                leafOrd = leaf.Ord;
                scorer = state.LiveTypeDocs(leaf.Ord, SearchLevel.Provision) is { } provisions ? weight.GetScorer(leaf, provisions) : null;
            }

            var parents = leaf.Ord < state.Blocks.Count ? state.Blocks[leaf.Ord] : null;
            if (scorer is null || parents is null)
            {
                continue;
            }

            var local = doc - leaf.DocBase;
            var next = local + 1 < parents.Length ? parents.NextSetBit(local + 1) : -1;
            var end = next < 0 ? leaf.AtomicReader.MaxDoc : next;
            var d = scorer.DocID > local ? scorer.DocID : scorer.Advance(local + 1);
            var (best, bestScore) = (-1, float.NegativeInfinity);
            for (; d < end; d = scorer.NextDoc())
            {
                // The first best in index order, as before.
                var score = scorer.GetScore();
                if (score > bestScore)
                {
                    (best, bestScore) = (d, score);
                }
            }

            if (best >= 0)
            {
                result[doc] = leaf.DocBase + best;
            }
        }

        return result;
    }

    /// <summary>
    /// The stored entries of <paramref name="docs"/>, read in index order: entries of one stored chunk (a document entry
    /// and its provision, hits close together) are then inflated once, each read going on from the last (<see cref="PrefixDeflate"/>).
    /// </summary>
    private static Dictionary<int, Lucene.Net.Documents.Document> ReadInIndexOrder(IndexSearcher searcher, IEnumerable<int> docs)
    {
        var result = new Dictionary<int, Lucene.Net.Documents.Document>();
        foreach (var doc in docs.Distinct().Order())
        {
            result[doc] = searcher.Doc(doc);
        }

        return result;
    }

    // A document hit's snippet text: its best provision with the heading leading, as a provision hit shows it.
    private static string SnippetText(Lucene.Net.Documents.Document provision)
    {
        var heading = provision.Get(SearchFields.Heading);
        return heading is { Length: > 0 } ? $"【{heading}】{provision.Get(SearchFields.Text)}" : provision.Get(SearchFields.Text) ?? "";
    }

    private static SearchHit ToHit(Lucene.Net.Documents.Document d, float score, IReadOnlyList<string> terms, string? snippetText = null)
    {
        var text = snippetText ?? d.Get(SearchFields.Text) ?? d.Get(SearchFields.TitleZh) ?? "";
        var year = d.Get(SearchFields.Year);
        var issueYear = d.Get(SearchFields.IssueYear);
        var heading = d.Get(SearchFields.Heading);
        if (heading is { Length: > 0 } && snippetText is null)
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
            Path = d.Get(SearchFields.Path),
            Year = year is null ? null : int.Parse(year, CultureInfo.InvariantCulture),
            IssueYear = issueYear is null ? null : int.Parse(issueYear, CultureInfo.InvariantCulture),
            Kind = d.Get(SearchFields.Kind),
            Section = d.Get(SearchFields.Section),
            Issuers = d.GetValues(SearchFields.Issuer),
            Score = score,
            Snippet = SnippetBuilder.Build(text, terms),
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

    // A bulk ingest buffers up to 512 MB before it flushes: 2,000 issues (335 MB of index) become one segment as they are
    // written, which searches as fast as a merged index (6 segments of 64 MB cost ~1.8x the p50) with no merge to pay.
    // Segments are not packed into compound files: that copy of every byte was ~1.3 s of a 2,000-issue commit, and one
    // segment's few files need no packing. The buffer only holds what is not yet flushed, so small runs use little.
    private IndexWriterConfig NewConfig(OpenMode mode) => new(ChineseAnalyzer.Version, _indexAnalyzer)
    {
        OpenMode = mode,
        RAMBufferSizeMB = 512,
        UseCompoundFile = false,
        Codec = new GazetteCodec(),
    };

    public void Dispose()
    {
        _searchers.Dispose();
        _batchGate.Dispose();
        _directory.Dispose();
    }
}
