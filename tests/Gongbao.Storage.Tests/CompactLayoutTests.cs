using System.Data.Common;
using System.Text.Json;

using Gongbao.Domain;
using Gongbao.Storage.Postgres;
using Gongbao.Storage.Relational;

using Microsoft.Data.Sqlite;

using Npgsql;

namespace Gongbao.Storage.Tests;

/// <summary>
/// Schema 4 (one compressed body per document group, compressed source versions) on every backend: a store
/// written by schema 3 migrates in place and reads back what was ingested; provisions whose IDs break the
/// document-prefix rule are still found; bodies that do not decode fail loudly.
/// </summary>
public abstract class CompactLayoutTests : IDisposable
{
    protected const string OldIngestedAt = "2024-01-02T03:04:05.0000000+00:00";

    /// <summary>A raw connection to this test's (empty) database.</summary>
    protected abstract DbConnection OpenConnection();

    protected abstract RelationalGazetteStore OpenStore();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    [Fact]
    public void A_schema_3_store_migrates_in_place_and_reads_back_every_issue_version_and_relation()
    {
        GazetteIssue[] issues =
        [
            HandBuiltIssues.Issue(),
            HandBuiltIssues.Standalone(),
            OffPrefixIssue(),
            new Parsing.GazetteParser().ParseFile(Parsing.SampleGazettes.File("2024-31.txt")) with { Id = "beijing-2024-31-sample" },
        ];
        var versions = issues.Select((issue, i) => (Issue: issue, Texts: i == 0 ? new[] { "第一版全文", "第二版全文\n（修订）" } : [$"{issue.Id} 全文"])).ToList();
        using (var connection = OpenConnection())
        {
            Assert.Equal([1, 2, 3], MigrationRunner.Apply(connection, GazetteSchema.Migrations.Where(m => m.Version <= 3).ToList()));
            using var tx = connection.BeginTransaction();
            foreach (var (issue, texts) in versions)
            {
                Schema3Rows.WriteIssue(connection, tx, issue, OldIngestedAt);
                for (var v = 0; v < texts.Length; v++)
                {
                    Schema3Rows.WriteVersion(connection, tx, new SourceVersion(issue.Id, v + 1, issue.SourceSha256, issue.SourceFile,
                        DateTimeOffset.Parse(OldIngestedAt, System.Globalization.CultureInfo.InvariantCulture), issue.Documents.Count, texts[v].Length), texts[v]);
                }
            }

            Execute(connection, tx, """
                INSERT INTO relations (source_id, seq, kind, document_id, instrument_id, provision_id, article, effective_from, printed, title, number,
                    target_key, target_document_id, target_instrument_id, trigger_word)
                VALUES ('beijing-2024-31', 0, 'Repeals', 'jingguizifa-2024-122', NULL, 'jingguizifa-2024-122/art-3', 3, NULL, '《旧办法》', '旧办法', NULL,
                    'title:旧办法', NULL, NULL, '废止')
                """);
            Execute(connection, tx, "INSERT INTO relation_extractions (source_id, extractor_version, relations) VALUES ('beijing-2024-31', 1, 1)");
            tx.Commit();
        }

        using (var store = OpenStore())
        {
            foreach (var (issue, texts) in versions)
            {
                Assert.Equal(Json(issue), Json(store.GetIssue(issue.Id)));
                Assert.Equal(Enumerable.Range(1, texts.Length), store.Versions(issue.Id).Select(v => v.Version));
                Assert.All(store.Versions(issue.Id), v => Assert.Equal(texts[v.Version - 1].Length, v.TextLength));
                Assert.Equal(texts, store.Versions(issue.Id).Select(v => store.VersionText(issue.Id, v.Version)));
            }

            var all = issues.SelectMany(i => i.Documents).ToList();
            Assert.Equal(all.Count, store.Counts().Documents);
            Assert.Equal(all.Sum(CountProvisions), store.Counts().Provisions);
            Assert.Equal(all.Sum(d => d.Instruments.Count), store.Counts().Instruments);
            Assert.Equal("jingguizifa-2024-122/art-3", store.Relations().Single().SourceProvisionId);
            Assert.DoesNotContain("beijing-2024-31", store.SourcesWithoutRelations(1));

            Assert.Equal("本办法自2024年9月1日起施行。", store.GetProvision("jingguizifa-2024-122/art-3", "beijing-2024-31")!.Provision.Text);
            Assert.Equal("不在文号之下的条文。", store.GetProvision("elsewhere/art-1")!.Provision.Text);
            var sample = issues[3].Documents.SelectMany(d => d.AllProvisions().Concat(d.Instruments.SelectMany(i => i.AllProvisions()))).Last();
            Assert.Equal(Json(sample), Json(store.GetProvision(sample.Id, "beijing-2024-31-sample")!.Provision));

            // The migrated store takes new versions: the history goes on from the old numbers.
            var replaced = store.Ingest(HandBuiltIssues.Issue(sha: "EF56", variant: "（再修订）"), force: false, "第三版全文");
            Assert.Equal(3, replaced.Version);
            Assert.Equal(["第一版全文", "第二版全文\n（修订）", "第三版全文"], store.Versions("beijing-2024-31").Select(v => store.VersionText("beijing-2024-31", v.Version)));
        }

        using (var connection = OpenConnection())
        {
            Assert.Equal(GazetteSchema.Migrations[^1].Version, MigrationRunner.CurrentVersion(connection));
            Assert.Empty(MigrationRunner.Apply(connection));
        }
    }

    [Fact]
    public void Provisions_outside_their_document_ID_and_texts_outside_the_document_text_round_trip_and_are_found()
    {
        using var store = OpenStore();
        var issue = OffPrefixIssue();
        store.Ingest(issue);
        store.Ingest(HandBuiltIssues.Issue());

        Assert.Equal(Json(issue), Json(store.GetIssue(issue.Id)));
        var hit = store.GetProvision("elsewhere/art-1");
        Assert.NotNull(hit);
        Assert.Equal(("beijing-2030-1", "jingzhengfa-2030-1"), (hit.IssueId, hit.DocumentId));
        // The same ID twice (a damaged text): the first in document order, as provision rows were.
        Assert.Equal("第一次出现。", store.GetProvision("jingzhengfa-2030-1/art-2")!.Provision.Text);
        Assert.Null(store.GetProvision("jingzhengfa-2030-1/art-9"));
        Assert.Null(store.GetProvision("jingzhengfa-2030"));
        Assert.Equal("jingzhengfa-2030-1", store.GetProvision("jingzhengfa-2030-1")!.Provision.Id);
    }

    [Fact]
    public void Source_versions_and_bodies_are_stored_compressed_and_the_document_text_once()
    {
        var text = string.Concat(Enumerable.Repeat("第一条 为了规范建设工程规划管理，制定本办法。\n", 200));
        using (var store = OpenStore())
        {
            store.Ingest(HandBuiltIssues.Issue(), force: false, text);
            Assert.Equal(text, store.VersionText("beijing-2024-31", 1));
        }

        using var connection = OpenConnection();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT compressed_text FROM source_versions";
            var stored = (byte[])cmd.ExecuteScalar()!;
            Assert.True(stored.Length * 10 < System.Text.Encoding.UTF8.GetByteCount(text), $"{stored.Length} bytes stored for a repetitive text");
        }

        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT COUNT(*) FROM document_bodies";
            Assert.Equal(2L, Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void A_body_that_does_not_decode_fails_loudly_naming_its_source_and_a_forced_ingest_heals_it()
    {
        using (var store = OpenStore())
        {
            store.Ingest(HandBuiltIssues.Issue());
        }

        using (var connection = OpenConnection())
        {
            using var tx = connection.BeginTransaction();
            Execute(connection, tx, "UPDATE document_bodies SET body = source_versions.compressed_text FROM source_versions WHERE top_seq = 1 AND source_versions.source_id = document_bodies.source_id");
            tx.Commit();
        }

        using (var store = OpenStore())
        {
            var damaged = Assert.Throws<StoreDamagedException>(() => store.GetIssue("beijing-2024-31"));
            Assert.Contains("'beijing-2024-31'", damaged.Message, StringComparison.Ordinal);
            Assert.Contains("--force", damaged.Message, StringComparison.Ordinal);

            // What the message advises heals it: a forced ingest rewrites the body.
            Assert.Equal(IngestOutcome.Replaced, store.Ingest(HandBuiltIssues.Issue(), force: true).Outcome);
            Assert.Equal(Json(HandBuiltIssues.Issue()), Json(store.GetIssue("beijing-2024-31")));
        }
    }

    /// <summary>A document whose provisions include an ID outside its document ID, a repeated ID, a text printed nowhere in the document text and one printed before its predecessor's.</summary>
    internal static GazetteIssue OffPrefixIssue() => new()
    {
        Id = "beijing-2030-1",
        Kind = SourceKind.Issue,
        Year = 2030,
        Number = 1,
        SourceFile = "/tmp/beijing-2030-1.txt",
        SourceSha256 = "0A0B",
        Documents =
        [
            new GazetteDocument
            {
                Id = "jingzhengfa-2030-1",
                Ordinal = 1,
                TitleZh = "测试文件",
                Text = "测试文件\n第一条 本条在文内。\n第二条 第一次出现。",
                Body = new Provision
                {
                    Id = "jingzhengfa-2030-1",
                    Kind = ProvisionKind.Document,
                    Children =
                    [
                        new Provision { Id = "jingzhengfa-2030-1/art-1", Kind = ProvisionKind.Article, Ordinal = 1, Label = "第一条", Number = 1, Text = "本条在文内。", Span = SourceSpan.Line(2) },
                        new Provision { Id = "jingzhengfa-2030-1/art-2", Kind = ProvisionKind.Article, Ordinal = 2, Label = "第二条", Number = 2, Text = "第一次出现。", Span = SourceSpan.Line(3) },
                        new Provision { Id = "jingzhengfa-2030-1/art-2", Kind = ProvisionKind.Article, Ordinal = 3, Label = "第二条", Number = 2, Text = "第二次出现。", Span = SourceSpan.Line(4) },
                        new Provision { Id = "elsewhere/art-1", Kind = ProvisionKind.Article, Ordinal = 4, Number = -1, Text = "不在文号之下的条文。", Span = new SourceSpan(5, 6) },
                        // Printed before the previous provision's text: found behind the reading position.
                        new Provision { Id = "jingzhengfa-2030-1/para-1", Kind = ProvisionKind.Paragraph, Ordinal = 1, Text = "测试文件", Span = SourceSpan.Line(1) },
                        new Provision
                        {
                            Id = "jingzhengfa-2030-1/table-1", Kind = ProvisionKind.Table, Ordinal = 1, Text = "",
                            Cells = [["甲", "乙"], [], ["", "丙"]],
                        },
                    ],
                },
            },
        ],
    };

    private static int CountProvisions(GazetteDocument d) => d.AllProvisions().Count() + d.Instruments.Sum(CountProvisions);

    private static string Json(object? value) => JsonSerializer.Serialize(value);

    private static void Execute(DbConnection connection, DbTransaction tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}

public sealed class SqliteCompactLayoutTests : CompactLayoutTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gongbao-compact-").FullName;

    protected override DbConnection OpenConnection()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, SqliteGazetteStore.DefaultFileName)};Pooling=False");
        connection.Open();
        return connection;
    }

    protected override RelationalGazetteStore OpenStore() => SqliteGazetteStore.OpenDirectory(_directory);

    protected override void Dispose(bool disposing) => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_read_only_open_of_a_schema_3_file_reads_a_migrated_copy_and_leaves_the_file_alone()
    {
        var path = Path.Combine(_directory, SqliteGazetteStore.DefaultFileName);
        using (var connection = OpenConnection())
        {
            MigrationRunner.Apply(connection, GazetteSchema.Migrations.Where(m => m.Version <= 3).ToList());
            using var tx = connection.BeginTransaction();
            Schema3Rows.WriteIssue(connection, tx, HandBuiltIssues.Issue(), OldIngestedAt);
            tx.Commit();
        }

        var before = File.ReadAllBytes(path);
        using (var reader = SqliteGazetteStore.OpenReadOnly(path))
        {
            Assert.True(reader.OlderSchema);
            Assert.Equal(JsonSerializer.Serialize(HandBuiltIssues.Issue()), JsonSerializer.Serialize(reader.GetIssue("beijing-2024-31")));
        }

        Assert.Equal(before, File.ReadAllBytes(path));
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresCompactLayoutTests(PostgresServerFixture fixture) : CompactLayoutTests
{
    private readonly string _connectionString = fixture.Server.CreateDatabase();

    protected override DbConnection OpenConnection()
    {
        var connection = new NpgsqlConnection(_connectionString + ";Pooling=false");
        connection.Open();
        return connection;
    }

    protected override RelationalGazetteStore OpenStore() => PostgresGazetteStore.Open(_connectionString);
}
