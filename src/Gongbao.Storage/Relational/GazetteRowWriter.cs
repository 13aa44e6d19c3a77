using System.Data.Common;
using System.Globalization;

using Gongbao.Domain;

namespace Gongbao.Storage.Relational;

/// <summary>
/// Writes one parsed source as rows inside the caller's transaction: the source, its diagnostics and
/// contents, then each document (instruments nested via <c>parent_seq</c>) with its provision tree and
/// attachments. Sequence numbers are assigned depth-first so reading rows back in <c>seq</c> order
/// rebuilds the model exactly.
/// </summary>
public sealed class GazetteRowWriter : IDisposable
{
    private readonly PreparedInsert _documents;
    private readonly PreparedInsert _provisions;
    private readonly PreparedInsert _attachments;
    private readonly RowBatch _rows;
    private readonly Action<int>? _provisionWritten;
    private int _documentSeq;
    private int _provisionSeq;

    public GazetteRowWriter(DbConnection connection, DbTransaction transaction, Action<int>? provisionWritten = null)
    {
        _rows = new RowBatch(connection, transaction);
        _provisionWritten = provisionWritten;
        _documents = new PreparedInsert(_rows, "documents",
            "source_id", "seq", "parent_seq", "top_seq", "id", "ordinal", "title_zh", "title_en", "kind", "issuers",
            "number_issuer", "number_year", "number_serial", "number_printed", "number_canonical", "addressees",
            "signed_on", "effective_from", "effective_until", "validity_text", "section", "page", "span_start", "span_end", "text");
        _provisions = new PreparedInsert(_rows, "provisions",
            "source_id", "seq", "document_seq", "top_seq", "parent_seq", "id", "document_id", "kind", "ordinal", "label", "number",
            "heading", "text", "span_start", "span_end", "cells");
        _attachments = new PreparedInsert(_rows, "attachments",
            "source_id", "document_seq", "seq", "top_seq", "id", "ordinal", "label", "title", "omitted", "provision_id", "span_start", "span_end");
    }

    public int ProvisionCount => _provisionSeq;

    public void Write(GazetteIssue issue)
    {
        using (var source = new PreparedInsert(_rows, "sources",
            "id", "kind", "gazette_title", "year", "number", "cumulative_number", "publication_date", "sponsor", "sponsor_en",
            "source_file", "sha256", "ingested_at"))
        {
            source.Execute(issue.Id, issue.Kind.ToString(), issue.GazetteTitle, issue.Year, issue.Number, issue.CumulativeNumber,
                RowValues.Date(issue.PublicationDate), issue.Sponsor, issue.SponsorEn, issue.SourceFile, issue.SourceSha256,
                DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        }

        using (var diagnostics = new PreparedInsert(_rows, "diagnostics",
            "source_id", "seq", "code", "severity", "message", "file", "line"))
        {
            var seq = 0;
            foreach (var d in issue.Diagnostics)
            {
                diagnostics.Execute(issue.Id, ++seq, d.Code, d.Severity.ToString(), d.Message, d.File, d.Line);
            }
        }

        using (var toc = new PreparedInsert(_rows, "toc_entries",
            "source_id", "seq", "ordinal", "section_zh", "section_en", "title_zh", "title_en", "number_issuer", "number_year",
            "number_serial", "number_printed", "number_canonical", "number_en", "page", "span_start", "span_end", "span_en_start", "span_en_end"))
        {
            var seq = 0;
            foreach (var e in issue.Contents)
            {
                toc.Execute(issue.Id, ++seq, e.Ordinal, e.SectionZh, e.SectionEn, e.TitleZh, e.TitleEn, e.Number?.IssuerCode, e.Number?.Year,
                    e.Number?.Serial, e.Number?.Printed, e.Number?.Canonical, e.NumberEn, e.Page, e.Span.StartLine, e.Span.EndLine,
                    e.SpanEn?.StartLine, e.SpanEn?.EndLine);
            }
        }

        foreach (var document in issue.Documents)
        {
            WriteDocument(issue.Id, document, parentSeq: null, topSeq: null);
        }

        _rows.Flush();
    }

    private void WriteDocument(string sourceId, GazetteDocument d, int? parentSeq, int? topSeq)
    {
        var seq = ++_documentSeq;
        var top = topSeq ?? seq;
        _documents.Execute(sourceId, seq, parentSeq, top, d.Id, d.Ordinal, d.TitleZh, d.TitleEn, d.Kind.ToString(),
            RowValues.JsonList(d.Issuers), d.Number?.IssuerCode, d.Number?.Year, d.Number?.Serial, d.Number?.Printed,
            d.Number?.Canonical, RowValues.JsonList(d.Addressees), RowValues.Date(d.SignedOn), RowValues.Date(d.EffectiveFrom),
            RowValues.Date(d.EffectiveUntil), d.ValidityText, d.Section, d.Page, d.Span.StartLine, d.Span.EndLine, d.Text);

        WriteProvision(sourceId, d.Id, seq, top, d.Body, parentSeq: null);

        var attachmentSeq = 0;
        foreach (var a in d.Attachments)
        {
            _attachments.Execute(sourceId, seq, ++attachmentSeq, top, a.Id, a.Ordinal, a.Label, a.Title, a.Omitted ? 1 : 0,
                a.ProvisionId, a.Span.StartLine, a.Span.EndLine);
        }

        foreach (var instrument in d.Instruments)
        {
            WriteDocument(sourceId, instrument, seq, top);
        }
    }

    // Iterative depth-first walk: provision trees can be deep and wide, recursion buys nothing here.
    private void WriteProvision(string sourceId, string documentId, int documentSeq, int topSeq, Provision root, int? parentSeq)
    {
        var stack = new Stack<(Provision Node, int? Parent)>();
        stack.Push((root, parentSeq));
        while (stack.Count > 0)
        {
            var (p, parent) = stack.Pop();
            var seq = ++_provisionSeq;
            _provisions.Execute(sourceId, seq, documentSeq, topSeq, parent, p.Id, documentId, p.Kind.ToString(), p.Ordinal, p.Label,
                p.Number, p.Heading, p.Text, p.Span.StartLine, p.Span.EndLine, RowValues.JsonCells(p.Cells));
            _provisionWritten?.Invoke(_provisionSeq);
            for (var i = p.Children.Count - 1; i >= 0; i--)
            {
                stack.Push((p.Children[i], seq));
            }
        }
    }

    public void Dispose()
    {
        _documents.Dispose();
        _provisions.Dispose();
        _attachments.Dispose();
        _rows.Dispose();
    }
}
