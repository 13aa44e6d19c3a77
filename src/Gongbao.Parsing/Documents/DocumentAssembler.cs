using Gongbao.Domain;

using Gongbao.Parsing.Recognition;
using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Documents;

/// <summary>Everything known about a document before its body is parsed.</summary>
public sealed record DocumentInput(
    string Id,
    int Ordinal,
    string TitleZh,
    string? TitleEn,
    DocumentNumber? Number,
    string? Section,
    int? Page,
    DocumentHeader Header,
    IReadOnlyList<SourceLine> HeaderLines,
    IReadOnlyList<SourceLine> Content);

/// <summary>
/// Turns a document's lines into a <see cref="GazetteDocument"/>: separates the notice from the instrument it
/// issues (signature before the instrument) or keeps one body (direct notice, signature at the end), builds
/// both provision trees, and reads issuers, signing date, kind and validity.
/// </summary>
public sealed class DocumentAssembler(DiagnosticBag diagnostics)
{
    public GazetteDocument Assemble(DocumentInput input)
    {
        var content = input.Content;
        // Only a document dated under its title signs without a date: elsewhere issuer lines stay text.
        var undated = input.Header.Date is not null;
        var signatures = SignatureRecognizer.FindAll(content, 0, content.Count, undated);
        var (instrumentStart, instrumentEnd) = FindInstrument(input.TitleZh, input.Number?.Form == DocumentNumberForm.Order, content, signatures);
        var noticeLines = instrumentStart < 0 ? content : content.Take(instrumentStart).Concat(content.Skip(instrumentEnd)).ToList();

        var counter = new ArticleCounter();
        var notice = new ProvisionTreeBuilder(input.Id, diagnostics, counter, undated).Build(input.Id, ProvisionKind.Document, noticeLines);

        var firstSignature = notice.Signatures.Count > 0 ? notice.Signatures[0] : null;
        var issuers = firstSignature is { Issuers.Count: > 0 } ? firstSignature.Issuers
            : input.Header.Issuers.Count > 0 ? input.Header.Issuers
            : input.Number is { Form: DocumentNumberForm.Order } order ? [order.IssuerCode[..^1]]
            : IssuerRecognizer.FromTitle(input.TitleZh);
        // A document without a signature block (joint party–government documents) is dated by the line in parentheses under its title.
        var signedOn = firstSignature?.Date ?? input.Header.Date;

        var instruments = new List<GazetteDocument>();
        if (instrumentStart >= 0)
        {
            instruments.Add(AssembleInstrument(input, content.Skip(instrumentStart).Take(instrumentEnd - instrumentStart).ToList(), counter, issuers, signedOn));
        }

        var noticeText = string.Join("\n", input.HeaderLines.Select(l => l.Text).Concat(notice.Lines.Select(l => l.Text)));
        var validity = ValidityRecognizer.Find(noticeText, signedOn);
        if (validity.From is null && validity.Until is null && instruments.Count > 0)
        {
            var inst = instruments[0];
            validity = new Validity(inst.EffectiveFrom, inst.EffectiveUntil, inst.ValidityText);
        }

        var allLines = input.HeaderLines.Concat(content).ToList();
        return new GazetteDocument
        {
            Id = input.Id,
            Ordinal = input.Ordinal,
            TitleZh = input.TitleZh,
            TitleEn = input.TitleEn,
            Kind = DocumentKindClassifier.Classify(input.TitleZh),
            Issuers = issuers,
            Number = input.Number,
            Addressees = input.Header.Addressees,
            SignedOn = signedOn,
            EffectiveFrom = validity.From,
            EffectiveUntil = validity.Until,
            ValidityText = validity.Text,
            Section = input.Section,
            Page = input.Page,
            Body = notice.Root,
            Instruments = instruments,
            Attachments = notice.Attachments,
            Span = allLines.Count > 0 ? new SourceSpan(allLines[0].Span.StartLine, allLines[^1].Span.EndLine) : default,
            Text = noticeText,
        };
    }

    private GazetteDocument AssembleInstrument(DocumentInput input, List<SourceLine> lines, ArticleCounter counter, IReadOnlyList<string> issuers, DateOnly? signedOn)
    {
        var id = $"{input.Id}/inst-1";
        var k = 0;
        var titleParts = new List<string>();
        while (k < lines.Count && titleParts.Count < 5 && TitleMatcher.IsTitleLike(lines[k].Text) && TextFold.Fold(lines[k].Text) != "目录"
               && !IsNote(lines[k].Text) && AttachmentRecognizer.AnnexNumber(lines[k].Text) is null)
        {
            titleParts.Add(lines[k].Text);
            k++;
        }

        k = SkipInstrumentContents(lines, k);
        var title = titleParts.Count > 0 ? ContentsParser.CleanChineseTitle(string.Concat(titleParts)) : InstrumentName(input.TitleZh) ?? input.TitleZh;
        var tree = new ProvisionTreeBuilder(input.Id, diagnostics, counter, input.Header.Date is not null).Build(id, ProvisionKind.Instrument, lines.Skip(k).ToList(), title);
        var ownSignature = tree.Signatures.Count > 0 ? tree.Signatures[^1] : null;
        var signed = ownSignature?.Date ?? signedOn;
        var text = string.Join("\n", lines.Take(k).Concat(tree.Lines).Select(l => l.Text));
        var validity = ValidityRecognizer.Find(text, signed);
        return new GazetteDocument
        {
            Id = id,
            Ordinal = 1,
            TitleZh = title,
            Kind = DocumentKindClassifier.Classify(title),
            Issuers = ownSignature is { Issuers.Count: > 0 } ? ownSignature.Issuers : issuers,
            SignedOn = signed,
            EffectiveFrom = validity.From,
            EffectiveUntil = validity.Until,
            ValidityText = validity.Text,
            Section = input.Section,
            Page = input.Page,
            Body = tree.Root,
            Attachments = tree.Attachments,
            Span = lines.Count > 0 ? new SourceSpan(lines[0].Span.StartLine, lines[^1].Span.EndLine) : default,
            Text = text,
        };
    }

    /// <summary>
    /// Lines [start, end) of the instrument a notice issues or forwards, or (-1, -1). Usually the notice prints
    /// its signature first and the instrument follows; otherwise the instrument sits between the notice text
    /// and the closing signature, starting at a title line that names it.
    /// </summary>
    private static (int Start, int End) FindInstrument(string title, bool order, IReadOnlyList<SourceLine> content, IReadOnlyList<SignatureBlock> signatures)
    {
        // An order promulgates the 规定/办法 printed after its signature, as a notice issues one.
        if (!order && !DocumentKindClassifier.IsIssuing(title))
        {
            return (-1, -1);
        }

        if (signatures.Count == 0)
        {
            // No signature (a notice dated under its title): the instrument starts at a title line naming it.
            return order ? (-1, -1) : FindInstrumentTitle(title, content, content.Count);
        }

        var k = signatures[0].Date is null ? UndatedSignatureEnd(title, content, signatures[0]) : signatures[0].End;
        while (k < content.Count && IsNote(content[k].Text))
        {
            k++;
        }

        if (k < content.Count && AttachmentRecognizer.AnnexNumber(content[k].Text) is null && content.Count - k >= 2)
        {
            return (k, content.Count);
        }

        // Signature at the end: look for the instrument's own title before it.
        return order ? (-1, -1) : FindInstrumentTitle(title, content, signatures[0].Start);
    }

    /// <summary>
    /// Where an undated signature ends: without a date line, the issuer line heading the instrument (市委宣传部、市司法局 /
    /// 关于…规划) runs on from the notice's signature. The signature ends once it has named every issuer of the notice's
    /// title; the lines after it head the instrument.
    /// </summary>
    private static int UndatedSignatureEnd(string title, IReadOnlyList<SourceLine> content, SignatureBlock signature)
    {
        var expected = IssuerRecognizer.FromTitle(title).Select(TextFold.Fold).ToHashSet();
        if (expected.Count == 0)
        {
            return signature.End;
        }

        var signed = new HashSet<string>();
        for (var i = signature.Start; i <= signature.Last; i++)
        {
            signed.UnionWith(IssuerRecognizer.SplitIssuers(content[i].Text).Select(TextFold.Fold));
        }

        if (!signed.Overlaps(expected))
        {
            // None of the notice's issuers: no signature (dropped with the date) but the instrument's issuer line.
            return signature.Start;
        }

        signed.Clear();
        for (var i = signature.Start; i < signature.Last; i++)
        {
            signed.UnionWith(IssuerRecognizer.SplitIssuers(content[i].Text).Select(TextFold.Fold));
            if (expected.IsSubsetOf(signed))
            {
                return i + 1;
            }
        }

        return signature.End;
    }

    /// <summary>Lines [i, end) when line i (not the first) is a title line naming the instrument of <paramref name="title"/>.</summary>
    private static (int Start, int End) FindInstrumentTitle(string title, IReadOnlyList<SourceLine> content, int end)
    {
        if (InstrumentName(title) is not { Length: >= 4 } name)
        {
            return (-1, -1);
        }

        var matcher = new TitleMatcher(name);
        for (var i = 1; i < end - 1; i++)
        {
            var text = content[i].Text;
            if (!TitleMatcher.IsTitleLike(text) || matcher.Containment(text) < 0.8)
            {
                continue;
            }

            // The title may wrap (北京市…开发目录 / (2024年版)).
            var wrapped = new List<string> { text };
            for (var j = i + 1; j < end - 1 && wrapped.Count < 3 && matcher.Coverage(wrapped) < 0.7 && TitleMatcher.IsTitleLike(content[j].Text); j++)
            {
                wrapped.Add(content[j].Text);
            }

            if (matcher.Coverage(wrapped) >= 0.7)
            {
                return (i, end);
            }
        }

        return (-1, -1);
    }

    private static bool IsNote(string text) => AttachmentRecognizer.IsNote(text);

    /// <summary>An instrument's own contents list (目录 + chapter headings) is skipped: the chapters follow in full.</summary>
    private static int SkipInstrumentContents(List<SourceLine> lines, int k)
    {
        if (k >= lines.Count || TextFold.Fold(lines[k].Text) != "目录")
        {
            return k;
        }

        var j = k + 1;
        string? firstLabel = null;
        while (j < lines.Count && NumberingRecognizer.Recognize(lines[j].Text) is { Kind: ProvisionKind.Chapter or ProvisionKind.Part or ProvisionKind.Section } unit)
        {
            if (firstLabel is null)
            {
                firstLabel = unit.Label;
            }
            else if (unit.Label == firstLabel)
            {
                break;
            }

            j++;
        }

        return j;
    }

    /// <summary>The instrument named in a title: 《…》, or the words between 印发 and 的通知.</summary>
    public static string? InstrumentName(string title)
    {
        var open = title.LastIndexOf('《');
        var close = title.LastIndexOf('》');
        if (open >= 0 && close > open)
        {
            return title[(open + 1)..close];
        }

        var i = title.IndexOf("印发", StringComparison.Ordinal);
        var j = title.LastIndexOf("的通知", StringComparison.Ordinal);
        return i >= 0 && j > i + 2 ? title[(i + 2)..j] : null;
    }
}
