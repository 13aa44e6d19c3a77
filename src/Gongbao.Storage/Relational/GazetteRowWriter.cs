using System.Data.Common;
using System.Globalization;

using Gongbao.Domain;

namespace Gongbao.Storage.Relational;

/// <summary>
/// Writes one parsed source as rows inside the caller's transaction: the source, its diagnostics and
/// contents, then each document (instruments nested via <c>parent_seq</c>) with its attachments, and per
/// top-level document one compressed body holding the texts and provision trees of it and its instruments
/// (<see cref="DocumentBodyCodec"/>). Sequence numbers are assigned depth-first so reading back in
/// <c>seq</c> order rebuilds the model exactly.
/// </summary>
public sealed class GazetteRowWriter : IDisposable
{
    private readonly PreparedInsert _documents;
    private readonly PreparedInsert _bodies;
    private readonly PreparedInsert _provisionIds;
    private readonly PreparedInsert _attachments;
    private readonly RowBatch _rows;
    private readonly Action<int>? _provisionWritten;
    private int _documentSeq;
    private int _provisionSeq;

    public GazetteRowWriter(DbConnection connection, DbTransaction? transaction, Action<int>? provisionWritten = null)
    {
        _rows = new RowBatch(connection, transaction);
        _provisionWritten = provisionWritten;
        _documents = new PreparedInsert(_rows, "documents",
            "source_id", "seq", "parent_seq", "top_seq", "id", "ordinal", "title_zh", "title_en", "kind", "issuers",
            "number_issuer", "number_year", "number_serial", "number_printed", "number_canonical", "addressees",
            "signed_on", "effective_from", "effective_until", "validity_text", "section", "page", "span_start", "span_end");
        _bodies = new PreparedInsert(_rows, "document_bodies", "source_id", "top_seq", "provisions", "body");
        _provisionIds = new PreparedInsert(_rows, "provision_ids", "source_id", "seq", "top_seq", "id");
        _attachments = new PreparedInsert(_rows, "attachments",
            "source_id", "document_seq", "seq", "top_seq", "id", "ordinal", "label", "title", "omitted", "provision_id", "span_start", "span_end");
    }

    public int ProvisionCount => _provisionSeq;

    /// <summary>
    /// The source row, its diagnostics and its contents entries: the same tables in every schema version, so the
    /// schema-3 writer (<see cref="Schema3Rows"/>) writes them through here too.
    /// </summary>
    internal static void WriteSourceRows(RowBatch rows, GazetteIssue issue, string ingestedAt)
    {
        using (var source = new PreparedInsert(rows, "sources",
            "id", "kind", "gazette_title", "year", "number", "cumulative_number", "publication_date", "sponsor", "sponsor_en",
            "source_file", "sha256", "ingested_at"))
        {
            source.Execute(issue.Id, issue.Kind.ToString(), issue.GazetteTitle, issue.Year, issue.Number, issue.CumulativeNumber,
                RowValues.Date(issue.PublicationDate), issue.Sponsor, issue.SponsorEn, issue.SourceFile, issue.SourceSha256, ingestedAt);
        }

        using (var diagnostics = new PreparedInsert(rows, "diagnostics",
            "source_id", "seq", "code", "severity", "message", "file", "line"))
        {
            var seq = 0;
            foreach (var d in issue.Diagnostics)
            {
                diagnostics.Execute(issue.Id, ++seq, d.Code, d.Severity.ToString(), d.Message, d.File, d.Line);
            }
        }

        using var toc = new PreparedInsert(rows, "toc_entries",
            "source_id", "seq", "ordinal", "section_zh", "section_en", "title_zh", "title_en", "number_issuer", "number_year",
            "number_serial", "number_printed", "number_canonical", "number_en", "page", "span_start", "span_end", "span_en_start", "span_en_end");
        var entry = 0;
        foreach (var e in issue.Contents)
        {
            toc.Execute(issue.Id, ++entry, e.Ordinal, e.SectionZh, e.SectionEn, e.TitleZh, e.TitleEn, e.Number?.IssuerCode, e.Number?.Year,
                e.Number?.Serial, e.Number?.Printed, e.Number?.Canonical, e.NumberEn, e.Page, e.Span.StartLine, e.Span.EndLine,
                e.SpanEn?.StartLine, e.SpanEn?.EndLine);
        }
    }

    public void Write(GazetteIssue issue) => Write(issue, bodies: null);

    /// <summary>
    /// Writes the issue's rows; <paramref name="bodies"/> (from <see cref="EncodeBodies"/> of the same issue) are the
    /// top-level documents' bodies already compressed, null to compress them here.
    /// </summary>
    public void Write(GazetteIssue issue, IReadOnlyList<byte[]>? bodies)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (bodies is not null && bodies.Count != issue.Documents.Count)
        {
            throw new ArgumentException($"{bodies.Count} encoded bodies for the {issue.Documents.Count} documents of '{issue.Id}'.", nameof(bodies));
        }

        WriteSourceRows(_rows, issue, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));

        for (var i = 0; i < issue.Documents.Count; i++)
        {
            var document = issue.Documents[i];
            var body = bodies is null ? new DocumentBodyCodec.Writer() : null;
            var top = _documentSeq + 1;
            var provisionsBefore = _provisionSeq;
            WriteDocument(issue.Id, document, parentSeq: null, top, document.Id, body);
            _bodies.Execute(issue.Id, top, _provisionSeq - provisionsBefore, bodies?[i] ?? body!.ToBody());
        }

        _rows.Flush();
    }

    /// <summary>
    /// The compressed body of each top-level document of <paramref name="issue"/>, exactly as <see cref="Write(GazetteIssue)"/>
    /// writes them (the same sequence numbers, depth first): computable before the transaction, from the issue alone.
    /// </summary>
    public static IReadOnlyList<byte[]> EncodeBodies(GazetteIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var bodies = new List<byte[]>(issue.Documents.Count);
        var seq = 0;
        foreach (var document in issue.Documents)
        {
            var body = new DocumentBodyCodec.Writer();
            AddToBody(body, document, ref seq);
            bodies.Add(body.ToBody());
        }

        return bodies;
    }

    // The order of WriteDocument: the document, then each instrument with its own instruments.
    private static void AddToBody(DocumentBodyCodec.Writer body, GazetteDocument d, ref int seq)
    {
        body.Add(++seq, d);
        foreach (var instrument in d.Instruments)
        {
            AddToBody(body, instrument, ref seq);
        }
    }

    private void WriteDocument(string sourceId, GazetteDocument d, int? parentSeq, int top, string topId, DocumentBodyCodec.Writer? body)
    {
        var seq = ++_documentSeq;
        _documents.Execute(sourceId, seq, parentSeq, top, d.Id, d.Ordinal, d.TitleZh, d.TitleEn, d.Kind.ToString(),
            RowValues.JsonList(d.Issuers), d.Number?.IssuerCode, d.Number?.Year, d.Number?.Serial, d.Number?.Printed,
            d.Number?.Canonical, RowValues.JsonList(d.Addressees), RowValues.Date(d.SignedOn), RowValues.Date(d.EffectiveFrom),
            RowValues.Date(d.EffectiveUntil), d.ValidityText, d.Section, d.Page, d.Span.StartLine, d.Span.EndLine);

        void ProvisionWritten(Provision p)
        {
            var provisionSeq = ++_provisionSeq;
            if (!ProvisionLookup.UnderDocument(p.Id, topId))
            {
                _provisionIds.Execute(sourceId, provisionSeq, top, p.Id);
            }

            _provisionWritten?.Invoke(provisionSeq);
        }

        if (body is not null)
        {
            body.Add(seq, d, ProvisionWritten);
        }
        else
        {
            // Encoded already: the same provisions in the same order as the body holds them.
            foreach (var (p, _) in DocumentBodyCodec.Writer.DepthFirst(d))
            {
                ProvisionWritten(p);
            }
        }

        var attachmentSeq = 0;
        foreach (var a in d.Attachments)
        {
            _attachments.Execute(sourceId, seq, ++attachmentSeq, top, a.Id, a.Ordinal, a.Label, a.Title, a.Omitted ? 1 : 0,
                a.ProvisionId, a.Span.StartLine, a.Span.EndLine);
        }

        foreach (var instrument in d.Instruments)
        {
            WriteDocument(sourceId, instrument, seq, top, topId, body);
        }
    }

    public void Dispose()
    {
        _documents.Dispose();
        _bodies.Dispose();
        _provisionIds.Dispose();
        _attachments.Dispose();
        _rows.Dispose();
    }
}
