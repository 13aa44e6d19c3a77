using Gongbao.Storage.Relational;

using Microsoft.Data.Sqlite;

namespace Gongbao.Storage.Tests;

/// <summary>A database made before relations were kept (schema version 2) gets the tables, and its sources are listed as missing relations.</summary>
public sealed class RelationMigrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gongbao-relmig-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Sources_stored_before_migration_3_are_listed_as_without_relations()
    {
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "gongbao.db")};Pooling=False"))
        {
            connection.Open();
            Assert.Equal([1, 2], MigrationRunner.Apply(connection, GazetteSchema.Migrations.Where(m => m.Version <= 2).ToList()));
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO sources (id, kind, source_file, sha256, ingested_at) VALUES ('old-2020-1', 'Issue', 'old.txt', 'AA', '2020-01-01T00:00:00Z')";
            insert.ExecuteNonQuery();
        }

        using var store = SqliteGazetteStore.OpenDirectory(_directory);
        Assert.Equal(["old-2020-1"], store.SourcesWithoutRelations(1));
        Assert.Empty(store.Relations());
        Assert.True(store.ReplaceRelations("old-2020-1", "aa", new RelationUpdate(1, [], [])));
        Assert.Empty(store.SourcesWithoutRelations(1));
    }
}
