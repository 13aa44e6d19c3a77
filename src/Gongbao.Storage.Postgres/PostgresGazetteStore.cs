using Gongbao.Storage.Relational;

using Npgsql;

namespace Gongbao.Storage.Postgres;

/// <summary>
/// The server backend: the same <see cref="RelationalGazetteStore"/> SQL and <see cref="GazetteSchema"/>
/// migrations as SQLite, over one Npgsql connection. Migrations run under an advisory lock so several
/// processes opening a fresh database at once apply each version exactly once.
/// </summary>
public sealed class PostgresGazetteStore : RelationalGazetteStore
{
    // Arbitrary constant naming the migration lock of this schema ("gongbao" in ASCII, truncated).
    private const long MigrationLockKey = 0x676F6E6762616F;

    private PostgresGazetteStore(NpgsqlConnection connection)
        : base(connection)
    {
    }

    /// <summary>The connection string actually used (URI forms converted, password removed).</summary>
    public string Target { get; private init; } = "";

    /// <summary>
    /// Opens the database named by <paramref name="connectionString"/> — an Npgsql key/value string
    /// (<c>Host=…;Database=…</c>) or a URI (<c>postgres://user:pass@host:port/db</c>) — and migrates it.
    /// </summary>
    public static PostgresGazetteStore Open(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Normalize(connectionString))
        {
            // The store holds its one connection for its lifetime; pooling would only keep servers busy after Dispose.
            Pooling = false,
        };
        if (builder.MaxAutoPrepare == 0)
        {
            // The shared inserts are executed once per row with fixed text: let Npgsql prepare them server-side.
            builder.MaxAutoPrepare = 32;
        }

        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", connection))
            {
                lockCommand.ExecuteNonQuery();
            }

            try
            {
                MigrationRunner.Apply(connection);
            }
            finally
            {
                using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockKey})", connection);
                unlock.ExecuteNonQuery();
            }
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        builder.Password = null;
        return new PostgresGazetteStore(connection) { Target = builder.ConnectionString };
    }

    /// <summary>Read methods run in one REPEATABLE READ snapshot, so a reader never sees half of a concurrent replace.</summary>
    protected override string BeginReadSnapshotSql => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
}
