using System.Data.Common;

namespace Gongbao.Storage.Relational;

/// <summary>Relations: written with the issue (or by a backfill), retargeted as other sources come and go.</summary>
public abstract partial class RelationalGazetteStore
{
    private const string RelationColumns = """
        source_id, seq, kind, document_id, instrument_id, provision_id, article, effective_from, printed, title, number,
        target_key, target_document_id, target_instrument_id, trigger_word
        """;

    public bool KeepsRelations => true;

    public IReadOnlyList<StoredRelation> Relations()
    {
        lock (_gate)
        {
            using var snapshot = BeginReadSnapshot();
            return ReadRelations($"SELECT {RelationColumns} FROM relations ORDER BY source_id, seq");
        }
    }

    public IReadOnlyList<StoredRelation> RelationsToResolve(string issueId)
    {
        lock (_gate)
        {
            using var snapshot = BeginReadSnapshot();
            return ReadRelations($"""
                SELECT {RelationColumns} FROM relations
                WHERE target_document_id IS NULL
                    OR target_document_id IN (SELECT id FROM documents WHERE source_id = @id)
                ORDER BY source_id, seq
                """, ("@id", issueId));
        }
    }

    public IReadOnlyList<string> SourcesWithoutRelations(int extractorVersion)
    {
        lock (_gate)
        {
            using var snapshot = BeginReadSnapshot();
            using var cmd = GazetteRowReader.Command(Connection, """
                SELECT s.id FROM sources s LEFT JOIN relation_extractions e ON e.source_id = s.id
                WHERE e.source_id IS NULL OR e.extractor_version < @version ORDER BY s.id
                """, ("@version", extractorVersion));
            using var r = new RowReader(cmd.ExecuteReader());
            var list = new List<string>();
            while (r.Read())
            {
                list.Add(r.Str("id"));
            }

            return list;
        }
    }

    /// <summary>Each source's relation extraction record (extractor version, relation count), by source.</summary>
    internal IReadOnlyList<(string SourceId, int ExtractorVersion, int Relations)> RelationExtractions()
    {
        lock (_gate)
        {
            using var snapshot = BeginReadSnapshot();
            using var cmd = GazetteRowReader.Command(Connection, "SELECT source_id, extractor_version, relations FROM relation_extractions ORDER BY source_id");
            using var r = new RowReader(cmd.ExecuteReader());
            var list = new List<(string, int, int)>();
            while (r.Read())
            {
                list.Add((r.Str("source_id"), r.Int("extractor_version"), r.Int("relations")));
            }

            return list;
        }
    }

    public bool ReplaceRelations(string issueId, string sha256, RelationUpdate relations)
    {
        ArgumentNullException.ThrowIfNull(relations);
        lock (_gate)
        {
            using var tx = Connection.BeginTransaction();
            using (var cmd = GazetteRowReader.Command(Connection, "SELECT sha256 FROM sources WHERE id = @id", ("@id", issueId)))
            {
                cmd.Transaction = tx;
                if (cmd.ExecuteScalar() is not string stored || !string.Equals(stored, sha256, StringComparison.OrdinalIgnoreCase))
                {
                    tx.Rollback();
                    return false;
                }
            }

            foreach (var table in new[] { "relation_extractions", "relations" })
            {
                using var delete = GazetteRowReader.Command(Connection, $"DELETE FROM {table} WHERE source_id = @id", ("@id", issueId));
                delete.Transaction = tx;
                delete.ExecuteNonQuery();
            }

            WriteRelations(tx, issueId, relations);
            tx.Commit();
            return true;
        }
    }

    public void RetargetRelations(IReadOnlyList<RelationRetarget> retargets)
    {
        ArgumentNullException.ThrowIfNull(retargets);
        if (retargets.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            using var tx = Connection.BeginTransaction();
            Retarget(tx, retargets);
            tx.Commit();
        }
    }

    /// <summary>The source's own relations, its extraction record and the retargets of other sources' relations, in <paramref name="tx"/>.</summary>
    private void WriteRelations(DbTransaction? tx, string issueId, RelationUpdate relations)
    {
        using (var rows = new RowBatch(Connection, tx))
        {
            // One statement for all the issue's relations (compiled once on SQLite, batched on PostgreSQL).
            using var insert = new PreparedInsert(rows, "relations",
                "source_id", "seq", "kind", "document_id", "instrument_id", "provision_id", "article", "effective_from", "printed", "title", "number",
                "target_key", "target_document_id", "target_instrument_id", "trigger_word");
            var seq = 0;
            foreach (var r in relations.Own)
            {
                if (r.IssueId != issueId)
                {
                    throw new InvalidOperationException($"A relation read from '{r.IssueId}' cannot be stored with '{issueId}'.");
                }

                insert.Execute(issueId, seq++, r.Kind, r.SourceDocumentId, r.SourceInstrumentId, r.SourceProvisionId, r.SourceArticle,
                    RowValues.Date(r.SourceEffectiveFrom), r.Printed, r.Title, r.Number, r.TargetKey, r.TargetDocumentId, r.TargetInstrumentId, r.Trigger);
            }

            rows.Flush();
        }

        using (var record = GazetteRowReader.Command(Connection,
            "INSERT INTO relation_extractions (source_id, extractor_version, relations) VALUES (@id, @version, @count)",
            ("@id", issueId), ("@version", relations.ExtractorVersion), ("@count", relations.Own.Count)))
        {
            record.Transaction = tx;
            record.ExecuteNonQuery();
        }

        Retarget(tx, relations.Retargets.Where(t => t.IssueId != issueId));
    }

    /// <summary>
    /// Sets new targets of stored relations. A synthetic corpus retargets hundreds of relations per issue, so the UPDATE is
    /// one statement compiled once per transaction (SQLite) or sent in batches (PostgreSQL), not one statement per row.
    /// </summary>
    private void Retarget(DbTransaction? tx, IEnumerable<RelationRetarget> retargets)
    {
        using var rows = new RowBatch(Connection, tx);
        using var update = new PreparedStatement(rows,
            "UPDATE relations SET target_document_id = @document, target_instrument_id = @instrument WHERE source_id = @source AND seq = @seq",
            "@document", "@instrument", "@source", "@seq");
        foreach (var t in retargets)
        {
            update.Execute(t.TargetDocumentId, t.TargetInstrumentId, t.IssueId, t.Seq);
        }

        rows.Flush();
    }

    private List<StoredRelation> ReadRelations(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = GazetteRowReader.Command(Connection, sql, parameters);
        using var r = new RowReader(cmd.ExecuteReader());
        var list = new List<StoredRelation>();
        while (r.Read())
        {
            list.Add(new StoredRelation
            {
                IssueId = r.Str("source_id"),
                Seq = r.Int("seq"),
                Kind = r.Str("kind"),
                SourceDocumentId = r.Str("document_id"),
                SourceInstrumentId = r.NStr("instrument_id"),
                SourceProvisionId = r.Str("provision_id"),
                SourceArticle = r.NInt("article"),
                SourceEffectiveFrom = RowValues.Date(r.NStr("effective_from")),
                Printed = r.Str("printed"),
                Title = r.NStr("title"),
                Number = r.NStr("number"),
                TargetKey = r.Str("target_key"),
                TargetDocumentId = r.NStr("target_document_id"),
                TargetInstrumentId = r.NStr("target_instrument_id"),
                Trigger = r.Str("trigger_word"),
            });
        }

        return list;
    }
}
