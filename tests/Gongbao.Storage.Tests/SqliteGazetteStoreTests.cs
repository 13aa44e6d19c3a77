using Gongbao.Storage.Relational;

using Microsoft.Data.Sqlite;

namespace Gongbao.Storage.Tests;

public sealed class SqliteGazetteStoreTests : GazetteStoreContractTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gongbao-store-" + Guid.NewGuid().ToString("N"));

    protected override RelationalGazetteStore OpenStore() => SqliteGazetteStore.OpenDirectory(_directory);

    protected override void Dispose(bool disposing)
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }

    [Fact]
    public void Schema_is_versioned_and_reopening_applies_nothing()
    {
        _ = Store;
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "gongbao.db")};Pooling=False");
        connection.Open();
        Assert.Equal(GazetteSchema.Migrations[^1].Version, MigrationRunner.CurrentVersion(connection));
        Assert.Empty(MigrationRunner.Apply(connection));
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar());
    }
}
