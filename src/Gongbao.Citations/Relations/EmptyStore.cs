using Gongbao.Domain;
using Gongbao.Storage;

namespace Gongbao.Citations.Relations;

/// <summary>A store holding nothing: under an <see cref="IssueOverlay"/> it makes a view of one issue alone.</summary>
internal sealed class EmptyStore : IGazetteStore
{
    public static readonly EmptyStore Instance = new();

    public IngestResult Ingest(GazetteIssue issue) => throw new NotSupportedException("A read-only view.");

    public IngestResult Ingest(GazetteIssue issue, bool force) => throw new NotSupportedException("A read-only view.");

    public string? FindSourceBySha256(string sha256) => null;

    public StoreCounts Counts() => new(0, 0, 0, 0, 0, 0, 0);

    public IReadOnlyList<IssueSummary> ListIssues() => [];

    public GazetteIssue? GetIssue(string issueId) => null;

    public IReadOnlyList<DocumentWitness> FindDocument(string idOrNumber) => [];

    public ProvisionHit? GetProvision(string provisionId, string? issueId = null) => null;

    public IEnumerable<DocumentWitness> AllDocuments() => [];

    public IEnumerable<StoredTitle> Titles() => [];

    public void Dispose()
    {
    }
}
