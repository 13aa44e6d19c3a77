using System.Globalization;

using Gongbao.Domain;

using Spectre.Console;
using Spectre.Console.Rendering;

namespace Gongbao.Cli.Rendering;

/// <summary>Renders a document or provision as an indented tree: ID, printed label, heading and text per node.</summary>
public static class ProvisionTreeView
{
    public static IRenderable Document(GazetteDocument document)
    {
        var tree = new Tree(NodeLabel(document.Id, null, document.TitleZh, null)) { Guide = TreeGuide.Line };
        AddChildren(tree, document.Body);
        foreach (var instrument in document.Instruments)
        {
            var node = tree.AddNode(NodeLabel(instrument.Id, null, instrument.TitleZh, null));
            AddChildren(node, instrument.Body);
            AddAttachments(node, instrument);
        }

        AddAttachments(tree, document);
        return tree;
    }

    public static IRenderable Provision(Provision provision)
    {
        var tree = new Tree(Node(provision)) { Guide = TreeGuide.Line };
        AddChildren(tree, provision);
        return tree;
    }

    public static IRenderable Header(GazetteDocument d, string issueId, IEnumerable<string> otherWitnesses)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                grid.AddRow($"[grey]{name}[/]", Markup.Escape(value));
            }
        }

        Row("Title", d.TitleZh);
        Row("English", d.TitleEn);
        Row("ID", d.Id);
        Row("Number", d.Number?.Canonical);
        Row("Kind", d.Kind.ToString());
        Row("Issuers", string.Join("、", d.Issuers));
        Row("Addressees", string.Join("、", d.Addressees));
        Row("Signed", Date(d.SignedOn));
        Row("Effective", d.EffectiveFrom is null && d.EffectiveUntil is null ? null : $"{Date(d.EffectiveFrom)} – {Date(d.EffectiveUntil)}");
        Row("Validity", d.ValidityText);
        Row("Source", $"{issueId} {d.Span}" + (d.Page is { } p ? $", page {p.ToString(CultureInfo.InvariantCulture)}" : ""));
        Row("Also in", string.Join(", ", otherWitnesses));
        return grid;
    }

    private static void AddChildren(IHasTreeNodes parent, Provision provision)
    {
        foreach (var child in provision.Children)
        {
            var node = parent.AddNode(Node(child));
            AddChildren(node, child);
        }
    }

    private static void AddAttachments(IHasTreeNodes parent, GazetteDocument d)
    {
        foreach (var a in d.Attachments.Where(a => a.Omitted || a.ProvisionId is null))
        {
            parent.AddNode(new Markup($"[grey]{Markup.Escape(a.Id)}[/] [bold]{Markup.Escape(a.Label ?? "附件")}[/] {Markup.Escape(a.Title)}" +
                (a.Omitted ? " [grey](略 — not printed)[/]" : "")));
        }
    }

    private static IRenderable Node(Provision p)
    {
        var label = NodeLabel(p.Id, p.Label, p.Heading, p.Text);
        if (p.Cells is not { Count: > 0 } cells)
        {
            return label;
        }

        var width = cells.Max(r => r.Count);
        var table = new Table().ShowRowSeparators();
        for (var i = 0; i < width; i++)
        {
            table.AddColumn(new TableColumn(i < cells[0].Count ? Markup.Escape(cells[0][i]) : ""));
        }

        foreach (var row in cells.Skip(1))
        {
            table.AddRow(Enumerable.Range(0, width).Select(i => i < row.Count ? Markup.Escape(row[i]) : "").ToArray());
        }

        return new Rows(label, table);
    }

    private static Markup NodeLabel(string id, string? label, string? heading, string? text)
    {
        var parts = new List<string> { $"[grey]{Markup.Escape(id)}[/]" };
        if (!string.IsNullOrEmpty(label))
        {
            parts.Add($"[bold]{Markup.Escape(label)}[/]");
        }

        if (!string.IsNullOrEmpty(heading))
        {
            parts.Add($"[bold underline]{Markup.Escape(heading)}[/]");
        }

        if (!string.IsNullOrEmpty(text))
        {
            parts.Add(Markup.Escape(text));
        }

        return new Markup(string.Join(' ', parts));
    }

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
