using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gongbao.Search;

/// <summary>
/// Matches a document entry when its own entry or any entry of its block (the provisions indexed right after
/// it by one <c>AddDocuments</c>, which keeps them adjacent through merges) matches <see cref="Inner"/>; scores
/// it with the best of them. The document level reads the article text from the provision entries this way
/// instead of indexing it a second time. Blocks are found by the document entries' bits per segment
/// (<see cref="ReaderState.Blocks"/>): an entry belongs to the nearest document entry at or before it.
/// </summary>
/// <summary>
/// Accepted entries restricted to <see cref="Start"/>..<see cref="End"/> (end exclusive): one of the ranges a search's
/// matching is split into. A scorer that can skip (the block join) starts at the range instead of testing every entry.
/// </summary>
internal sealed class RangeBits(FixedBitSet accepted, int start, int end) : IBits
{
    public int Start => start;

    public int End => end;

    public int Length => accepted.Length;

    public bool Get(int index) => index >= start && index < end && accepted.Get(index);
}

/// <param name="firstOnly">
/// Score a block by its first matching entry (in index order) instead of its best, and skip its other entries: the same
/// blocks match, for much less work where each entry costs a phrase check. A search's matching pass uses it; the hits it
/// ranks first are scored again with the best entry (<see cref="SearchQueryBuilder.RescoreWindow"/>).
/// </param>
/// <summary>
/// A few entries of a segment picked out as a scorer's accepted documents (the hits a rescoring window scores again). A
/// scorer skips every other entry without checking it: a phrase's positions are read for these entries only.
/// </summary>
internal sealed class SelectedEntries(FixedBitSet entries) : IBits
{
    public int Length => entries.Length;

    public bool Get(int index) => entries.Get(index);

    /// <summary>The first selected entry at or after <paramref name="index"/> (below <see cref="Length"/>), or -1.</summary>
    public int NextSetBit(int index) => entries.NextSetBit(index);

    /// <summary>The live entries of the selected entries' blocks (each selected entry is a document entry of <paramref name="parents"/>).</summary>
    public FixedBitSet Blocks(FixedBitSet parents, IBits? live)
    {
        var blocks = new FixedBitSet(entries.Length);
        for (var p = entries.NextSetBit(0); p >= 0; p = p + 1 < entries.Length ? entries.NextSetBit(p + 1) : -1)
        {
            var next = p + 1 < parents.Length ? parents.NextSetBit(p + 1) : -1;
            for (var d = p; d < (next < 0 ? entries.Length : next); d++)
            {
                if (live is null || live.Get(d))
                {
                    blocks.Set(d);
                }
            }
        }

        return blocks;
    }
}

internal sealed class BlockJoinQuery(Query inner, IReadOnlyList<FixedBitSet?> blocks, bool firstOnly = false) : Query
{
    public Query Inner { get; } = inner;

    public bool FirstOnly => firstOnly;

    public override Query Rewrite(IndexReader reader)
    {
        var rewritten = Inner.Rewrite(reader);
        return ReferenceEquals(rewritten, Inner) ? this : new BlockJoinQuery(rewritten, blocks, firstOnly) { Boost = Boost };
    }

    public override void ExtractTerms(ISet<Term> terms) => Inner.ExtractTerms(terms);

    public override Weight CreateWeight(IndexSearcher searcher) => new JoinWeight(this, Inner.CreateWeight(searcher), blocks);

    public override string ToString(string field) => $"block{(firstOnly ? "-first" : "")}({Inner.ToString(field)})^{Boost}";

    public override bool Equals(object? obj) => obj is BlockJoinQuery other && other.Boost == Boost && other.FirstOnly == FirstOnly && other.Inner.Equals(Inner);

    public override int GetHashCode() => HashCode.Combine(Inner.GetHashCode(), Boost, FirstOnly, 0x5b1);

    private sealed class JoinWeight(BlockJoinQuery query, Weight inner, IReadOnlyList<FixedBitSet?> blocks) : BlockWeight(query, inner, blocks, leaves: null)
    {
        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var parents = ParentsOf(context);
            // Inner entries are filtered by deletions only: acceptDocs (a filter on document entries) applies to the parent.
            // A few selected document entries (a rescoring window) pass on their blocks, so the inner scorer checks no other.
            var live = context.AtomicReader.LiveDocs;
            var scorer = parents is null ? null : Inner.GetScorer(context, acceptDocs is SelectedEntries selected ? selected.Blocks(parents, live) : live);
            return scorer is null ? null : new JoinScorer(this, scorer, parents!, acceptDocs, query.FirstOnly);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var scorer = GetScorer(context, context.AtomicReader.LiveDocs);
            if (scorer is not null && scorer.Advance(doc) == doc)
            {
                return new ComplexExplanation(true, scorer.GetScore(), "best entry of the document's block");
            }

            return new ComplexExplanation(false, 0f, "no entry of the document's block matches");
        }
    }

    /// <summary>
    /// Positions on a block as soon as one of its entries matches, and scores the block (the best of its matching
    /// entries) only when asked: a block a conjunction or an optional clause passes over is never scored, and its
    /// remaining entries are skipped with one <c>Advance</c>.
    /// </summary>
    private sealed class JoinScorer(Weight weight, Scorer inner, FixedBitSet parents, IBits? acceptDocs, bool firstOnly) : Scorer(weight)
    {
        private int _doc = -1;
        private int _innerDoc = -1;

        // The end of the current block (exclusive), and its score once computed.
        private int _blockEnd = -1;
        private bool _scored;
        private float _score;

        public override int DocID => _doc;

        public override int Freq => 1;

        public override float GetScore()
        {
            if (!_scored)
            {
                // inner stands on the block's first unconsumed match: take it (and, unless firstOnly, every match up to the block's end).
                var best = float.NegativeInfinity;
                if (firstOnly)
                {
                    best = inner.GetScore();
                }

                while (!firstOnly && _innerDoc < _blockEnd)
                {
                    best = Math.Max(best, inner.GetScore());
                    _innerDoc = inner.NextDoc();
                }

                (_score, _scored) = (best, true);
            }

            return _score;
        }

        public override long GetCost() => inner.GetCost();

        public override int NextDoc()
        {
            if (_innerDoc == -1)
            {
                if (acceptDocs is RangeBits { Start: > 0 } range)
                {
                    // Only document entries of the range are accepted: start at the range (a block before it is not ours).
                    return Advance(range.Start);
                }

                _innerDoc = inner.NextDoc();
                return Find();
            }

            SkipBlock();
            return Find();
        }

        public override int Advance(int target)
        {
            // The first block that starts at or after target; entries of a block starting before it are skipped.
            if (target >= parents.Length)
            {
                return _doc = NO_MORE_DOCS;
            }

            var start = parents.Get(target) ? target : target + 1 < parents.Length ? parents.NextSetBit(target + 1) : -1;
            if (start < 0)
            {
                return _doc = NO_MORE_DOCS;
            }

            if (_innerDoc < start)
            {
                _innerDoc = inner.Advance(start);
            }

            return Find();
        }

        // The current block's remaining matches are not needed: skip them.
        private void SkipBlock()
        {
            if (_innerDoc < _blockEnd)
            {
                _innerDoc = _blockEnd == NO_MORE_DOCS ? NO_MORE_DOCS : inner.Advance(_blockEnd);
            }
        }

        // _innerDoc is the first unconsumed inner match: its block, when accepted, is the next match.
        private int Find()
        {
            while (_innerDoc != NO_MORE_DOCS)
            {
                var parent = parents.PrevSetBit(_innerDoc);
                if (acceptDocs is RangeBits range && parent >= range.End)
                {
                    return _doc = NO_MORE_DOCS; // past the range: no further block is accepted
                }

                var next = _innerDoc + 1 < parents.Length ? parents.NextSetBit(_innerDoc + 1) : -1;
                _blockEnd = next < 0 ? NO_MORE_DOCS : next;
                if (parent < 0 || (acceptDocs is not null && !acceptDocs.Get(parent)))
                {
                    // Before any document entry (not written by this index), or a block not accepted: not a match.
                    SkipBlock();
                    continue;
                }

                _scored = false;
                return _doc = parent;
            }

            return _doc = NO_MORE_DOCS;
        }
    }
}
