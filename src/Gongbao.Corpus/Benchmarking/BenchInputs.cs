using System.Security.Cryptography;
using System.Text;

using Gongbao.Search;
using Gongbao.Storage;

namespace Gongbao.Corpus.Benchmarking;

/// <summary>What the benchmarks feed the pipeline: text digests as ingest records them, and witnesses read back from a store.</summary>
internal static class BenchInputs
{
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Every stored witness with the source facts the index needs, as a re-index reads them.</summary>
    public static IEnumerable<IndexedWitness> StoredWitnesses(IGazetteStore store)
    {
        var sources = store.ListIssues().ToDictionary(i => i.Id);
        return store.AllDocuments().Select(w => new IndexedWitness(w.IssueId, sources[w.IssueId].Kind, sources[w.IssueId].Year, w.Document)
        {
            PublishedOn = sources[w.IssueId].PublicationDate,
        });
    }
}
