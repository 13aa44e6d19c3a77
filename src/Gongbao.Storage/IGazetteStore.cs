using Gongbao.Domain;

namespace Gongbao.Storage;

/// <summary>What happened when a source was ingested.</summary>
public enum IngestOutcome
{
    Added,
    Replaced,
    Unchanged,
}

public sealed record IngestResult(string IssueId, IngestOutcome Outcome, int Documents, int Provisions)
{
    /// <summary>The stored version of the source after this ingest (1 for the first; 0 when the store keeps no history).</summary>
    public int Version { get; init; }
}

/// <summary>What the store holds for a source now: its bytes' hash and version (the index records the same to detect staleness).</summary>
public sealed record SourceState(string Id, string Sha256, int Version, int DocumentCount)
{
    /// <summary>Changes whenever the stored content of the source changes, including a forced re-parse of the same bytes.</summary>
    public string ContentToken => $"{Sha256.ToLowerInvariant()}#{Version}";
}

/// <summary>One stored version of a source (newest has the highest number).</summary>
public sealed record SourceVersion(string IssueId, int Version, string Sha256, string SourceFile, DateTimeOffset IngestedAt, int Documents, int TextLength);

public sealed record IssueSummary(
    string Id,
    SourceKind Kind,
    int? Year,
    int? Number,
    int? CumulativeNumber,
    DateOnly? PublicationDate,
    string SourceFile,
    int DocumentCount,
    int WarningCount)
{
    /// <summary>Error-severity diagnostics stored with the source: it was stored, but parts of it may be missing.</summary>
    public int ErrorCount { get; init; }

    /// <summary>The error messages when <see cref="ErrorCount"/> is above 0 (one per line), else null.</summary>
    public string? Errors { get; init; }

    /// <summary>True when the parser reported errors: the source is stored but incomplete.</summary>
    public bool Incomplete => ErrorCount > 0;
}

/// <summary>A document together with the source (issue) it was printed in.</summary>
public sealed record DocumentWitness(string IssueId, GazetteDocument Document);

/// <summary>A stored document's title (<see cref="InstrumentId"/> null) or the title of an instrument it issues.</summary>
public sealed record StoredTitle(string IssueId, string DocumentId, string? InstrumentId, string TitleZh);

/// <summary>A provision located in its document and source.</summary>
public sealed record ProvisionHit(string IssueId, string DocumentId, string DocumentTitle, Provision Provision);

/// <summary>Row counts of a store, for summaries and for checking that a failed ingest changed nothing.</summary>
public sealed record StoreCounts(int Sources, int Documents, int Instruments, int Provisions, int Attachments, int TocEntries, int Diagnostics);

/// <summary>
/// Persistence of parsed sources. Ingest is one transaction per source (or a savepoint in an ingest group's
/// transaction, <see cref="BeginIngestGroup"/>): either the whole issue is stored or nothing changes. Implementations: SQLite (embedded default), PostgreSQL.
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

    /// <summary>
    /// The title of every stored document and of each instrument it issues, in <see cref="AllDocuments"/> order
    /// (a document, then its instruments). Citations resolve titles on every ingest, so a store should answer this
    /// without reading document bodies.
    /// </summary>
    IEnumerable<StoredTitle> Titles() =>
        AllDocuments().SelectMany(w => w.Document.Instruments
            .Select(i => new StoredTitle(w.IssueId, w.Document.Id, i.Id, i.TitleZh))
            .Prepend(new StoredTitle(w.IssueId, w.Document.Id, null, w.Document.TitleZh)));

    /// <summary>As <see cref="Ingest(GazetteIssue, bool)"/>, keeping <paramref name="sourceText"/> (the decoded input) in the source's history.</summary>
    IngestResult Ingest(GazetteIssue issue, bool force, string? sourceText) => Ingest(issue, force);

    /// <summary>Hash, version and size of every stored source (what reconciling the index compares).</summary>
    IReadOnlyList<SourceState> SourceStates() =>
        ListIssues().Select(i => new SourceState(i.Id, GetIssue(i.Id)?.SourceSha256 ?? "", 0, i.DocumentCount)).ToList();

    /// <summary>
    /// A value that differs whenever the stored content differs from when it was last read (another process's ingest):
    /// what a server compares to notice that its caches are stale. This default lists every source's content token;
    /// a store that keeps every version answers it far more cheaply.
    /// </summary>
    string ChangeMarker() => string.Join('\n', SourceStates().Select(s => s.Id + " " + s.ContentToken));

    /// <summary>The state of one stored source, or null.</summary>
    SourceState? FindSourceState(string issueId) => SourceStates().FirstOrDefault(s => s.Id == issueId);

    /// <summary>Every stored version of the source, oldest first (empty when unknown or no history is kept).</summary>
    IReadOnlyList<SourceVersion> Versions(string issueId) => [];

    /// <summary>The text of one stored version, or null.</summary>
    string? VersionText(string issueId, int version) => null;

    /// <summary>True when the store keeps relations (the relational backends); otherwise callers compute them.</summary>
    bool KeepsRelations => false;

    /// <summary>
    /// As <see cref="Ingest(GazetteIssue, bool, string?)"/>, writing <paramref name="relations"/> in the same transaction:
    /// the issue's relations replace whatever its previous version stated. Null stores none (they are then missing,
    /// see <see cref="SourcesWithoutRelations"/>).
    /// </summary>
    IngestResult Ingest(GazetteIssue issue, bool force, string? sourceText, RelationUpdate? relations) => Ingest(issue, force, sourceText);

    /// <summary>
    /// As <see cref="Ingest(GazetteIssue, bool, string?, RelationUpdate?)"/>, with the issue's compressed values already
    /// computed (<see cref="IssueEncoding.Encode"/> of the same issue and text; null: computed in the transaction). What is
    /// stored is the same either way.
    /// </summary>
    IngestResult Ingest(GazetteIssue issue, bool force, string? sourceText, RelationUpdate? relations, IssueEncoding? encoded) =>
        Ingest(issue, force, sourceText, relations);

    /// <summary>
    /// Opens a group in which the following ingests share one transaction (a savepoint each) until its commit; null when
    /// the store commits each ingest on its own. Until the group is committed or disposed, reads through this store see
    /// what the group wrote, and no other write may start.
    /// </summary>
    IIngestGroup? BeginIngestGroup() => null;

    /// <summary>Every stored relation, by source and position.</summary>
    IReadOnlyList<StoredRelation> Relations() => [];

    /// <summary>Stored relations whose target is external or a document of <paramref name="issueId"/>: the ones an ingest of it may retarget.</summary>
    IReadOnlyList<StoredRelation> RelationsToResolve(string issueId) => [];

    /// <summary>Sources whose relations were never extracted, or by an extractor older than <paramref name="extractorVersion"/>.</summary>
    IReadOnlyList<string> SourcesWithoutRelations(int extractorVersion) => [];

    /// <summary>
    /// Replaces a source's relations (a backfill), in one transaction with the retargets; false (nothing written)
    /// when the stored source no longer has the hash <paramref name="sha256"/> (replaced meanwhile).
    /// </summary>
    bool ReplaceRelations(string issueId, string sha256, RelationUpdate relations) => false;

    /// <summary>Points stored relations at new targets, in one transaction.</summary>
    void RetargetRelations(IReadOnlyList<RelationRetarget> retargets)
    {
    }
}
