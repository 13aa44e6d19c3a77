using Gongbao.Citations;
using Gongbao.Search;
using Gongbao.Storage;

namespace Gongbao.Web;

/// <summary>The store, the search index and the citation services one server process shares.</summary>
public sealed class GongbaoServices(IGazetteStore store, GazetteIndex index)
{
    public IGazetteStore Store { get; } = store;

    public GazetteIndex Index { get; } = index;

    public CitationResolver Resolver { get; } = new(store);

    public CrossReferenceFinder CrossReferences => new(Resolver);

    /// <summary>
    /// Makes the index cover what the store holds: indexes sources it lacks and drops sources the store
    /// no longer has (the CLI may ingest without a server running). Returns the number of sources indexed.
    /// </summary>
    public int SynchronizeIndex()
    {
        var stored = Store.ListIssues().Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var indexed = Index.IndexedIssues();
        foreach (var gone in indexed.Where(i => !stored.Contains(i)))
        {
            Index.DeleteIssue(gone);
        }

        var added = 0;
        foreach (var id in stored.Where(i => !indexed.Contains(i)).Order(StringComparer.Ordinal))
        {
            if (Store.GetIssue(id) is { } issue)
            {
                Index.IndexIssue(issue);
                added++;
            }
        }

        if (added > 0)
        {
            Resolver.Invalidate();
        }

        return added;
    }
}
