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
/// <param name="leaves">The reader's segments, when run as a filter (see <see cref="BlockWeight"/>).</param>
internal sealed class BlockParentQuery(Query inner, IReadOnlyList<FixedBitSet?> blocks, IList<AtomicReaderContext>? leaves = null) : Query
{
    public Query Inner { get; } = inner;

    public override Query Rewrite(IndexReader reader)
    {
        var rewritten = Inner.Rewrite(reader);
        return ReferenceEquals(rewritten, Inner) ? this : new BlockParentQuery(rewritten, blocks, leaves) { Boost = Boost };
    }

    public override void ExtractTerms(ISet<Term> terms) => Inner.ExtractTerms(terms);

    public override Weight CreateWeight(IndexSearcher searcher) => new ParentWeight(this, Inner.CreateWeight(searcher), blocks, leaves);


    public override string ToString(string field) => $"parent({Inner.ToString(field)})^{Boost}";

    public override bool Equals(object? obj) => obj is BlockParentQuery other && other.Boost == Boost && other.Inner.Equals(Inner)
        && ReferenceEquals(other.Blocks, Blocks) && ReferenceEquals(other.Leaves, Leaves);

    private IReadOnlyList<FixedBitSet?> Blocks => blocks;

    private IList<AtomicReaderContext>? Leaves => leaves;

    public override int GetHashCode() => HashCode.Combine(Inner.GetHashCode(), Boost, 0x9a7);

    private sealed class ParentWeight(BlockParentQuery query, Weight inner, IReadOnlyList<FixedBitSet?> blocks, IList<AtomicReaderContext>? leaves)
        : BlockWeight(query, inner, blocks, leaves)
    {
        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var parents = ParentsOf(context);
            // The inner query sees the live document entries only (a filter clause such as a document ID also matches the
            // provision entries, which have no block of their own); acceptDocs (the provision entries wanted) applies to the children.
            var scorer = parents is null ? null : Inner.GetScorer(context, new LiveParents(parents, context.AtomicReader.LiveDocs));
            if (scorer is null)
            {
                return null;
            }

            return new ChildScorer(this, scorer, parents!, acceptDocs, context.AtomicReader.MaxDoc);
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

    // Entries per block of a segment's blocks, counted once per reader (the bits live as long as the reader's state).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FixedBitSet, object> EntriesPerBlock = [];

    private sealed class ChildScorer(Weight weight, Scorer parentScorer, FixedBitSet parents, IBits? acceptDocs, int maxDoc) : Scorer(weight)
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

        // Each matching document entry brings its block: the cost (which orders conjunctions) counts the entries.
        public override long GetCost() => parentScorer.GetCost()
            * (long)EntriesPerBlock.GetValue(parents, p => Math.Max(1L, p.Length / Math.Max(1L, p.Cardinality)));

        public override int NextDoc() => Walk(_doc + 1);

        public override int Advance(int target) => Walk(Math.Max(target, _doc + 1));

        // The first accepted child at or after target: in the current block, else in the next matching block.
        private int Walk(int target)
        {
            target = Math.Max(target, _start);
            while (target < _end)
            {
                if (acceptDocs is SelectedEntries selected)
                {
                    // A few accepted entries (a rescoring window): go from one to the next, not through every entry of a block.
                    target = target < selected.Length ? selected.NextSetBit(target) : -1;
                    if (target < 0 || target >= _end)
                    {
                        break;
                    }
                }

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
                    if (acceptDocs is SelectedEntries)
                    {
                        continue; // to the block's first selected entry, if any
                    }
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
