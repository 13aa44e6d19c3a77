using System.Data.Common;
using System.Globalization;

using Gongbao.Domain;

namespace Gongbao.Storage.Relational;

/// <summary>
/// <see cref="IGazetteStore"/> over any ADO.NET provider that accepts <see cref="GazetteSchema"/>:
/// ingest, replace and look-ups written once in portable SQL (named <c>@parameters</c>, no
/// provider-specific syntax). A backend supplies the open connection and its own session settings.
/// One connection per store; calls are serialised, so a store may be shared between threads.
/// </summary>
public abstract partial class RelationalGazetteStore : IGazetteStore
{
    // Witness preference: gazette issues before standalone texts, newest first. COALESCE keeps NULL
    // ordering identical across SQLite (NULLs low) and PostgreSQL (NULLs high).
    protected const string WitnessOrder =
        "CASE s.kind WHEN 'Issue' THEN 0 ELSE 1 END, COALESCE(s.year, 0) DESC, COALESCE(s.number, 0) DESC, s.id";

    private readonly Lock _gate = new();

    protected RelationalGazetteStore(DbConnection connection)
    {
        Connection = connection;
    }

    protected DbConnection Connection { get; }

    /// <summary>
    /// Test hook: called after each provision is written (into its document group's body), with the running
    /// count. An exception thrown here aborts the ingest exactly like a crash mid-write would.
    /// </summary>
    public Action<int>? ProvisionWritten { get; set; }

    public IngestResult Ingest(GazetteIssue issue) => Ingest(issue, force: false);

    public IngestResult Ingest(GazetteIssue issue, bool force) => Ingest(issue, force, sourceText: null);

    /// <summary>
    /// Stores the issue and, in the same transaction, a new row of its history (hash, time, text). When a
    /// source stored before the history existed is replaced, its current text is kept as a version first,
    /// so no replace loses what was there.
    /// </summary>
    public IngestResult Ingest(GazetteIssue issue, bool force, string? sourceText) => Ingest(issue, force, sourceText, relations: null);

    /// <inheritdoc cref="IGazetteStore.Ingest(GazetteIssue, bool, string?, RelationUpdate?)"/>
    public IngestResult Ingest(GazetteIssue issue, bool force, string? sourceText, RelationUpdate? relations) =>
        Ingest(issue, force, sourceText, relations, encoded: null);

    /// <inheritdoc cref="IGazetteStore.Ingest(GazetteIssue, bool, string?, RelationUpdate?, IssueEncoding?)"/>
    public IngestResult Ingest(GazetteIssue issue, bool force, string? sourceText, RelationUpdate? relations, IssueEncoding? encoded)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (encoded is not null && !encoded.Encodes(issue, sourceText))
        {
            throw new ArgumentException($"The encoding given with '{issue.Id}' is not of this issue and text.", nameof(encoded));
        }

        lock (_gate)
        {
            if (_group is { } group)
            {
                return group.InSavepoint(() => IngestIn(tx: null, issue, force, sourceText, relations, encoded));
            }

            using var tx = Connection.BeginTransaction();
            var result = IngestIn(tx, issue, force, sourceText, relations, encoded);
            if (result.Outcome == IngestOutcome.Unchanged)
            {
                tx.Rollback();
            }
            else
            {
                tx.Commit();
            }

            return result;
        }
    }

    /// <summary>The ingest's reads and writes, in <paramref name="tx"/> (null: in the open ingest group's transaction).</summary>
    private IngestResult IngestIn(DbTransaction? tx, GazetteIssue issue, bool force, string? sourceText, RelationUpdate? relations, IssueEncoding? encoded)
    {
        string? storedSha;
        using (var cmd = GazetteRowReader.Command(Connection, "SELECT sha256 FROM sources WHERE id = @id", ("@id", issue.Id)))
        {
            cmd.Transaction = tx;
            storedSha = cmd.ExecuteScalar() as string;
        }

        var documents = issue.Documents.Count;
        if (storedSha is not null && !force && string.Equals(storedSha, issue.SourceSha256, StringComparison.OrdinalIgnoreCase))
        {
            return new IngestResult(issue.Id, IngestOutcome.Unchanged, documents, issue.Documents.Sum(d => CountProvisions(d)));
        }

        var version = LatestVersion(tx, issue.Id);
        if (storedSha is not null)
        {
            if (version is null || !string.Equals(version.Value.Sha256, storedSha, StringComparison.OrdinalIgnoreCase))
            {
                // Stored before versions were kept: keep the current text as a version before replacing it.
                var (file, texts) = CurrentText(tx, issue.Id);
                var number = (version?.Number ?? 0) + 1;
                InsertVersion(tx, issue.Id, number, storedSha, file, texts.Count, string.Join("\n", texts));
                version = (number, storedSha);
            }

            foreach (var table in GazetteSchema.SourceTables)
            {
                using var delete = GazetteRowReader.Command(Connection,
                    $"DELETE FROM {table} WHERE {(table == "sources" ? "id" : "source_id")} = @id", ("@id", issue.Id));
                delete.Transaction = tx;
                delete.ExecuteNonQuery();
            }
        }

        int provisions;
        using (var writer = new GazetteRowWriter(Connection, tx, ProvisionWritten))
        {
            writer.Write(issue, encoded?.Bodies);
            provisions = writer.ProvisionCount;
        }

        if (relations is not null)
        {
            WriteRelations(tx, issue.Id, relations);
        }

        var newVersion = (version?.Number ?? 0) + 1;
        if (encoded is not null)
        {
            InsertVersion(tx, issue.Id, newVersion, issue.SourceSha256, issue.SourceFile, documents, encoded.VersionTextLength, encoded.VersionText);
        }
        else
        {
            InsertVersion(tx, issue.Id, newVersion, issue.SourceSha256, issue.SourceFile, documents, sourceText ?? DocumentText(issue));
        }

        return new IngestResult(issue.Id, storedSha is null ? IngestOutcome.Added : IngestOutcome.Replaced, documents, provisions) { Version = newVersion };
    }

    /// <summary>The version text of an issue ingested without its source text: its documents' texts.</summary>
    internal static string DocumentText(GazetteIssue issue) => string.Join("\n", issue.Documents.Select(d => d.Text));

    private (string File, List<string> Texts) CurrentText(DbTransaction? tx, string issueId)
    {
        string file;
        using (var cmd = GazetteRowReader.Command(Connection, "SELECT source_file FROM sources WHERE id = @id", ("@id", issueId)))
        {
            cmd.Transaction = tx;
            file = cmd.ExecuteScalar() as string ?? "";
        }

        return (file, GazetteRowReader.ReadGroup(Connection, issueId, topSeq: null, tx).TopLevel.Select(d => d.Text).ToList());
    }

    private (int Number, string Sha256)? LatestVersion(DbTransaction? tx, string issueId)
    {
        using var cmd = GazetteRowReader.Command(Connection,
            "SELECT version, sha256 FROM source_versions WHERE source_id = @id ORDER BY version DESC LIMIT 1", ("@id", issueId));
        cmd.Transaction = tx;
        using var r = new RowReader(cmd.ExecuteReader());
        return r.Read() ? (r.Int("version"), r.Str("sha256")) : null;
    }

    private void InsertVersion(DbTransaction? tx, string issueId, int version, string sha256, string sourceFile, int documents, string text) =>
        InsertVersion(tx, issueId, version, sha256, sourceFile, documents, text.Length, StoredBlob.CompressText(text));

    private void InsertVersion(DbTransaction? tx, string issueId, int version, string sha256, string sourceFile, int documents, int textLength, byte[] compressedText)
    {
        using var cmd = GazetteRowReader.Command(Connection, """
            INSERT INTO source_versions (source_id, version, sha256, source_file, ingested_at, documents, text_length, compressed_text)
            VALUES (@id, @version, @sha, @file, @at, @documents, @length, @text)
            """, ("@id", issueId), ("@version", version), ("@sha", sha256), ("@file", sourceFile),
            ("@at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)), ("@documents", documents), ("@length", textLength),
            ("@text", compressedText));
        cmd.Transaction = tx;
        cmd.ExecuteNonQuery();
    }

    private const string SourceStateSql = """
        SELECT s.id, s.sha256,
            COALESCE((SELECT MAX(v.version) FROM source_versions v WHERE v.source_id = s.id), 0) AS version,
            (SELECT COUNT(*) FROM documents d WHERE d.source_id = s.id AND d.parent_seq IS NULL) AS document_count
        FROM sources s
        """;

    public IReadOnlyList<SourceState> SourceStates()
    {
        lock (_gate)
        {
            using var snapshot = BeginReadSnapshot();
            using var cmd = GazetteRowReader.Command(Connection, SourceStateSql + " ORDER BY s.id");
            using var r = new RowReader(cmd.ExecuteReader());
            var list = new List<SourceState>();
            while (r.Read())
            {
                list.Add(new SourceState(r.Str("id"), r.Str("sha256"), r.Int("version"), r.Int("document_count")));
            }

            return list;
        }
    }

    /// <summary>
    /// The number of sources and of stored versions. Every content write (added, replaced, forced) inserts a version row in
    /// its own transaction and versions are never deleted, so the count rises with each one; two counts over small rows
    /// cost microseconds where <see cref="SourceStates"/> reads every source's documents.
    /// </summary>
    public string ChangeMarker()
    {
        lock (_gate)
        {
            using var cmd = GazetteRowReader.Command(Connection,
                "SELECT (SELECT COUNT(*) FROM sources) AS sources, (SELECT COUNT(*) FROM source_versions) AS versions");
            using var r = new RowReader(cmd.ExecuteReader());
            return r.Read() ? r.Int("sources").ToString(CultureInfo.InvariantCulture) + "/" + r.Int("versions").ToString(CultureInfo.InvariantCulture) : "";
        }
    }

    public SourceState? FindSourceState(string issueId)
    {
        lock (_gate)
        {
            using var snapshot = BeginReadSnapshot();
            using var cmd = GazetteRowReader.Command(Connection, SourceStateSql + " WHERE s.id = @id", ("@id", issueId));
            using var r = new RowReader(cmd.ExecuteReader());
            return r.Read() ? new SourceState(r.Str("id"), r.Str("sha256"), r.Int("version"), r.Int("document_count")) : null;
        }
    }

    public IReadOnlyList<SourceVersion> Versions(string issueId)
    {
        lock (_gate)
        {
            using var snapshot = BeginReadSnapshot();
            using var cmd = GazetteRowReader.Command(Connection, """
                SELECT source_id, version, sha256, source_file, ingested_at, documents, text_length
                FROM source_versions WHERE source_id = @id ORDER BY version
                """, ("@id", issueId));
            using var r = new RowReader(cmd.ExecuteReader());
            var list = new List<SourceVersion>();
            while (r.Read())
            {
                list.Add(new SourceVersion(r.Str("source_id"), r.Int("version"), r.Str("sha256"), r.Str("source_file"),
                    DateTimeOffset.Parse(r.Str("ingested_at"), CultureInfo.InvariantCulture), r.Int("documents"), r.Int("text_length")));
            }

            return list;
        }
    }

    public string? VersionText(string issueId, int version)
    {
        lock (_gate)
        {
            using var snapshot = BeginReadSnapshot();
            using var cmd = GazetteRowReader.Command(Connection, "SELECT compressed_text FROM source_versions WHERE source_id = @id AND version = @version",
                ("@id", issueId), ("@version", version));
            return cmd.ExecuteScalar() is byte[] stored ? StoredBlob.DecompressText(stored) : null;
        }
    }

    public string? FindSourceBySha256(string sha256)
    {
        lock (_gate)
        {
            using var snapshot = BeginReadSnapshot();
            using var cmd = GazetteRowReader.Command(Connection, "SELECT id FROM sources WHERE LOWER(sha256) = @sha ORDER BY id",
                ("@sha", sha256.ToLowerInvariant()));
            return cmd.ExecuteScalar() as string;
        }
    }

    public StoreCounts Counts()
    {
        lock (_gate)
        {
            using var snapshot = BeginReadSnapshot();
            int Count(string sql)
            {
                using var cmd = GazetteRowReader.Command(Connection, sql);
                return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
            }

            return new StoreCounts(
                Count("SELECT COUNT(*) FROM sources"),
                Count("SELECT COUNT(*) FROM documents WHERE parent_seq IS NULL"),
                Count("SELECT COUNT(*) FROM documents WHERE parent_seq IS NOT NULL"),
                Count("SELECT COALESCE(SUM(provisions), 0) FROM document_bodies"),
                Count("SELECT COUNT(*) FROM attachments"),
                Count("SELECT COUNT(*) FROM toc_entries"),
                Count("SELECT COUNT(*) FROM diagnostics"));
        }
    }

    /// <summary>
    /// SHA-256 over every stored row of every table in key order: equal digests mean equal contents.
    /// Used to prove that a failed ingest left the store exactly as it was. Compressed values enter
    /// uncompressed, so the digest does not depend on the compressor's output.
    /// </summary>
    public string ContentDigest()
    {
        lock (_gate)
        {
            using var snapshot = BeginReadSnapshot();
            using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            foreach (var table in GazetteSchema.SourceTables)
            {
                var key = table switch
                {
                    "sources" => "id",
                    "relation_extractions" => "source_id",
                    "attachments" => "source_id, document_seq, seq",
                    "document_bodies" => "source_id, top_seq",
                    _ => "source_id, seq",
                };
                using var cmd = GazetteRowReader.Command(Connection, $"SELECT * FROM {table} ORDER BY {key}");
                using var reader = cmd.ExecuteReader();
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(table + "\u0001"));
                while (reader.Read())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        if (!reader.IsDBNull(i) && reader.GetValue(i) is byte[] blob)
                        {
                            hash.AppendData(StoredBlob.Decompress(blob));
                            hash.AppendData("\u0001"u8);
                            continue;
                        }

                        var value = reader.IsDBNull(i) ? "\u0000null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
                        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(value + "\u0001"));
                    }

                    hash.AppendData("\n"u8);
                }
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
    }

    public IReadOnlyList<IssueSummary> ListIssues()
    {
        lock (_gate)
        {
            using var snapshot = BeginReadSnapshot();
            using var cmd = GazetteRowReader.Command(Connection, $"""
                SELECT s.id, s.kind, s.year, s.number, s.cumulative_number, s.publication_date, s.source_file,
                    (SELECT COUNT(*) FROM documents d WHERE d.source_id = s.id AND d.parent_seq IS NULL) AS document_count,
                    (SELECT COUNT(*) FROM diagnostics g WHERE g.source_id = s.id AND g.severity = 'Warning') AS warning_count,
                    (SELECT COUNT(*) FROM diagnostics g WHERE g.source_id = s.id AND g.severity = 'Error') AS error_count
                FROM sources s ORDER BY {WitnessOrder}
                """);
            using var r = new RowReader(cmd.ExecuteReader());
            var list = new List<IssueSummary>();
            while (r.Read())
            {
                list.Add(new IssueSummary(r.Str("id"), RowValues.Enum<SourceKind>(r.Str("kind")), r.NInt("year"), r.NInt("number"),
                    r.NInt("cumulative_number"), RowValues.Date(r.NStr("publication_date")), r.Str("source_file"),
                    r.Int("document_count"), r.Int("warning_count"))
                { ErrorCount = r.Int("error_count") });
            }

            if (list.Any(i => i.Incomplete))
            {
                var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                using var messages = GazetteRowReader.Command(Connection,
                    "SELECT source_id, line, code, message FROM diagnostics WHERE severity = 'Error' ORDER BY source_id, seq");
                using var m = new RowReader(messages.ExecuteReader());
                while (m.Read())
                {
                    var id = m.Str("source_id");
                    if (!errors.TryGetValue(id, out var lines))
                    {
                        errors[id] = lines = [];
                    }

                    lines.Add($"line {m.Int("line")}: {m.Str("code")}: {m.Str("message")}");
                }

                list = list.Select(i => errors.TryGetValue(i.Id, out var e) ? i with { Errors = string.Join("\n", e) } : i).ToList();
            }

            return list;
        }
    }

    public GazetteIssue? GetIssue(string issueId)
    {
        lock (_gate)
        {
            using var snapshot = BeginReadSnapshot();
            return GazetteRowReader.ReadIssue(Connection, issueId);
        }
    }

    public IReadOnlyList<DocumentWitness> FindDocument(string idOrNumber)
    {
        var query = idOrNumber.Trim();
        var number = DocumentNumber.Find(query);
        lock (_gate)
        {
            using var snapshot = BeginReadSnapshot();
            var hits = new List<(string Source, int Seq, int Top)>();
            using (var cmd = GazetteRowReader.Command(Connection, $"""
                SELECT d.source_id, d.seq, d.top_seq FROM documents d JOIN sources s ON s.id = d.source_id
                WHERE d.id = @q OR d.id = @slug OR d.number_canonical = @canonical
                ORDER BY {WitnessOrder}, d.seq
                """, ("@q", query), ("@slug", number?.Slug ?? query), ("@canonical", number?.Canonical ?? query)))
            using (var r = new RowReader(cmd.ExecuteReader()))
            {
                while (r.Read())
                {
                    hits.Add((r.Str("source_id"), r.Int("seq"), r.Int("top_seq")));
                }
            }

            return hits.Select(h => new DocumentWitness(h.Source, GazetteRowReader.ReadGroup(Connection, h.Source, h.Top).Documents[h.Seq]))
                .ToList();
        }
    }

    public ProvisionHit? GetProvision(string provisionId, string? issueId = null)
    {
        var id = provisionId.Trim();
        var prefixes = ProvisionLookup.DocumentIdCandidates(id);
        var parameters = prefixes.Select((p, i) => ($"@d{i}", (object?)p)).Append(("@id", id)).Append(("@source", issueId)).ToArray();
        var sourceFilter = issueId is null ? "" : "WHERE c.source_id = @source";
        lock (_gate)
        {
            using var snapshot = BeginReadSnapshot();
            // The groups that can hold the provision: top-level documents whose ID prefixes it, and groups that list it
            // (provision_ids); both indexed. In witness order, then document order, as provision rows were.
            var groups = new List<(string Source, int Top)>();
            using (var cmd = GazetteRowReader.Command(Connection, $"""
                SELECT c.source_id, c.top_seq FROM (
                    SELECT source_id, seq AS top_seq FROM documents WHERE parent_seq IS NULL AND id IN ({string.Join(", ", prefixes.Select((_, i) => $"@d{i}"))})
                    UNION
                    SELECT source_id, top_seq FROM provision_ids WHERE id = @id
                ) c JOIN sources s ON s.id = c.source_id
                {sourceFilter}
                ORDER BY {WitnessOrder}, c.top_seq
                """, parameters))
            using (var r = new RowReader(cmd.ExecuteReader()))
            {
                while (r.Read())
                {
                    groups.Add((r.Str("source_id"), r.Int("top_seq")));
                }
            }

            foreach (var (source, top) in groups)
            {
                var group = GazetteRowReader.ReadGroup(Connection, source, top);
                foreach (var (provision, documentSeq) in group.Provisions)
                {
                    if (provision.Id == id)
                    {
                        var document = group.Documents[documentSeq];
                        return new ProvisionHit(source, document.Id, document.TitleZh, provision);
                    }
                }
            }

            return null;
        }
    }

    public IEnumerable<DocumentWitness> AllDocuments()
    {
        List<string> sources;
        lock (_gate)
        {
            using var snapshot = BeginReadSnapshot();
            using var cmd = GazetteRowReader.Command(Connection, $"SELECT s.id FROM sources s ORDER BY {WitnessOrder}");
            using var r = new RowReader(cmd.ExecuteReader());
            sources = [];
            while (r.Read())
            {
                sources.Add(r.Str("id"));
            }
        }

        // One source at a time, so indexing a large store never holds more than one issue in memory.
        foreach (var source in sources)
        {
            List<GazetteDocument> documents;
            lock (_gate)
            {
                using var snapshot = BeginReadSnapshot();
                documents = GazetteRowReader.ReadGroup(Connection, source, topSeq: null).TopLevel;
            }

            foreach (var document in documents)
            {
                yield return new DocumentWitness(source, document);
            }
        }
    }

    public IEnumerable<StoredTitle> Titles()
    {
        lock (_gate)
        {
            using var snapshot = BeginReadSnapshot();
            // Top-level documents and their direct children (instruments), as AllDocuments orders them.
            using var cmd = GazetteRowReader.Command(Connection, $"""
                SELECT d.source_id, d.title_zh, d.id, d.parent_seq, t.id AS top_id
                FROM documents d
                JOIN sources s ON s.id = d.source_id
                JOIN documents t ON t.source_id = d.source_id AND t.seq = d.top_seq
                WHERE d.parent_seq IS NULL OR d.parent_seq = d.top_seq
                ORDER BY {WitnessOrder}, d.top_seq, CASE WHEN d.parent_seq IS NULL THEN 0 ELSE 1 END, d.seq
                """);
            using var r = new RowReader(cmd.ExecuteReader());
            var titles = new List<StoredTitle>();
            while (r.Read())
            {
                var isInstrument = r.NInt("parent_seq") is not null;
                titles.Add(new StoredTitle(r.Str("source_id"), r.Str("top_id"), isInstrument ? r.Str("id") : null, r.Str("title_zh")));
            }

            return titles;
        }
    }

    /// <summary>
    /// SQL that starts a read transaction whose statements all see one snapshot (a reader sees an issue
    /// before or after a concurrent replace, never half of it). SQLite in WAL mode: a deferred BEGIN.
    /// </summary>
    protected virtual string BeginReadSnapshotSql => "BEGIN";

    // Inside an ingest group the connection is already in the group's transaction: reads see what the group wrote.
    private ReadSnapshot BeginReadSnapshot() => new(Connection, _group is null ? BeginReadSnapshotSql : null);

    /// <summary>
    /// A read transaction begun in SQL (not <see cref="DbConnection.BeginTransaction()"/>), so the shared
    /// look-up commands need no transaction object; ended by COMMIT, which only releases the snapshot.
    /// </summary>
    private sealed class ReadSnapshot : IDisposable
    {
        private readonly DbConnection _connection;
        private readonly bool _began;

        /// <param name="beginSql">Null: already in a transaction, nothing to begin or end.</param>
        public ReadSnapshot(DbConnection connection, string? beginSql)
        {
            _connection = connection;
            if (beginSql is null)
            {
                return;
            }

            using var begin = GazetteRowReader.Command(connection, beginSql);
            begin.ExecuteNonQuery();
            _began = true;
        }

        public void Dispose()
        {
            if (!_began)
            {
                return;
            }

            using var commit = GazetteRowReader.Command(_connection, "COMMIT");
            commit.ExecuteNonQuery();
        }
    }

    private static int CountProvisions(GazetteDocument d) =>
        d.AllProvisions().Count() + d.Instruments.Sum(CountProvisions);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Connection.Dispose();
        }
    }
}
