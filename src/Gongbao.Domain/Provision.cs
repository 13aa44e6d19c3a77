namespace Gongbao.Domain;

/// <summary>Structural levels of Chinese normative documents, outermost first.</summary>
public enum ProvisionKind
{
    Document,   // root
    Preamble,   // text before the first structural unit (notice body before an instrument, etc.)
    Instrument, // the attached instrument a notice issues (its provisions hang below)
    Part,       // 编
    Chapter,    // 章
    Section,    // 节
    Article,    // 条
    Paragraph,  // 款 (a paragraph of an article, or a free paragraph)
    Heading,    // 一、 numbered division outside an article
    Item,       // 项 (一) / （一）
    SubItem,    // 目 1. / 1、
    Point,      // (1) / （1）
    Circled,    // ① …
    Annex,      // 附件
    Table,
    TableRow,
    Signature,  // issuer + date block
}

/// <summary>
/// A node of a document's provision tree. <see cref="Id"/> is stable and unique within the document
/// even where printed numbers skip or repeat: it is built from ordinals, the printed number is kept in
/// <see cref="Label"/>. See docs/identifiers.md for the scheme.
/// </summary>
public sealed class Provision
{
    public required string Id { get; init; }

    public required ProvisionKind Kind { get; init; }

    /// <summary>1-based position among siblings of the same kind (or, for articles, within the document).</summary>
    public int Ordinal { get; init; }

    /// <summary>Printed number, e.g. 第八条, （一）, 1., 附件2.</summary>
    public string? Label { get; init; }

    /// <summary>Numeric value of the printed number when it has one (第八条 → 8), to detect skips and repeats.</summary>
    public int? Number { get; init; }

    /// <summary>Heading, e.g. 目的依据 for 第一条【目的依据】, 总则 for 第一章 总 则.</summary>
    public string? Heading { get; init; }

    /// <summary>The provision's own text (not its children's), as printed.</summary>
    public string Text { get; init; } = "";

    public SourceSpan Span { get; init; }

    /// <summary>Rows of cells when <see cref="Kind"/> is <see cref="ProvisionKind.Table"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? Cells { get; init; }

    public List<Provision> Children { get; init; } = [];

    public IEnumerable<Provision> DescendantsAndSelf()
    {
        var stack = new Stack<Provision>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var p = stack.Pop();
            yield return p;
            for (var i = p.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(p.Children[i]);
            }
        }
    }

    /// <summary>Text of this provision and all its descendants, in order, one line each.</summary>
    public string FullText() => string.Join('\n', DescendantsAndSelf().Select(p => p.Text).Where(t => t.Length > 0));
}
