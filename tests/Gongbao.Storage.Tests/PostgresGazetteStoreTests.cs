using Gongbao.Storage.Postgres;
using Gongbao.Storage.Relational;

using Npgsql;

namespace Gongbao.Storage.Tests;

/// <summary>One real PostgreSQL server (loopback, temporary directory) for all PostgreSQL tests of this assembly.</summary>
public sealed class PostgresServerFixture : IDisposable
{
    public LocalPostgresServer Server { get; } = LocalPostgresServer.Start();

    public void Dispose() => Server.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "postgres";
}

/// <summary>The store contract against PostgreSQL: every test gets its own fresh database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresGazetteStoreTests(PostgresServerFixture fixture) : GazetteStoreContractTests
{
    private readonly string _connectionString = fixture.Server.CreateDatabase();

    protected override RelationalGazetteStore OpenStore() => PostgresGazetteStore.Open(_connectionString);

    [Fact]
    public void Schema_is_versioned_and_concurrent_first_opens_migrate_once()
    {
        var database = fixture.Server.CreateDatabase();
        var stores = Enumerable.Range(0, 4).AsParallel().WithDegreeOfParallelism(4).Select(_ => PostgresGazetteStore.Open(database)).ToList();
        foreach (var s in stores)
        {
            s.Dispose();
        }

        using var connection = new NpgsqlConnection(database + ";Pooling=false");
        connection.Open();
        Assert.Equal(GazetteSchema.Migrations[^1].Version, MigrationRunner.CurrentVersion(connection));
        Assert.Empty(MigrationRunner.Apply(connection));
        using var cmd = new NpgsqlCommand($"SELECT COUNT(*) FROM {GazetteSchema.MigrationTable}", connection);
        Assert.Equal((long)GazetteSchema.Migrations.Count, cmd.ExecuteScalar());
    }

    [Fact]
    public void A_uri_names_the_same_database_as_the_key_value_form()
    {
        var builder = new NpgsqlConnectionStringBuilder(_connectionString);
        using var store = PostgresGazetteStore.Open($"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}?application_name=gongbao-test");
        store.Ingest(HandBuiltIssues.Standalone());

        Assert.Equal(1, Store.Counts().Sources);
        Assert.DoesNotContain("Password", store.Target, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_malformed_uri_is_refused_with_the_password_hidden()
    {
        var ex = Assert.Throws<ArgumentException>(() => PostgresConnectionString.Normalize("postgres://u:s3cret@127.0.0.1:5432;Database=x"));
        Assert.Contains("not a PostgreSQL URI", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", PostgresConnectionString.Redact("postgres://u:s3cret@127.0.0.1:5432;Database=x"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://u:s3cret@db.example:5433/gb?sslmode=disable", "Host=db.example;Port=5433;Username=u;Password=s3cret;Database=gb;SSL Mode=Disable")]
    [InlineData("postgresql://db/gongbao", "Host=db;Database=gongbao")]
    [InlineData("Host=x;Database=y", "Host=x;Database=y")]
    public void Uri_forms_convert_to_npgsql_settings(string input, string expected)
    {
        Assert.Equal(new NpgsqlConnectionStringBuilder(expected).ConnectionString,
            new NpgsqlConnectionStringBuilder(PostgresConnectionString.Normalize(input)).ConnectionString);
        Assert.DoesNotContain("s3cret", PostgresConnectionString.Redact(input), StringComparison.Ordinal);
    }
}
