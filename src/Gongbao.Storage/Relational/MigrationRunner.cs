using System.Data.Common;
using System.Globalization;

namespace Gongbao.Storage.Relational;

/// <summary>
/// Brings a database up to the latest <see cref="GazetteSchema"/> version. Each migration runs in its own
/// transaction together with its row in <c>schema_migrations</c>, so a failed step leaves the previous
/// version intact. Works on any ADO.NET connection whose dialect accepts the shared DDL.
/// </summary>
public static class MigrationRunner
{
    /// <returns>The versions applied by this call (empty when the schema was already current).</returns>
    public static IReadOnlyList<int> Apply(DbConnection connection, IReadOnlyList<SchemaMigration>? migrations = null, SqlDialect? dialect = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        migrations ??= GazetteSchema.Migrations;
        dialect ??= SqlDialect.Of(connection);
        Execute(connection, null,
            $"CREATE TABLE IF NOT EXISTS {GazetteSchema.MigrationTable} (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");

        var current = CurrentVersion(connection);
        var applied = new List<int>();
        foreach (var migration in migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            using var tx = connection.BeginTransaction();
            foreach (var statement in migration.Statements)
            {
                Execute(connection, tx, dialect.Apply(statement));
            }

            migration.Transform?.Invoke(connection, tx);
            foreach (var statement in migration.Cleanup)
            {
                Execute(connection, tx, dialect.Apply(statement));
            }

            using (var record = connection.CreateCommand())
            {
                record.Transaction = tx;
                record.CommandText = $"INSERT INTO {GazetteSchema.MigrationTable} (version, name, applied_at) VALUES (@version, @name, @at)";
                SqlParameters.Add(record, "@version", migration.Version);
                SqlParameters.Add(record, "@name", migration.Name);
                SqlParameters.Add(record, "@at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                record.ExecuteNonQuery();
            }

            tx.Commit();
            applied.Add(migration.Version);
        }

        return applied;
    }

    public static int CurrentVersion(DbConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT MAX(version) FROM {GazetteSchema.MigrationTable}";
        var value = cmd.ExecuteScalar();
        return value is null or DBNull ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    /// <summary>Runs one statement of a migration's data step (in its transaction).</summary>
    internal static void Execute(DbConnection connection, DbTransaction? tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}

/// <summary>
/// What the shared DDL cannot say the same way on both backends: a statement names a binary column
/// <c>{binary}</c>, written BLOB for SQLite and BYTEA for PostgreSQL.
/// </summary>
public sealed record SqlDialect(string Name, string BinaryType)
{
    public static SqlDialect Sqlite { get; } = new("sqlite", "BLOB");

    public static SqlDialect Postgres { get; } = new("postgres", "BYTEA");

    /// <summary>The dialect of a provider's connection (Npgsql: PostgreSQL; any other: SQLite).</summary>
    public static SqlDialect Of(DbConnection connection) =>
        connection.GetType().FullName?.StartsWith("Npgsql.", StringComparison.Ordinal) == true ? Postgres : Sqlite;

    public string Apply(string statement) => statement.Replace("{binary}", BinaryType, StringComparison.Ordinal);
}
