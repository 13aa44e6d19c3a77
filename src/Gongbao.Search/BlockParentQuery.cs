using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gongbao.Search;

/// <summary>
/// Matches every entry of a block whose document entry matches <see cref="Inner"/>, scored with the document entry's
/// score: the reverse of <see cref="BlockJoinQuery"/>. A provision-level word found in its document's title reaches the
/// provision entries this way, so the title is indexed once, on the document entry, instead of on every provision entry
/// (where it was a third of the index's tokens). Blocks are the document entries' bits per segment
/// (<see cref="ReaderState.Blocks"/>): an entry belongs to the nearest document entry before it.
/// </summary>
/// <param name="leaves">
/// The reader's segments, when the query is run one segment at a time apart from its reader (as a
/// <see cref="QueryWrapperFilter"/> does, where every segment comes as segment 0): each segment's blocks are then found by
/// its reader instead of by its position.
/// </param>
internal sealed class BlockParentQuery(Query inner, IReadOnlyList<FixedBitSet?> blocks, IList<AtomicReaderContext>? leaves = null) : Query
{
    public Query Inner { get; } = inner;

    public override Query Rewrite(IndexReader reader)
    {
        var rewritten = Inner.Rewrite(reader);
        return ReferenceEquals(rewritten, Inner) ? this : new BlockParentQuery(rewritten, blocks, leaves) { Boost = Boost };
    }

    public override void ExtractTerms(ISet<Term> terms) => Inner.ExtractTerms(terms);

    public override Weight CreateWeight(IndexSearcher searcher) => new ParentWeight(this, Inner.CreateWeight(searcher), blocks);

    private int SegmentOf(AtomicReaderContext context)
    {
        if (leaves is not null)
        {
            for (var i = 0; i < leaves.Count; i++)
            {
                if (ReferenceEquals(leaves[i].AtomicReader, context.AtomicReader))
                {
                    return i;
                }
            }

            throw new InvalidOperationException("A segment that is not one of the reader's the blocks were read from.");
        }

        if (context.IsTopLevel && blocks.Count > 1)
        {
            // A segment on its own (a filter's private context) is always segment 0: which blocks are its own is unknown.
            throw new InvalidOperationException("A block query run over one segment apart from its reader needs the reader's segments.");
        }

        return context.Ord;
    }

    public override string ToString(string field) => $"parent({Inner.ToString(field)})^{Boost}";

    public override bool Equals(object? obj) => obj is BlockParentQuery other && other.Boost == Boost && other.Inner.Equals(Inner)
        && ReferenceEquals(other.Blocks, Blocks) && ReferenceEquals(other.Leaves, Leaves);

    private IReadOnlyList<FixedBitSet?> Blocks => blocks;

    private IList<AtomicReaderContext>? Leaves => leaves;

    public override int GetHashCode() => HashCode.Combine(Inner.GetHashCode(), Boost, 0x9a7);

    private sealed class ParentWeight(BlockParentQuery query, Weight inner, IReadOnlyList<FixedBitSet?> blocks) : Weight
    {
        public override Query Query => query;

        public override float GetValueForNormalization() => inner.GetValueForNormalization() * query.Boost * query.Boost;

        public override void Normalize(float norm, float topLevelBoost) => inner.Normalize(norm, topLevelBoost * query.Boost);

        public override bool ScoresDocsOutOfOrder => false;

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var segment = query.SegmentOf(context);
            var parents = segment < blocks.Count ? blocks[segment] : null;
            // The inner query sees the live document entries only (a filter clause such as a document ID also matches the
            // provision entries, which have no block of their own); acceptDocs (the provision entries wanted) applies to the children.
            var scorer = parents is null ? null : inner.GetScorer(context, new LiveParents(parents, context.AtomicReader.LiveDocs));
            if (scorer is null)
            {
                return null;
            }

            // Each matching document entry brings its block: the cost (which orders conjunctions) counts the entries.
            var perBlock = Math.Max(1L, context.AtomicReader.MaxDoc / Math.Max(1L, parents!.Cardinality));
            return new ChildScorer(this, scorer, parents, acceptDocs, context.AtomicReader.MaxDoc, scorer.GetCost() * perBlock);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var scorer = GetScorer(context, context.AtomicReader.LiveDocs);
            if (scorer is not null && scorer.Advance(doc) == doc)
            {
                return new ComplexExplanation(true, scorer.GetScore(), "the entry's document matches");
            }

            return new ComplexExplanation(false, 0f, "the entry's document does not match");
        }
    }

    private sealed class ChildScorer(Weight weight, Scorer parentScorer, FixedBitSet parents, IBits? acceptDocs, int maxDoc, long cost) : Scorer(weight)
    {
        private readonly int _start = acceptDocs is RangeBits range ? range.Start : 0;
        private readonly int _end = acceptDocs is RangeBits range ? Math.Min(range.End, maxDoc) : maxDoc;
        private int _doc = -1;

        // The block being walked: its document entry (a match of the inner query), its score, and where it ends.
        private int _parent = -1;
        private int _blockEnd = -1;
        private float _parentScore;

        public override int DocID => _doc;

        public override int Freq => 1;

        public override float GetScore() => _parentScore;

        public override long GetCost() => cost;

        public override int NextDoc() => Walk(_doc + 1);

        public override int Advance(int target) => Walk(Math.Max(target, _doc + 1));

        // The first accepted child at or after target: in the current block, else in the next matching block.
        private int Walk(int target)
        {
            target = Math.Max(target, _start);
            while (target < _end)
            {
                if (_parent < 0 || target >= _blockEnd)
                {
                    // The block holding target (target itself when it is a document entry: its children follow it),
                    // or the next matching one; a document entry already walked is never taken again.
                    var owner = parents.Get(target) ? target : parents.PrevSetBit(target);
                    var p = parentScorer.DocID;
                    if (p <= _parent || p < owner)
                    {
                        p = parentScorer.Advance(Math.Max(Math.Max(owner, _parent + 1), 0));
                    }

                    if (p == NO_MORE_DOCS || p >= _end)
                    {
                        break;
                    }

                    _parent = p;
                    _parentScore = parentScorer.GetScore();
                    _blockEnd = p + 1 < parents.Length ? parents.NextSetBit(p + 1) : -1;
                    if (_blockEnd < 0)
                    {
                        _blockEnd = maxDoc;
                    }

                    target = Math.Max(target, p + 1);
                }

                for (; target < _blockEnd && target < _end; target++)
                {
                    if (acceptDocs is null || acceptDocs.Get(target))
                    {
                        return _doc = target;
                    }
                }
            }

            return _doc = NO_MORE_DOCS;
        }
    }

    private sealed class LiveParents(FixedBitSet parents, IBits? live) : IBits
    {
        public int Length => parents.Length;

        public bool Get(int index) => parents.Get(index) && (live is null || live.Get(index));
    }
}
