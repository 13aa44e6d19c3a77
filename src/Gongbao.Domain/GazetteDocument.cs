namespace Gongbao.Domain;

/// <summary>
/// A document as printed in one source: a notice, decision, opinion… An instrument it issues or
/// forwards (the 办法 attached to a 印发…的通知) is a child document in <see cref="Instruments"/>.
/// </summary>
public sealed record GazetteDocument
{
    /// <summary>
    /// Stable ID: the document number slug (<c>jingguizifa-2024-122</c>) when the document has one,
    /// otherwise <c>{issue id}/doc-{ordinal}</c>. A child instrument is <c>{parent id}/inst-{n}</c>.
    /// </summary>
    public required string Id { get; init; }

    /// <summary>Position within its source (1-based); child instruments are numbered within the parent.</summary>
    public required int Ordinal { get; init; }

    public required string TitleZh { get; init; }

    public string? TitleEn { get; init; }

    public DocumentKind Kind { get; init; } = DocumentKind.Other;

    /// <summary>Issuing bodies, each separately (joint documents list several).</summary>
    public IReadOnlyList<string> Issuers { get; init; } = [];

    public DocumentNumber? Number { get; init; }

    /// <summary>Addressees (主送), as listed before the body.</summary>
    public IReadOnlyList<string> Addressees { get; init; } = [];

    public DateOnly? SignedOn { get; init; }

    public DateOnly? EffectiveFrom { get; init; }

    public DateOnly? EffectiveUntil { get; init; }

    /// <summary>The sentence that states effect or validity (自…起施行, 有效期…), verbatim.</summary>
    public string? ValidityText { get; init; }

    /// <summary>Gazette section, e.g. 部门文件 (null for standalone sources).</summary>
    public string? Section { get; init; }

    /// <summary>Start page, from the table of contents.</summary>
    public int? Page { get; init; }

    /// <summary>Root of the provision tree (kind <see cref="ProvisionKind.Document"/>, id = document id).</summary>
    public required Provision Body { get; init; }

    public IReadOnlyList<GazetteDocument> Instruments { get; init; } = [];

    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    public SourceSpan Span { get; init; }

    /// <summary>Full text as printed (normalised line joins, original characters), for diffing witnesses.</summary>
    public string Text { get; init; } = "";

    /// <summary>Depth-first enumeration of every provision of this document.</summary>
    public IEnumerable<Provision> AllProvisions() => Body.DescendantsAndSelf();
}

public enum DocumentKind
{
    Other,
    Notice,          // 通知
    Decision,        // 决定
    Opinion,         // 意见 / 实施意见 / 指导意见
    Measures,        // 办法 / 管理办法
    Rules,           // 细则 / 实施细则 / 规则
    Provisions,      // 规定
    Plan,            // 方案 / 计划 / 规划 / 行动计划
    SupportMeasures, // 措施 / 若干措施
    Announcement,    // 通告 / 公告
    Reply,           // 批复
    Order,           // 令
    Standard,        // 标准 / 指南 / 清单
}

/// <summary>An 附件 of a document: listed by title, printed in full (as provisions/tables) or omitted (略).</summary>
public sealed record Attachment
{
    public required string Id { get; init; }

    public required int Ordinal { get; init; }

    /// <summary>The label as printed, e.g. 附件1.</summary>
    public string? Label { get; init; }

    public required string Title { get; init; }

    /// <summary>True when the gazette omits the content (略) or refers elsewhere for it.</summary>
    public bool Omitted { get; init; }

    /// <summary>The provision subtree holding the attachment's content, when printed.</summary>
    public string? ProvisionId { get; init; }

    public SourceSpan Span { get; init; }
}
