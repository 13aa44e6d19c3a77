using Gongbao.Domain;

namespace Gongbao.Citations.Relations;

/// <summary>How a provision relates to another document. See docs/relations.md for the wording each kind is read from.</summary>
public enum RelationKind
{
    /// <summary>印发: a notice issues an instrument (现将《X》印发给你们).</summary>
    Issues,

    /// <summary>根据/依据/依照《X》: X is the legal basis.</summary>
    LegalBasis,

    /// <summary>《X》同时废止 / 废止《X》 / 停止执行 / 不再执行.</summary>
    Repeals,

    /// <summary>对《X》作如下修改 / 《X》第N条修改为.</summary>
    Amends,

    /// <summary>代替/替代/取代《X》.</summary>
    Replaces,

    /// <summary>按照/参照/遵照/贯彻/落实《X》: implements or applies X without resting on it.</summary>
    Cites,
}

/// <summary>
/// One relation, with provenance: the provision where it is stated, the target as printed, and the target
/// resolved to a stored document or marked external (with its normalised key).
/// </summary>
public sealed record Relation
{
    public required RelationKind Kind { get; init; }

    /// <summary>The top-level stored document the stating provision belongs to.</summary>
    public required string SourceDocumentId { get; init; }

    /// <summary>The instrument (办法 issued by a notice) when the provision is in one.</summary>
    public string? SourceInstrumentId { get; init; }

    public required string SourceProvisionId { get; init; }

    /// <summary>Printed number of the article the provision is in (第十六条 → 16), null outside articles.</summary>
    public int? SourceArticle { get; init; }

    /// <summary>The date the stating document (or instrument) takes effect, for status as of a date.</summary>
    public DateOnly? SourceEffectiveFrom { get; init; }

    /// <summary>The target as printed: 《title》(number), 《title》 or a bare number.</summary>
    public required string Printed { get; init; }

    public string? Title { get; init; }

    /// <summary>Canonical document number when one is printed (京建法〔2020〕5号).</summary>
    public string? Number { get; init; }

    /// <summary>Normalised identity of the target: the canonical number when printed, otherwise the normalised title.</summary>
    public required string TargetKey { get; init; }

    public string? TargetDocumentId { get; init; }

    public string? TargetInstrumentId { get; init; }

    /// <summary>The word the kind was read from (根据, 同时废止, 印发…).</summary>
    public required string Trigger { get; init; }

    public bool External => TargetDocumentId is null;

    /// <summary>The key relations about one target share, stored or not.</summary>
    public static string KeyOf(string? title, DocumentNumber? number) =>
        number?.Canonical ?? TitleIndex.Normalize(title ?? "");
}
