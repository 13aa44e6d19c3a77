namespace Gongbao.Storage.Relational;

/// <summary>One step of the schema history, applied once and recorded in <c>schema_migrations</c>.</summary>
public sealed record SchemaMigration(int Version, string Name, IReadOnlyList<string> Statements)
{
    /// <summary>A data step run after <see cref="Statements"/>, in the same transaction (rows the old layout held, rewritten in the new one).</summary>
    public Action<System.Data.Common.DbConnection, System.Data.Common.DbTransaction>? Transform { get; init; }

    /// <summary>Statements run after <see cref="Transform"/> (dropping what the data step has moved).</summary>
    public IReadOnlyList<string> Cleanup { get; init; } = [];

    /// <summary>Rewrites most of the stored bytes: a file-backed store reclaims the freed space after it (SQLite VACUUM).</summary>
    public bool FreesSpace { get; init; }
}

/// <summary>
/// The relational schema shared by the SQL backends. The DDL sticks to types and syntax that SQLite and
/// PostgreSQL both accept (TEXT, INTEGER, composite primary keys, plain indexes; dates as ISO-8601 TEXT,
/// JSON as TEXT, booleans as 0/1), so one migration list serves both. The one type they spell differently,
/// binary, is written <c>{binary}</c> (<see cref="SqlDialect"/>).
/// </summary>
/// <remarks>
/// Rows are keyed by source and a per-source sequence number rather than by stable ID: a parser may emit
/// the same provision ID twice in a damaged text, and the store must keep exactly what it was given.
/// Stable IDs are indexed for lookup. A document printed in two sources has two rows (two witnesses).
/// </remarks>
public static class GazetteSchema
{
    public const string MigrationTable = "schema_migrations";

    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new(1, "sources, contents, documents, provisions, attachments",
        [
            """
            CREATE TABLE sources (
                id TEXT NOT NULL PRIMARY KEY,
                kind TEXT NOT NULL,
                gazette_title TEXT NULL,
                year INTEGER NULL,
                number INTEGER NULL,
                cumulative_number INTEGER NULL,
                publication_date TEXT NULL,
                sponsor TEXT NULL,
                sponsor_en TEXT NULL,
                source_file TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                ingested_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX ix_sources_sha256 ON sources (sha256)",
            """
            CREATE TABLE diagnostics (
                source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                code TEXT NOT NULL,
                severity TEXT NOT NULL,
                message TEXT NOT NULL,
                file TEXT NOT NULL,
                line INTEGER NOT NULL,
                PRIMARY KEY (source_id, seq)
            )
            """,
            """
            CREATE TABLE toc_entries (
                source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                ordinal INTEGER NOT NULL,
                section_zh TEXT NOT NULL,
                section_en TEXT NULL,
                title_zh TEXT NOT NULL,
                title_en TEXT NULL,
                number_issuer TEXT NULL,
                number_year INTEGER NULL,
                number_serial INTEGER NULL,
                number_printed TEXT NULL,
                number_canonical TEXT NULL,
                number_en TEXT NULL,
                page INTEGER NULL,
                span_start INTEGER NOT NULL,
                span_end INTEGER NOT NULL,
                span_en_start INTEGER NULL,
                span_en_end INTEGER NULL,
                PRIMARY KEY (source_id, seq)
            )
            """,
            """
            CREATE TABLE documents (
                source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                parent_seq INTEGER NULL,
                top_seq INTEGER NOT NULL,
                id TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                title_zh TEXT NOT NULL,
                title_en TEXT NULL,
                kind TEXT NOT NULL,
                issuers TEXT NOT NULL,
                number_issuer TEXT NULL,
                number_year INTEGER NULL,
                number_serial INTEGER NULL,
                number_printed TEXT NULL,
                number_canonical TEXT NULL,
                addressees TEXT NOT NULL,
                signed_on TEXT NULL,
                effective_from TEXT NULL,
                effective_until TEXT NULL,
                validity_text TEXT NULL,
                section TEXT NULL,
                page INTEGER NULL,
                span_start INTEGER NOT NULL,
                span_end INTEGER NOT NULL,
                text TEXT NOT NULL,
                PRIMARY KEY (source_id, seq)
            )
            """,
            "CREATE INDEX ix_documents_id ON documents (id)",
            "CREATE INDEX ix_documents_number ON documents (number_canonical)",
            // Instruments are documents with a parent: the view names them for readers of the schema.
            """
            CREATE VIEW instruments AS
            SELECT c.source_id, p.id AS document_id, c.id, c.ordinal, c.title_zh, c.seq, c.parent_seq
            FROM documents c JOIN documents p ON p.source_id = c.source_id AND p.seq = c.parent_seq
            """,
            """
            CREATE TABLE provisions (
                source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                document_seq INTEGER NOT NULL,
                top_seq INTEGER NOT NULL,
                parent_seq INTEGER NULL,
                id TEXT NOT NULL,
                document_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                label TEXT NULL,
                number INTEGER NULL,
                heading TEXT NULL,
                text TEXT NOT NULL,
                span_start INTEGER NOT NULL,
                span_end INTEGER NOT NULL,
                cells TEXT NULL,
                PRIMARY KEY (source_id, seq)
            )
            """,
            "CREATE INDEX ix_provisions_id ON provisions (id)",
            "CREATE INDEX ix_provisions_top ON provisions (source_id, top_seq)",
            """
            CREATE TABLE attachments (
                source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
                document_seq INTEGER NOT NULL,
                seq INTEGER NOT NULL,
                top_seq INTEGER NOT NULL,
                id TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                label TEXT NULL,
                title TEXT NOT NULL,
                omitted INTEGER NOT NULL,
                provision_id TEXT NULL,
                span_start INTEGER NOT NULL,
                span_end INTEGER NOT NULL,
                PRIMARY KEY (source_id, document_seq, seq)
            )
            """,
        ]),
        new(2, "source versions: every stored version of a source with its text",
        [
            // No foreign key: the history of a source outlives its current rows.
            """
            CREATE TABLE source_versions (
                source_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                sha256 TEXT NOT NULL,
                source_file TEXT NOT NULL,
                ingested_at TEXT NOT NULL,
                documents INTEGER NOT NULL,
                text_length INTEGER NOT NULL,
                text TEXT NOT NULL,
                PRIMARY KEY (source_id, version)
            )
            """,
        ]),
        new(3, "relations: what each provision states about other documents, and which sources they were read from",
        [
            """
            CREATE TABLE relations (
                source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                kind TEXT NOT NULL,
                document_id TEXT NOT NULL,
                instrument_id TEXT NULL,
                provision_id TEXT NOT NULL,
                article INTEGER NULL,
                effective_from TEXT NULL,
                printed TEXT NOT NULL,
                title TEXT NULL,
                number TEXT NULL,
                target_key TEXT NOT NULL,
                target_document_id TEXT NULL,
                target_instrument_id TEXT NULL,
                trigger_word TEXT NOT NULL,
                PRIMARY KEY (source_id, seq)
            )
            """,
            "CREATE INDEX ix_relations_document ON relations (document_id)",
            "CREATE INDEX ix_relations_target ON relations (target_document_id)",
            "CREATE INDEX ix_relations_key ON relations (target_key)",
            // A source with no row here was stored before relations were kept (or without them): they are missing, not empty.
            """
            CREATE TABLE relation_extractions (
                source_id TEXT NOT NULL PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
                extractor_version INTEGER NOT NULL,
                relations INTEGER NOT NULL
            )
            """,
        ]),
        new(4, "compact store: document text and provisions as one compressed body per document group, source versions compressed",
        [
            // Each top-level document with its instruments: their texts and provision trees (DocumentBodyCodec).
            // The provision count is kept beside it so counting needs no decompression.
            """
            CREATE TABLE document_bodies (
                source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
                top_seq INTEGER NOT NULL,
                provisions INTEGER NOT NULL,
                body {binary} NOT NULL,
                PRIMARY KEY (source_id, top_seq)
            )
            """,
            // A provision is found through its top-level document (its ID starts with that document's ID,
            // docs/identifiers.md); one whose ID does not (a damaged text) is listed here, so no look-up misses it.
            """
            CREATE TABLE provision_ids (
                source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                top_seq INTEGER NOT NULL,
                id TEXT NOT NULL,
                PRIMARY KEY (source_id, seq)
            )
            """,
            "CREATE INDEX ix_provision_ids_id ON provision_ids (id)",
            """
            CREATE TABLE source_versions_compressed (
                source_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                sha256 TEXT NOT NULL,
                source_file TEXT NOT NULL,
                ingested_at TEXT NOT NULL,
                documents INTEGER NOT NULL,
                text_length INTEGER NOT NULL,
                compressed_text {binary} NOT NULL,
                PRIMARY KEY (source_id, version)
            )
            """,
        ])
        {
            Transform = Schema3Rows.MigrateToCompactLayout,
            FreesSpace = true,
            Cleanup =
            [
                "DROP TABLE provisions",
                "ALTER TABLE documents DROP COLUMN text",
                "DROP TABLE source_versions",
                "ALTER TABLE source_versions_compressed RENAME TO source_versions",
            ],
        },
    ];

    /// <summary>Tables holding a source's rows, children before parents (the delete order on replace).</summary>
    public static IReadOnlyList<string> SourceTables { get; } =
        ["relation_extractions", "relations", "provision_ids", "attachments", "document_bodies", "documents", "toc_entries", "diagnostics", "sources"];
}
