using System.Data.Common;

using Gongbao.Domain;

namespace Gongbao.Storage.Relational;

/// <summary>
/// Rebuilds the model from rows written by <see cref="GazetteRowWriter"/>: whole sources, or one
/// top-level document group (a document with its instruments), provision trees from its stored body.
/// </summary>
public static class GazetteRowReader
{
    /// <summary>Documents (top-level first, then nested instruments) and provisions of one assembled group, by seq.</summary>
    public sealed class DocumentGroup
    {
        public Dictionary<int, GazetteDocument> Documents { get; } = [];

        /// <summary>Every provision of the group with its document's seq, in depth-first (seq) order.</summary>
        public List<(Provision Provision, int DocumentSeq)> Provisions { get; } = [];

        public List<GazetteDocument> TopLevel { get; } = [];
    }

    private sealed record DocumentRow(int Seq, int? ParentSeq, GazetteDocument Document);

    // Stands in for a document's provision tree between reading its row and reading its body.
    private static readonly Provision Placeholder = new() { Id = "", Kind = ProvisionKind.Document };

    public static GazetteIssue? ReadIssue(DbConnection connection, string issueId)
    {
        GazetteIssue? header = null;
        using (var cmd = Command(connection, "SELECT * FROM sources WHERE id = @id", ("@id", issueId)))
        using (var r = new RowReader(cmd.ExecuteReader()))
        {
            if (r.Read())
            {
                header = new GazetteIssue
                {
                    Id = r.Str("id"),
                    Kind = RowValues.Enum<SourceKind>(r.Str("kind")),
                    GazetteTitle = r.NStr("gazette_title"),
                    Year = r.NInt("year"),
                    Number = r.NInt("number"),
                    CumulativeNumber = r.NInt("cumulative_number"),
                    PublicationDate = RowValues.Date(r.NStr("publication_date")),
                    Sponsor = r.NStr("sponsor"),
                    SponsorEn = r.NStr("sponsor_en"),
                    SourceFile = r.Str("source_file"),
                    SourceSha256 = r.Str("sha256"),
                };
            }
        }

        if (header is null)
        {
            return null;
        }

        var diagnostics = new List<ParseDiagnostic>();
        using (var cmd = Command(connection, "SELECT * FROM diagnostics WHERE source_id = @id ORDER BY seq", ("@id", issueId)))
        using (var r = new RowReader(cmd.ExecuteReader()))
        {
            while (r.Read())
            {
                diagnostics.Add(new ParseDiagnostic(r.Str("code"), RowValues.Enum<DiagnosticSeverity>(r.Str("severity")),
                    r.Str("message"), r.Str("file"), r.Int("line")));
            }
        }

        var contents = new List<TocEntry>();
        using (var cmd = Command(connection, "SELECT * FROM toc_entries WHERE source_id = @id ORDER BY seq", ("@id", issueId)))
        using (var r = new RowReader(cmd.ExecuteReader()))
        {
            while (r.Read())
            {
                var enStart = r.NInt("span_en_start");
                var enEnd = r.NInt("span_en_end");
                contents.Add(new TocEntry
                {
                    Ordinal = r.Int("ordinal"),
                    SectionZh = r.Str("section_zh"),
                    SectionEn = r.NStr("section_en"),
                    TitleZh = r.Str("title_zh"),
                    TitleEn = r.NStr("title_en"),
                    Number = RowValues.Number(r.NStr("number_issuer"), r.NInt("number_year"), r.NInt("number_serial"), r.NStr("number_printed")),
                    NumberEn = r.NStr("number_en"),
                    Page = r.NInt("page"),
                    Span = new SourceSpan(r.Int("span_start"), r.Int("span_end")),
                    SpanEn = enStart is null || enEnd is null ? null : new SourceSpan(enStart.Value, enEnd.Value),
                });
            }
        }

        var group = ReadGroup(connection, issueId, topSeq: null);
        return new GazetteIssue
        {
            Id = header.Id,
            Kind = header.Kind,
            GazetteTitle = header.GazetteTitle,
            Year = header.Year,
            Number = header.Number,
            CumulativeNumber = header.CumulativeNumber,
            PublicationDate = header.PublicationDate,
            Sponsor = header.Sponsor,
            SponsorEn = header.SponsorEn,
            SourceFile = header.SourceFile,
            SourceSha256 = header.SourceSha256,
            Contents = contents,
            Documents = group.TopLevel,
            Diagnostics = diagnostics,
        };
    }

    /// <summary>Reads the documents of a source; with <paramref name="topSeq"/>, only that top-level document and its instruments.</summary>
    public static DocumentGroup ReadGroup(DbConnection connection, string sourceId, int? topSeq, DbTransaction? transaction = null)
    {
        var filter = topSeq is null ? "source_id = @source" : "source_id = @source AND top_seq = @top";
        (string, object?)[] args = [("@source", sourceId), ("@top", topSeq)];
        var group = new DocumentGroup();

        var attachments = new Dictionary<int, List<Attachment>>();
        using (var cmd = Command(connection, transaction, $"SELECT * FROM attachments WHERE {filter} ORDER BY document_seq, seq", args))
        using (var r = new RowReader(cmd.ExecuteReader()))
        {
            while (r.Read())
            {
                var documentSeq = r.Int("document_seq");
                if (!attachments.TryGetValue(documentSeq, out var list))
                {
                    attachments[documentSeq] = list = [];
                }

                list.Add(new Attachment
                {
                    Id = r.Str("id"),
                    Ordinal = r.Int("ordinal"),
                    Label = r.NStr("label"),
                    Title = r.Str("title"),
                    Omitted = r.Bool("omitted"),
                    ProvisionId = r.NStr("provision_id"),
                    Span = new SourceSpan(r.Int("span_start"), r.Int("span_end")),
                });
            }
        }

        var rows = new List<DocumentRow>();
        using (var cmd = Command(connection, transaction, $"SELECT * FROM documents WHERE {filter} ORDER BY seq", args))
        using (var r = new RowReader(cmd.ExecuteReader()))
        {
            while (r.Read())
            {
                rows.Add(new DocumentRow(r.Int("seq"), r.NInt("parent_seq"), new GazetteDocument
                {
                    Id = r.Str("id"),
                    Ordinal = r.Int("ordinal"),
                    TitleZh = r.Str("title_zh"),
                    TitleEn = r.NStr("title_en"),
                    Kind = RowValues.Enum<DocumentKind>(r.Str("kind")),
                    Issuers = RowValues.JsonList(r.Str("issuers")),
                    Number = RowValues.Number(r.NStr("number_issuer"), r.NInt("number_year"), r.NInt("number_serial"), r.NStr("number_printed")),
                    Addressees = RowValues.JsonList(r.Str("addressees")),
                    SignedOn = RowValues.Date(r.NStr("signed_on")),
                    EffectiveFrom = RowValues.Date(r.NStr("effective_from")),
                    EffectiveUntil = RowValues.Date(r.NStr("effective_until")),
                    ValidityText = r.NStr("validity_text"),
                    Section = r.NStr("section"),
                    Page = r.NInt("page"),
                    Span = new SourceSpan(r.Int("span_start"), r.Int("span_end")),
                    Body = Placeholder,
                }));
            }
        }

        var bySeq = rows.ToDictionary(x => x.Seq);
        var bodies = new Dictionary<int, DocumentBodyCodec.Document>();
        using (var cmd = Command(connection, transaction, $"SELECT top_seq, body FROM document_bodies WHERE {filter} ORDER BY top_seq", args))
        using (var r = new RowReader(cmd.ExecuteReader()))
        {
            while (r.Read())
            {
                IReadOnlyList<DocumentBodyCodec.Document> decoded;
                try
                {
                    decoded = DocumentBodyCodec.Read(r.Bytes("body"), seq => bySeq.TryGetValue(seq, out var row)
                        ? row.Document.Id
                        : throw new InvalidDataException($"it names document seq {seq}, which is not stored"));
                }
                catch (InvalidDataException ex)
                {
                    // Never a guessed text: the reader is told which source to ingest again.
                    throw new StoreDamagedException(
                        $"the stored body of document group {r.Int("top_seq")} of source '{sourceId}' is damaged ({ex.Message}); " +
                        "ingest that source again with --force to rewrite it");
                }

                foreach (var d in decoded)
                {
                    bodies.Add(d.Seq, d);
                }
            }
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!bodies.TryGetValue(row.Seq, out var body))
            {
                throw new InvalidDataException($"document {row.Document.Id} in {sourceId} has no provision tree");
            }

            rows[i] = row with
            {
                Document = row.Document with
                {
                    Text = body.Text,
                    Body = body.Body,
                    Attachments = attachments.TryGetValue(row.Seq, out var a) ? a : [],
                },
            };
            group.Provisions.AddRange(body.Provisions.Select(p => (p, row.Seq)));
        }

        // Instruments must exist before their parent (init-only list): build children first, deepest seq last in rows.
        var instrumentsOf = rows.Where(x => x.ParentSeq is not null).GroupBy(x => x.ParentSeq!.Value)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Seq).ToList());
        for (var i = rows.Count - 1; i >= 0; i--)
        {
            var row = rows[i];
            group.Documents[row.Seq] = instrumentsOf.TryGetValue(row.Seq, out var kids)
                ? row.Document with { Instruments = kids.Select(k => group.Documents[k]).ToList() }
                : row.Document;
        }

        group.TopLevel.AddRange(rows.Where(x => x.ParentSeq is null).Select(x => group.Documents[x.Seq]));
        return group;
    }

    internal static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        Command(connection, null, sql, parameters);

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                SqlParameters.Add(cmd, name, value);
            }
        }

        return cmd;
    }
}
