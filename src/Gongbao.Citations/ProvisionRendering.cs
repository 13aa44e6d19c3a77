using Gongbao.Domain;

namespace Gongbao.Citations;

/// <summary>Plain text of a provision subtree as printed: one line per unit, items with their labels ((一) …, 1. …).</summary>
public static class ProvisionRendering
{
    public static string PlainText(Provision root) => PlainText(root, labelRoot: false);

    /// <param name="labelRoot">Also prefix the root's own label (when listing items under a paragraph).</param>
    public static string PlainText(Provision root, bool labelRoot) =>
        string.Join('\n', root.DescendantsAndSelf().Select(p => Line(p, p == root && !labelRoot)).Where(l => l.Length > 0));

    private static string Line(Provision p, bool isRoot)
    {
        if (p.Kind is ProvisionKind.Table && p.Cells is { } cells)
        {
            return string.Join('\n', cells.Select(r => string.Join('\t', r)));
        }

        var labelled = !isRoot && p.Label is { Length: > 0 } && p.Kind is ProvisionKind.Item or ProvisionKind.SubItem or ProvisionKind.Point or ProvisionKind.Circled;
        return labelled ? $"{p.Label}{p.Text}" : p.Text;
    }
}
