namespace Gongbao.Domain;

public enum SourceKind
{
    /// <summary>A whole gazette issue (masthead, contents, documents).</summary>
    Issue,

    /// <summary>A single document published on its own (e.g. on an agency website).</summary>
    Standalone,
}

/// <summary>
/// One parsed source file: a gazette issue, or a standalone document. Each document it holds is a
/// witness of that document; the same document number in two sources is one document, two witnesses.
/// </summary>
public sealed record GazetteIssue
{
    /// <summary>Stable ID: <c>beijing-2024-31</c> for issue 31 of 2024; <c>standalone-{document id}</c> for a standalone text.</summary>
    public required string Id { get; init; }

    public SourceKind Kind { get; init; } = SourceKind.Issue;

    /// <summary>Gazette title as printed, e.g. 北京市人民政府公报.</summary>
    public string? GazetteTitle { get; init; }

    public int? Year { get; init; }

    /// <summary>Issue number within the year (第N期).</summary>
    public int? Number { get; init; }

    /// <summary>Cumulative number (总第N期) when printed.</summary>
    public int? CumulativeNumber { get; init; }

    public DateOnly? PublicationDate { get; init; }

    /// <summary>Sponsor as printed (…主办), e.g. 北京市人民政府办公厅.</summary>
    public string? Sponsor { get; init; }

    public string? SponsorEn { get; init; }

    public required string SourceFile { get; init; }

    /// <summary>SHA-256 (hex) of the raw source bytes; re-ingesting the same bytes is a no-op.</summary>
    public required string SourceSha256 { get; init; }

    public IReadOnlyList<TocEntry> Contents { get; init; } = [];

    public IReadOnlyList<GazetteDocument> Documents { get; init; } = [];

    /// <summary>
    /// Contents entries whose document could not be located in the body (each also has an error diagnostic):
    /// the source is incomplete when this is not empty.
    /// </summary>
    public IReadOnlyList<TocEntry> MissingEntries { get; init; } = [];

    public IReadOnlyList<ParseDiagnostic> Diagnostics { get; init; } = [];
}

/// <summary>One entry of the bilingual table of contents, Chinese and English aligned by position.</summary>
public sealed record TocEntry
{
    public required int Ordinal { get; init; }

    /// <summary>Gazette section heading without brackets, e.g. 部门文件.</summary>
    public required string SectionZh { get; init; }

    public string? SectionEn { get; init; }

    public required string TitleZh { get; init; }

    public string? TitleEn { get; init; }

    public DocumentNumber? Number { get; init; }

    /// <summary>The romanised number from the English contents, e.g. Jingguizifa〔2024〕No. 122.</summary>
    public string? NumberEn { get; init; }

    public int? Page { get; init; }

    public SourceSpan Span { get; init; }

    public SourceSpan? SpanEn { get; init; }
}
