using Gongbao.Domain;

namespace Gongbao.Storage;

/// <summary>What happened when a source was ingested.</summary>
public enum IngestOutcome
{
    Added,
    Replaced,
    Unchanged,
}

public sealed record IngestResult(string IssueId, IngestOutcome Outcome, int Documents, int Provisions);

public sealed record IssueSummary(
    string Id,
    SourceKind Kind,
    int? Year,
    int? Number,
    int? CumulativeNumber,
    DateOnly? PublicationDate,
    string SourceFile,
    int DocumentCount,
    int WarningCount);

/// <summary>A document together with the source (issue) it was printed in.</summary>
public sealed record DocumentWitness(string IssueId, GazetteDocument Document);

/// <summary>A provision located in its document and source.</summary>
public sealed record ProvisionHit(string IssueId, string DocumentId, string DocumentTitle, Provision Provision);

/// <summary>Row counts of a store, for summaries and for checking that a failed ingest changed nothing.</summary>
public sealed record StoreCounts(int Sources, int Documents, int Instruments, int Provisions, int Attachments, int TocEntries, int Diagnostics);

/// <summary>
/// Persistence of parsed sources. Ingest is one transaction per source: either the whole issue is
/// stored or nothing changes. Implementations: SQLite (embedded default), PostgreSQL.
/// </summary>
public interface IGazetteStore : IDisposable
{
    IngestResult Ingest(GazetteIssue issue);

    /// <summary>As <see cref="Ingest(GazetteIssue)"/>; with <paramref name="force"/>, an unchanged source is rewritten (Replaced), e.g. after a parser upgrade.</summary>
    IngestResult Ingest(GazetteIssue issue, bool force);

    /// <summary>The ID of the stored source with these raw bytes (SHA-256 hex, any case), or null: lets callers skip parsing unchanged files.</summary>
    string? FindSourceBySha256(string sha256);

    StoreCounts Counts();

    IReadOnlyList<IssueSummary> ListIssues();

    /// <summary>The whole source with its contents, documents and diagnostics, or null.</summary>
    GazetteIssue? GetIssue(string issueId);

    /// <summary>
    /// Every printed witness of a document, found by ID (<c>jingguizifa-2024-122</c>) or by document
    /// number in any printed form (京规自发[2024]122号). Gazette issues first, newest first.
    /// </summary>
    IReadOnlyList<DocumentWitness> FindDocument(string idOrNumber);

    /// <summary>A provision by its stable ID, from the preferred witness (or the given source).</summary>
    ProvisionHit? GetProvision(string provisionId, string? issueId = null);

    /// <summary>All stored documents (top-level), each with its source, for indexing.</summary>
    IEnumerable<DocumentWitness> AllDocuments();
}
