using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gongbao.Search;

/// <summary>
/// What the two block queries (<see cref="BlockJoinQuery"/>, <see cref="BlockParentQuery"/>) share: normalised as their
/// inner query with their own boost, and each segment's blocks (<see cref="ReaderState.Blocks"/>) found for it.
/// </summary>
/// <param name="leaves">
/// The reader's segments, when the query is run one segment at a time apart from its reader (as a
/// <see cref="QueryWrapperFilter"/> does, where every segment comes as segment 0): a segment's blocks are then found by its
/// reader instead of by its position. Without them a lone segment of a reader of several is refused, never given another's blocks.
/// </param>
internal abstract class BlockWeight(Query query, Weight inner, IReadOnlyList<FixedBitSet?> blocks, IList<AtomicReaderContext>? leaves) : Weight
{
    protected Weight Inner => inner;

    public override Query Query => query;

    public override float GetValueForNormalization() => inner.GetValueForNormalization() * query.Boost * query.Boost;

    public override void Normalize(float norm, float topLevelBoost) => inner.Normalize(norm, topLevelBoost * query.Boost);

    public override bool ScoresDocsOutOfOrder => false;

    /// <summary>The document entries of <paramref name="context"/>'s segment (null when it has none).</summary>
    protected FixedBitSet? ParentsOf(AtomicReaderContext context)
    {
        var segment = SegmentOf(context);
        return segment < blocks.Count ? blocks[segment] : null;
    }

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
}
