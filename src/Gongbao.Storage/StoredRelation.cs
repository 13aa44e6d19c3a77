namespace Gongbao.Storage;

/// <summary>
/// A relation as the store keeps it (one row per relation, with the source it was read from). The kinds and the
/// wording they are read from live in Gongbao.Citations.Relations; the store only keeps the rows.
/// </summary>
public sealed record StoredRelation
{
    /// <summary>The source (issue) whose text states the relation.</summary>
    public required string IssueId { get; init; }

    /// <summary>Position within the source's relations (what a retarget names).</summary>
    public int Seq { get; init; }

    /// <summary>RelationKind name: Issues, LegalBasis, Repeals, Amends, Replaces, Cites.</summary>
    public required string Kind { get; init; }

    public required string SourceDocumentId { get; init; }

    public string? SourceInstrumentId { get; init; }

    public required string SourceProvisionId { get; init; }

    public int? SourceArticle { get; init; }

    public DateOnly? SourceEffectiveFrom { get; init; }

    public required string Printed { get; init; }

    public string? Title { get; init; }

    public string? Number { get; init; }

    public required string TargetKey { get; init; }

    public string? TargetDocumentId { get; init; }

    public string? TargetInstrumentId { get; init; }

    public required string Trigger { get; init; }
}

/// <summary>A stored relation pointed at another target (or made external): targets change as documents are stored or replaced.</summary>
public sealed record RelationRetarget(string IssueId, int Seq, string? TargetDocumentId, string? TargetInstrumentId);

/// <summary>
/// What an ingest writes about relations in the same transaction as the issue: the issue's own relations (read
/// by extractor <paramref name="ExtractorVersion"/>) and the stored relations of other sources whose target changes.
/// </summary>
public sealed record RelationUpdate(int ExtractorVersion, IReadOnlyList<StoredRelation> Own, IReadOnlyList<RelationRetarget> Retargets);
