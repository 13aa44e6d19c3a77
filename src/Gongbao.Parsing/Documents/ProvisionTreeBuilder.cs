using System.Globalization;

using Gongbao.Domain;

using Gongbao.Parsing.Normalization;
using Gongbao.Parsing.Recognition;
using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Documents;

/// <summary>Counts articles across one top-level document (notice and its instruments): IDs are flat art-{n}.</summary>
public sealed class ArticleCounter
{
    public int Count { get; set; }
}

/// <summary>What building a tree found besides the provisions.</summary>
public sealed record ProvisionTreeResult(
    Provision Root,
    IReadOnlyList<SignatureBlock> Signatures,
    IReadOnlyList<Attachment> Attachments,
    IReadOnlyList<SourceLine> Lines);

/// <summary>
/// Builds the provision tree of one region (a notice body, an instrument, a standalone text): recognises
/// signature blocks, tables, attachment lists and annex headings, re-joins broken lines, then nests
/// numbered units by rank (编 &gt; 章 &gt; 节 &gt; 条 &gt; 一、 &gt; （一） &gt; 1. &gt; （1） &gt; ①) with ordinal IDs.
/// </summary>
public sealed class ProvisionTreeBuilder(string documentId, DiagnosticBag diagnostics, ArticleCounter articles, bool undatedSignatures = false)
{
    private readonly PageBreakJoiner _joiner = new();
    private int? _lastArticleNumber;

    public ProvisionTreeResult Build(string rootId, ProvisionKind rootKind, IReadOnlyList<SourceLine> lines, string? rootHeading = null)
    {
        var blocks = Segment(lines, out var signatures, out var joined);
        var root = new Node(rootId, rootKind, 0) { Heading = rootHeading };
        var stack = new List<Node> { root };
        var lists = new List<(AttachmentList List, Node Owner)>();
        var annexes = new List<Node>();

        // Whether a numbered line follows block b anywhere later in this region.
        var numberFollows = new bool[blocks.Count + 1];
        for (var b = blocks.Count - 1; b >= 0; b--)
        {
            numberFollows[b] = numberFollows[b + 1]
                || (b + 1 < blocks.Count && blocks[b + 1] is TextBlock { Unit: not null });
        }

        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            switch (block)
            {
                case SignatureBlockItem s:
                    PopTo(stack, 1);
                    AddChild(stack[^1], ProvisionKind.Signature, null, null, null, string.Join("\n", s.Lines.Select(l => l.Text)), s.Block.Span);
                    break;
                case TableBlock t:
                    AddTable(stack[^1], t);
                    break;
                case AttachmentListBlock a:
                    while (stack.Count > 1 && stack[^1].Kind != ProvisionKind.Annex)
                    {
                        stack.RemoveAt(stack.Count - 1);
                    }

                    AddChild(stack[^1], ProvisionKind.Paragraph, "附件", null, null, a.List.Text, a.List.Span);
                    lists.Add((a.List, stack[^1]));
                    break;
                case AnnexBlock x:
                    PopTo(stack, 1);
                    var label = x.Number > 0 ? $"附件{x.Number.ToString(CultureInfo.InvariantCulture)}" : "附件";
                    var annex = AddChild(stack[^1], ProvisionKind.Annex, label, x.Number > 0 ? x.Number : null, x.Title, "", x.Span);
                    annex.Rank = 0;
                    annexes.Add(annex);
                    stack.Add(annex);
                    break;
                case TextBlock tb:
                    AddText(stack, tb.Line, tb.Unit, NextIsContent(blocks, b), numberFollows[b]);
                    break;
            }
        }

        var attachments = LinkAttachments(rootId, lists, annexes);
        return new ProvisionTreeResult(root.ToProvision(), signatures, attachments, joined);
    }

    private static bool NextIsContent(List<Block> blocks, int b) =>
        b + 1 < blocks.Count && blocks[b + 1] is TextBlock next
        && next.Unit is not { Rank: <= 4 };

    private void AddText(List<Node> stack, SourceLine line, NumberedUnit? unit, bool followedByContent, bool numberFollows)
    {
        if (unit is null)
        {
            // Inside an article the legal convention holds: a paragraph after its items is the article's next
            // 款; only a bare title item or an item introducing what follows ("…完成以下工作：") keeps it.
            var article = stack.FindLastIndex(x => x.Kind == ProvisionKind.Article);
            while (article > 0 && stack.Count > article + 1 && IsNumberedUnit(stack[^1])
                   && !(stack[^1].HeadingLike && stack[^1].Text.Length == 0) && !EndsWithColon(stack[^1].Text))
            {
                stack.RemoveAt(stack.Count - 1);
            }

            // Elsewhere a free paragraph belongs to the nearest open container: a heading, an item titled
            // on its own line or run-in ("工作原则。坚持…"), which holds the paragraphs after it until the
            // next number of the same or a higher level, or an item introducing what follows with "：".
            // After the last number of the region, paragraphs close the text: a run-in item does not hold them.
            // An item that is a complete sentence is closed, except for the labelled lines that describe it
            // ("责任单位：…", "(责任单位：…)", "完成时限：…").
            var describesItem = PageBreakJoiner.IsLabelledLine(line.Text) || IsParentheticalLabel(line.Text);
            while (!describesItem && stack.Count > 1 && IsNumberedUnit(stack[^1]) && !stack[^1].HeadingLike
                   && !(stack[^1].RunInHeading && numberFollows) && EndsStatement(stack[^1].Text))
            {
                stack.RemoveAt(stack.Count - 1);
            }

            AddChild(stack[^1], ProvisionKind.Paragraph, null, null, null, line.Text, line.Span);
            return;
        }

        if (unit.Kind == ProvisionKind.Article)
        {
            // Articles nest under an open division title printed as a numbered item (二、工作措施 /
            // （一）做好…), as they would under a 章; an item inside an article never holds articles.
            while (stack.Count > 1 && stack[^1].Rank >= unit.Rank && !HoldsArticles(stack, stack.Count - 1))
            {
                stack.RemoveAt(stack.Count - 1);
            }
        }
        else
        {
            CloseArticlesForNextDivision(stack, unit);
            while (stack.Count > 1 && stack[^1].Rank >= unit.Rank)
            {
                stack.RemoveAt(stack.Count - 1);
            }
        }

        var heading = unit.Heading;
        var text = unit.Rest;
        var headingLike = unit.Kind is ProvisionKind.Part or ProvisionKind.Chapter or ProvisionKind.Section;
        if (heading is null && text.Length > 0 && followedByContent && ReadsAsHeading(text)
            && unit.Kind is not (ProvisionKind.Part or ProvisionKind.Chapter or ProvisionKind.Section))
        {
            heading = text;
            text = "";
            headingLike = true;
        }

        if (unit.Kind == ProvisionKind.Article)
        {
            CheckArticleNumber(unit, line);
        }

        var node = AddChild(stack[^1], unit.Kind, unit.Label, unit.Number, heading, text, line.Span);
        node.Rank = unit.Rank;
        node.HeadingLike = headingLike;
        node.RunInHeading = unit.Kind != ProvisionKind.Article && NumberingRecognizer.HasRunInHeading(text);
        if (unit.Kind == ProvisionKind.Article && text.Length > 0)
        {
            // The article's own text is its first paragraph (款): further paragraphs are para-2, para-3…
            node.Counters[ProvisionKind.Paragraph] = 1;
        }

        stack.Add(node);
    }

    /// <summary>Whether <c>stack[index]</c> is a numbered division title that articles nest under.</summary>
    private static bool HoldsArticles(List<Node> stack, int index)
    {
        var node = stack[index];
        if (node.Kind is not (ProvisionKind.Heading or ProvisionKind.Item or ProvisionKind.SubItem or ProvisionKind.Point or ProvisionKind.Circled))
        {
            return false;
        }

        for (var k = 0; k < index; k++)
        {
            if (stack[k].Kind == ProvisionKind.Article)
            {
                return false;
            }
        }

        return node.HeadingLike || (node.Heading is null && ReadsAsTitle(node.Text));
    }

    /// <summary>
    /// A numbered unit that continues the numbering of a division title above the open article (三、 after
    /// 二、, （二） after （一）) starts the next division: the articles of the previous one are closed. A
    /// unit that continues a list inside the article (its （二） after its own （一）) stays in the article.
    /// </summary>
    private static void CloseArticlesForNextDivision(List<Node> stack, NumberedUnit unit)
    {
        if (unit.Number is not { } n)
        {
            return;
        }

        var article = stack.FindLastIndex(x => x.Kind == ProvisionKind.Article);
        var inner = stack.FindLastIndex(x => x.Kind == unit.Kind);
        if (article < 1 || (inner > article && stack[inner].Number == n - 1))
        {
            return;
        }

        for (var k = article - 1; k >= 1; k--)
        {
            if (stack[k].Kind == unit.Kind && stack[k].Number == n - 1 && HoldsArticles(stack, k))
            {
                PopTo(stack, k);
                return;
            }
        }
    }

    /// <summary>A short line without sentence punctuation that does not lead into a list: a title.</summary>
    private static bool ReadsAsTitle(string text)
    {
        var t = text.TrimEnd();
        return t.Length is > 0 and <= 40 && t.IndexOfAny(['。', '；', ';', '！', '？', '!', '?']) < 0 && t[^1] is not ('：' or ':' or '，' or ',' or '、');
    }

    /// <summary>A unit's text is its heading when it has no sentence punctuation and content follows it.</summary>
    private static bool ReadsAsHeading(string text)
    {
        if (text.Length > 40 || text.IndexOfAny(['。', '；', ';', '！', '？', '!', '?']) >= 0)
        {
            return false;
        }

        return text.TrimEnd()[^1] is not ('：' or ':' or '，' or ',' or '、');
    }

    private static bool EndsWithColon(string text) => text.TrimEnd() is { Length: > 0 } t && t[^1] is '：' or ':';

    private static bool IsParentheticalLabel(string text) =>
        text.Length > 2 && text[0] is '(' or '（' && text[^1] is ')' or '）' && PageBreakJoiner.IsLabelledLine(text[1..]);

    private static bool IsNumberedUnit(Node node) =>
        node.Kind is ProvisionKind.Heading or ProvisionKind.Item or ProvisionKind.SubItem or ProvisionKind.Point or ProvisionKind.Circled;

    private static bool EndsStatement(string text)
    {
        var t = text.TrimEnd();
        return t.Length > 0 && t[^1] is '。' or '；' or ';' or '！' or '？' or '”' or '）' or ')';
    }

    private void CheckArticleNumber(NumberedUnit unit, SourceLine line)
    {
        if (unit.Number is not { } n)
        {
            return;
        }

        if (_lastArticleNumber is { } last)
        {
            if (n == last)
            {
                diagnostics.Warning(DiagnosticCodes.ArticleNumberRepeated, line.Line, $"{unit.Label} repeats the previous article number");
            }
            else if (n > last + 1)
            {
                diagnostics.Warning(DiagnosticCodes.ArticleNumberSkipped, line.Line, $"{unit.Label} follows article {last}: article number(s) skipped");
            }
            else if (n < last && n != 1)
            {
                diagnostics.Warning(DiagnosticCodes.ArticleNumberSkipped, line.Line, $"{unit.Label} goes back after article {last}");
            }
        }

        _lastArticleNumber = n;
    }

    private void AddTable(Node parent, TableBlock t)
    {
        var rows = TableRecognizer.Build(t.Rows.Select((r, i) => (r.Text, i)).ToList());
        var table = AddChild(parent, ProvisionKind.Table, null, null, null, "", new SourceSpan(t.Rows[0].Span.StartLine, t.Rows[^1].Span.EndLine));
        table.Cells = rows.Select(r => (IReadOnlyList<string>)r.Cells).ToList();
        foreach (var (printed, _, index) in rows)
        {
            AddChild(table, ProvisionKind.TableRow, null, null, null, string.Join('\t', printed), t.Rows[index].Span);
        }
    }

    private Node AddChild(Node parent, ProvisionKind kind, string? label, int? number, string? heading, string text, SourceSpan span)
    {
        parent.Counters.TryGetValue(kind, out var count);
        count++;
        parent.Counters[kind] = count;
        string id;
        int ordinal;
        if (kind == ProvisionKind.Article)
        {
            ordinal = ++articles.Count;
            id = $"{documentId}/art-{ordinal.ToString(CultureInfo.InvariantCulture)}";
        }
        else
        {
            ordinal = count;
            id = $"{parent.Id}/{Segment(kind)}-{ordinal.ToString(CultureInfo.InvariantCulture)}";
        }

        var node = new Node(id, kind, 100) { Ordinal = ordinal, Label = label, Number = number, Heading = heading, Text = text, Span = span };
        parent.Children.Add(node);
        return node;
    }

    public static string Segment(ProvisionKind kind) => kind switch
    {
        ProvisionKind.Part => "part",
        ProvisionKind.Chapter => "chp",
        ProvisionKind.Section => "sec",
        ProvisionKind.Article => "art",
        ProvisionKind.Paragraph => "para",
        ProvisionKind.Heading => "div",
        ProvisionKind.Item => "item",
        ProvisionKind.SubItem => "sub",
        ProvisionKind.Point => "pt",
        ProvisionKind.Circled => "c",
        ProvisionKind.Annex => "annex",
        ProvisionKind.Table => "table",
        ProvisionKind.TableRow => "row",
        ProvisionKind.Signature => "sig",
        ProvisionKind.Instrument => "inst",
        ProvisionKind.Preamble => "pre",
        _ => "node",
    };

    private static void PopTo(List<Node> stack, int count)
    {
        while (stack.Count > count)
        {
            stack.RemoveAt(stack.Count - 1);
        }
    }

    private static List<Attachment> LinkAttachments(string rootId, List<(AttachmentList List, Node Owner)> lists, List<Node> annexes)
    {
        var result = new List<Attachment>();
        var byNumber = annexes.GroupBy(a => a.Number ?? 0).ToDictionary(g => g.Key, g => g.First());
        var usedAnnexes = new HashSet<Node>();
        foreach (var (list, _) in lists)
        {
            for (var i = 0; i < list.Items.Count; i++)
            {
                var item = list.Items[i];
                var n = item.Number ?? (list.Items.Count == 1 ? 0 : i + 1);
                byNumber.TryGetValue(n, out var annex);
                if (annex is null && list.Items.Count == 1 && annexes.Count == 1)
                {
                    annex = annexes[0];
                }

                if (annex is not null)
                {
                    usedAnnexes.Add(annex);
                }

                var ordinal = result.Count + 1;
                result.Add(new Attachment
                {
                    Id = annex?.Id ?? $"{rootId}/annex-{ordinal.ToString(CultureInfo.InvariantCulture)}",
                    Ordinal = ordinal,
                    Label = item.Number is { } num ? $"附件{num.ToString(CultureInfo.InvariantCulture)}" : "附件",
                    Title = item.Title,
                    Omitted = annex is null,
                    ProvisionId = annex?.Id,
                    Span = item.Span,
                });
            }
        }

        foreach (var annex in annexes.Where(a => !usedAnnexes.Contains(a)))
        {
            var ordinal = result.Count + 1;
            result.Add(new Attachment
            {
                Id = annex.Id,
                Ordinal = ordinal,
                Label = annex.Label,
                Title = annex.Heading ?? "",
                Omitted = false,
                ProvisionId = annex.Id,
                Span = annex.Span,
            });
        }

        return result;
    }

    private List<Block> Segment(IReadOnlyList<SourceLine> lines, out List<SignatureBlock> signatures, out List<SourceLine> joinedAll)
    {
        signatures = SignatureRecognizer.FindAll(lines, 0, lines.Count, undatedSignatures);
        var sigAt = new Dictionary<int, SignatureBlock>();
        var reserved = new bool[lines.Count];
        foreach (var s in signatures)
        {
            sigAt[s.Start] = s;
            for (var r = s.Start; r <= s.Last; r++)
            {
                reserved[r] = true;
            }
        }

        var blocks = new List<Block>();
        var pending = new List<SourceLine>();
        joinedAll = new List<SourceLine>(lines.Count);
        var all = joinedAll;

        void FlushText()
        {
            if (pending.Count == 0)
            {
                return;
            }

            foreach (var j in _joiner.Join(pending))
            {
                blocks.Add(new TextBlock(j, NumberingRecognizer.Recognize(j.Text)));
                all.Add(j);
            }

            pending.Clear();
        }

        var i = 0;
        while (i < lines.Count)
        {
            var line = lines[i];
            if (sigAt.TryGetValue(i, out var sig))
            {
                FlushText();
                var sigLines = lines.Skip(sig.Start).Take(sig.Last - sig.Start + 1).ToList();
                blocks.Add(new SignatureBlockItem(sig, sigLines));
                all.AddRange(sigLines);
                i = sig.End;
                continue;
            }

            if (TableRecognizer.IsRow(line.Text))
            {
                FlushText();
                var rows = new List<SourceLine>();
                while (i < lines.Count && !reserved[i] && TableRecognizer.IsRow(lines[i].Text))
                {
                    rows.Add(lines[i]);
                    i++;
                }

                blocks.Add(new TableBlock(rows));
                all.AddRange(rows);
                continue;
            }

            if (AttachmentRecognizer.TryRead(lines, i, k => reserved[k]) is { } list)
            {
                FlushText();
                blocks.Add(new AttachmentListBlock(list));
                for (var k = list.Start; k < list.End; k++)
                {
                    all.Add(lines[k]);
                }

                i = list.End;
                continue;
            }

            if (AttachmentRecognizer.AnnexNumber(line.Text) is { } annexNumber)
            {
                FlushText();
                all.Add(line);
                string? title = null;
                var span = line.Span;
                if (i + 1 < lines.Count && !reserved[i + 1] && IsAnnexTitle(lines[i + 1].Text))
                {
                    title = CjkText.RemoveSpacesAroundCjk(lines[i + 1].Text);
                    span = span.Union(lines[i + 1].Span);
                    all.Add(lines[i + 1]);
                    i++;
                }

                blocks.Add(new AnnexBlock(annexNumber, title, span));
                i++;
                continue;
            }

            pending.Add(line);
            i++;
        }

        FlushText();
        return blocks;
    }

    private static bool IsAnnexTitle(string text) =>
        text.Length <= 60 && !TableRecognizer.IsRow(text) && NumberingRecognizer.Recognize(text) is null
        && !PageBreakJoiner.EndsSentence(text) && !DateRecognizer.IsDateLine(text);

    private abstract record Block;

    private sealed record TextBlock(SourceLine Line, NumberedUnit? Unit) : Block;

    private sealed record TableBlock(List<SourceLine> Rows) : Block;

    private sealed record SignatureBlockItem(SignatureBlock Block, List<SourceLine> Lines) : Block;

    private sealed record AttachmentListBlock(AttachmentList List) : Block;

    private sealed record AnnexBlock(int Number, string? Title, SourceSpan Span) : Block;

    /// <summary>Mutable node while building; turned into an immutable-ish <see cref="Provision"/> at the end.</summary>
    private sealed class Node(string id, ProvisionKind kind, int rank)
    {
        public string Id { get; } = id;

        public ProvisionKind Kind { get; } = kind;

        public int Rank { get; set; } = rank;

        public bool HeadingLike { get; set; }

        /// <summary>The text opens with a run-in title: the unit holds the unnumbered paragraphs after it.</summary>
        public bool RunInHeading { get; set; }

        public int Ordinal { get; init; } = 1;

        public string? Label { get; init; }

        public int? Number { get; init; }

        public string? Heading { get; init; }

        public string Text { get; init; } = "";

        public SourceSpan Span { get; init; }

        public IReadOnlyList<IReadOnlyList<string>>? Cells { get; set; }

        public List<Node> Children { get; } = [];

        public Dictionary<ProvisionKind, int> Counters { get; } = [];

        public Provision ToProvision()
        {
            var children = new List<Provision>(Children.Count);
            var span = Span;
            foreach (var c in Children)
            {
                var p = c.ToProvision();
                span = span.StartLine == 0 ? p.Span : span.Union(p.Span);
                children.Add(p);
            }

            return new Provision
            {
                Id = Id,
                Kind = Kind,
                Ordinal = Ordinal,
                Label = Label,
                Number = Number,
                Heading = Heading,
                Text = Text,
                Span = span,
                Cells = Cells,
                Children = children,
            };
        }
    }
}
