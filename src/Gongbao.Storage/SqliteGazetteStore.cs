using Gongbao.Storage.Relational;

using Microsoft.Data.Sqlite;

namespace Gongbao.Storage;

/// <summary>
/// The embedded default store: one SQLite file in WAL mode (readers never block the writer), schema
/// brought up to date on open. All SQL lives in <see cref="RelationalGazetteStore"/> and is shared
/// with the PostgreSQL backend.
/// </summary>
public sealed class SqliteGazetteStore : RelationalGazetteStore
{
    public const string DefaultFileName = "gongbao.db";

    private SqliteGazetteStore(SqliteConnection connection)
        : base(connection)
    {
    }

    public string DatabasePath { get; private init; } = "";

    /// <summary>Opens (creating if needed) the database file at <paramref name="path"/> and migrates it.</summary>
    public static SqliteGazetteStore Open(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // No pooling: a disposed store releases the file at once (tests delete their folders, the CLI exits).
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";
                pragma.ExecuteNonQuery();
            }

            MigrationRunner.Apply(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new SqliteGazetteStore(connection) { DatabasePath = full };
    }

    /// <summary>Opens <c>gongbao.db</c> inside a data directory (the CLI's <c>--data</c>).</summary>
    public static SqliteGazetteStore OpenDirectory(string dataDirectory) =>
        Open(Path.Combine(dataDirectory, DefaultFileName));
}
