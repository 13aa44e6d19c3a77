using System.Data.Common;
using System.Globalization;

using Gongbao.Domain;

namespace Gongbao.Storage.Relational;

/// <summary>
/// The row layout of schema versions 1–3: a <c>provisions</c> row per provision, each document's text in
/// <c>documents.text</c>, each source version's text uncompressed in <c>source_versions.text</c>.
/// Migration 4 reads it (<see cref="MigrateToCompactLayout"/>); the writers exist so tests can build a
/// store exactly as those versions wrote it and prove the migration keeps everything.
/// </summary>
public static class Schema3Rows
{
    /// <summary>Migration 4's data step: document bodies and provision IDs from the old rows, source versions compressed.</summary>
    public static void MigrateToCompactLayout(DbConnection connection, DbTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(connection);
        foreach (var source in Strings(connection, transaction, "SELECT id FROM sources ORDER BY id"))
        {
            MigrateSource(connection, transaction, source);
        }

        var versions = new List<(string Source, int Version)>();
        using (var cmd = GazetteRowReader.Command(connection, transaction, "SELECT source_id, version FROM source_versions ORDER BY source_id, version"))
        using (var r = new RowReader(cmd.ExecuteReader()))
        {
            while (r.Read())
            {
                versions.Add((r.Str("source_id"), r.Int("version")));
            }
        }

        // One version at a time: a long history never has to fit in memory.
        foreach (var (source, version) in versions)
        {
            using var copy = GazetteRowReader.Command(connection, transaction, """
                SELECT source_id, version, sha256, source_file, ingested_at, documents, text_length, text
                FROM source_versions WHERE source_id = @source AND version = @version
                """, ("@source", source), ("@version", version));
            object?[] row;
            string text;
            using (var r = copy.ExecuteReader())
            {
                r.Read();
                row = Enumerable.Range(0, 7).Select(i => r.IsDBNull(i) ? null : r.GetValue(i)).ToArray();
                text = r.GetString(7);
            }

            using var insert = GazetteRowReader.Command(connection, transaction, """
                INSERT INTO source_versions_compressed (source_id, version, sha256, source_file, ingested_at, documents, text_length, compressed_text)
                VALUES (@source, @version, @sha, @file, @at, @documents, @length, @text)
                """, ("@source", row[0]), ("@version", row[1]), ("@sha", row[2]), ("@file", row[3]), ("@at", row[4]), ("@documents", row[5]),
                ("@length", row[6]), ("@text", StoredBlob.CompressText(text)));
            insert.ExecuteNonQuery();
        }
    }

    private static void MigrateSource(DbConnection connection, DbTransaction transaction, string sourceId)
    {
        var documents = new List<(int Seq, int Top, string Id, string Text)>();
        using (var cmd = GazetteRowReader.Command(connection, transaction,
            "SELECT seq, top_seq, id, text FROM documents WHERE source_id = @source ORDER BY seq", ("@source", sourceId)))
        using (var r = new RowReader(cmd.ExecuteReader()))
        {
            while (r.Read())
            {
                documents.Add((r.Int("seq"), r.Int("top_seq"), r.Str("id"), r.Str("text")));
            }
        }

        var (roots, seqOf) = ReadProvisions(connection, transaction, sourceId);
        foreach (var group in documents.GroupBy(d => d.Top).OrderBy(g => g.Key))
        {
            var topId = documents.FirstOrDefault(d => d.Seq == group.Key).Id
                ?? throw new InvalidDataException($"document group {group.Key} in {sourceId} has no top-level document");
            var body = new DocumentBodyCodec.Writer();
            foreach (var d in group.OrderBy(d => d.Seq))
            {
                var root = roots.TryGetValue(d.Seq, out var p) ? p : throw new InvalidDataException($"document {d.Id} in {sourceId} has no provision tree");
                body.Add(d.Seq, new GazetteDocument { Id = d.Id, Ordinal = 0, TitleZh = "", Text = d.Text, Body = root }, provision =>
                {
                    if (!ProvisionLookup.UnderDocument(provision.Id, topId))
                    {
                        using var insert = GazetteRowReader.Command(connection, transaction,
                            "INSERT INTO provision_ids (source_id, seq, top_seq, id) VALUES (@source, @seq, @top, @id)",
                            ("@source", sourceId), ("@seq", seqOf[provision]), ("@top", group.Key), ("@id", provision.Id));
                        insert.ExecuteNonQuery();
                    }
                });
            }

            using var write = GazetteRowReader.Command(connection, transaction,
                "INSERT INTO document_bodies (source_id, top_seq, provisions, body) VALUES (@source, @top, @provisions, @body)",
                ("@source", sourceId), ("@top", group.Key), ("@provisions", body.Provisions), ("@body", body.ToBody()));
            write.ExecuteNonQuery();
        }
    }

    /// <summary>The provision trees of a source as schema 3 stored them, by document seq (as its reader assembled them).</summary>
    private static (Dictionary<int, Provision> Roots, Dictionary<Provision, int> SeqOf) ReadProvisions(DbConnection connection, DbTransaction transaction, string sourceId)
    {
        var roots = new Dictionary<int, Provision>();
        var bySeq = new Dictionary<int, Provision>();
        var seqOf = new Dictionary<Provision, int>(ReferenceEqualityComparer.Instance);
        using var cmd = GazetteRowReader.Command(connection, transaction, "SELECT * FROM provisions WHERE source_id = @source ORDER BY seq", ("@source", sourceId));
        using var r = new RowReader(cmd.ExecuteReader());
        while (r.Read())
        {
            var p = new Provision
            {
                Id = r.Str("id"),
                Kind = RowValues.Enum<ProvisionKind>(r.Str("kind")),
                Ordinal = r.Int("ordinal"),
                Label = r.NStr("label"),
                Number = r.NInt("number"),
                Heading = r.NStr("heading"),
                Text = r.Str("text"),
                Span = new SourceSpan(r.Int("span_start"), r.Int("span_end")),
                Cells = RowValues.JsonCells(r.NStr("cells")),
            };
            var seq = r.Int("seq");
            bySeq[seq] = p;
            seqOf[p] = seq;
            var parent = r.NInt("parent_seq");
            if (parent is null)
            {
                roots[r.Int("document_seq")] = p;
            }
            else
            {
                bySeq[parent.Value].Children.Add(p);
            }
        }

        return (roots, seqOf);
    }

    /// <summary>Writes <paramref name="issue"/> as schema versions 1–3 did (the tables of migration 1), in <paramref name="transaction"/>.</summary>
    public static void WriteIssue(DbConnection connection, DbTransaction transaction, GazetteIssue issue, string ingestedAt)
    {
        ArgumentNullException.ThrowIfNull(issue);
        using var rows = new RowBatch(connection, transaction);
        GazetteRowWriter.WriteSourceRows(rows, issue, ingestedAt);

        using var documents = new PreparedInsert(rows, "documents",
            "source_id", "seq", "parent_seq", "top_seq", "id", "ordinal", "title_zh", "title_en", "kind", "issuers",
            "number_issuer", "number_year", "number_serial", "number_printed", "number_canonical", "addressees",
            "signed_on", "effective_from", "effective_until", "validity_text", "section", "page", "span_start", "span_end", "text");
        using var provisions = new PreparedInsert(rows, "provisions",
            "source_id", "seq", "document_seq", "top_seq", "parent_seq", "id", "document_id", "kind", "ordinal", "label", "number",
            "heading", "text", "span_start", "span_end", "cells");
        using var attachments = new PreparedInsert(rows, "attachments",
            "source_id", "document_seq", "seq", "top_seq", "id", "ordinal", "label", "title", "omitted", "provision_id", "span_start", "span_end");
        var documentSeq = 0;
        var provisionSeq = 0;

        void WriteDocument(GazetteDocument d, int? parentSeq, int? topSeq)
        {
            var seq = ++documentSeq;
            var top = topSeq ?? seq;
            documents.Execute(issue.Id, seq, parentSeq, top, d.Id, d.Ordinal, d.TitleZh, d.TitleEn, d.Kind.ToString(),
                RowValues.JsonList(d.Issuers), d.Number?.IssuerCode, d.Number?.Year, d.Number?.Serial, d.Number?.Printed,
                d.Number?.Canonical, RowValues.JsonList(d.Addressees), RowValues.Date(d.SignedOn), RowValues.Date(d.EffectiveFrom),
                RowValues.Date(d.EffectiveUntil), d.ValidityText, d.Section, d.Page, d.Span.StartLine, d.Span.EndLine, d.Text);
            var stack = new Stack<(Provision Node, int? Parent)>();
            stack.Push((d.Body, null));
            while (stack.Count > 0)
            {
                var (p, parent) = stack.Pop();
                var pseq = ++provisionSeq;
                provisions.Execute(issue.Id, pseq, seq, top, parent, p.Id, d.Id, p.Kind.ToString(), p.Ordinal, p.Label,
                    p.Number, p.Heading, p.Text, p.Span.StartLine, p.Span.EndLine, RowValues.JsonCells(p.Cells));
                for (var i = p.Children.Count - 1; i >= 0; i--)
                {
                    stack.Push((p.Children[i], pseq));
                }
            }

            var attachmentSeq = 0;
            foreach (var a in d.Attachments)
            {
                attachments.Execute(issue.Id, seq, ++attachmentSeq, top, a.Id, a.Ordinal, a.Label, a.Title, a.Omitted ? 1 : 0,
                    a.ProvisionId, a.Span.StartLine, a.Span.EndLine);
            }

            foreach (var instrument in d.Instruments)
            {
                WriteDocument(instrument, seq, top);
            }
        }

        foreach (var document in issue.Documents)
        {
            WriteDocument(document, null, null);
        }

        rows.Flush();
    }

    /// <summary>Writes one version row as schema versions 2–3 did (text uncompressed).</summary>
    public static void WriteVersion(DbConnection connection, DbTransaction transaction, SourceVersion version, string text)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(text);
        using var cmd = GazetteRowReader.Command(connection, transaction, """
            INSERT INTO source_versions (source_id, version, sha256, source_file, ingested_at, documents, text_length, text)
            VALUES (@id, @version, @sha, @file, @at, @documents, @length, @text)
            """, ("@id", version.IssueId), ("@version", version.Version), ("@sha", version.Sha256), ("@file", version.SourceFile),
            ("@at", version.IngestedAt.ToString("O", CultureInfo.InvariantCulture)), ("@documents", version.Documents), ("@length", version.TextLength),
            ("@text", text));
        cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// Writes everything <paramref name="source"/> holds into <paramref name="target"/>, a database at schema 3, as
    /// schema 3 stored it: every source's rows, every version's text, relations and extraction records.
    /// </summary>
    public static void CopyStore(RelationalGazetteStore source, DbConnection target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        using var tx = target.BeginTransaction();
        foreach (var summary in source.ListIssues())
        {
            var issue = source.GetIssue(summary.Id) ?? throw new InvalidOperationException($"{summary.Id} disappeared while copying");
            WriteIssue(target, tx, issue, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            foreach (var version in source.Versions(summary.Id))
            {
                WriteVersion(target, tx, version, source.VersionText(summary.Id, version.Version) ?? "");
            }
        }

        foreach (var r in source.Relations())
        {
            using var insert = GazetteRowReader.Command(target, tx, """
                INSERT INTO relations (source_id, seq, kind, document_id, instrument_id, provision_id, article, effective_from, printed, title, number,
                    target_key, target_document_id, target_instrument_id, trigger_word)
                VALUES (@source, @seq, @kind, @document, @instrument, @provision, @article, @effective, @printed, @title, @number,
                    @key, @targetDocument, @targetInstrument, @trigger)
                """,
                ("@source", r.IssueId), ("@seq", r.Seq), ("@kind", r.Kind), ("@document", r.SourceDocumentId), ("@instrument", r.SourceInstrumentId),
                ("@provision", r.SourceProvisionId), ("@article", r.SourceArticle), ("@effective", RowValues.Date(r.SourceEffectiveFrom)),
                ("@printed", r.Printed), ("@title", r.Title), ("@number", r.Number), ("@key", r.TargetKey),
                ("@targetDocument", r.TargetDocumentId), ("@targetInstrument", r.TargetInstrumentId), ("@trigger", r.Trigger));
            insert.ExecuteNonQuery();
        }

        foreach (var (id, version, count) in source.RelationExtractions())
        {
            using var insert = GazetteRowReader.Command(target, tx,
                "INSERT INTO relation_extractions (source_id, extractor_version, relations) VALUES (@id, @version, @count)",
                ("@id", id), ("@version", version), ("@count", count));
            insert.ExecuteNonQuery();
        }

        tx.Commit();
    }

    private static List<string> Strings(DbConnection connection, DbTransaction transaction, string sql)
    {
        using var cmd = GazetteRowReader.Command(connection, transaction, sql);
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
        {
            list.Add(r.GetString(0));
        }

        return list;
    }
}
