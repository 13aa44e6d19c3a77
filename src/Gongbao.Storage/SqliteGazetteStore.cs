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

    protected override bool GroupsIngests => true;

    /// <summary>
    /// Opens (creating if needed) the database file at <paramref name="path"/> for writing and migrates it.
    /// An existing file is checked first (not empty, <c>PRAGMA quick_check</c> clean): a damaged store
    /// throws <see cref="StoreDamagedException"/> and is never written to.
    /// </summary>
    public static SqliteGazetteStore Open(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var existed = RefuseEmptyFile(full);
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
            if (existed)
            {
                QuickCheck(connection, full);
            }

            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";
                pragma.ExecuteNonQuery();
            }

            var applied = MigrationRunner.Apply(connection);
            if (existed && GazetteSchema.Migrations.Any(m => m.FreesSpace && applied.Contains(m.Version)))
            {
                // The migration moved the rows into a smaller layout: give the freed pages back to the file system.
                using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM";
                vacuum.ExecuteNonQuery();
            }
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new SqliteGazetteStore(connection) { DatabasePath = full };
    }

    /// <summary>
    /// Opens the database for reading only: nothing is created, migrated or locked for writing, so it works
    /// on a read-only directory. A missing file reads as an empty store (in memory).
    /// </summary>
    public static SqliteGazetteStore OpenReadOnly(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            var empty = new SqliteConnection("Data Source=:memory:;Pooling=False");
            empty.Open();
            MigrationRunner.Apply(empty);
            return new SqliteGazetteStore(empty) { DatabasePath = full };
        }

        RefuseEmptyFile(full);
        SqliteConnection? connection = null;
        try
        {
            connection = OpenReadOnlyConnection(full, immutable: false);
        }
        catch (SqliteException)
        {
            // A WAL database in a directory we cannot write (no -shm to create): read the file as it is.
            connection = OpenReadOnlyConnection(full, immutable: true);
        }

        try
        {
            if (MigrationRunner.CurrentVersion(connection) < GazetteSchema.Migrations.Max(m => m.Version))
            {
                // A reader never writes (the directory may be read-only, a writer may be running): it reads a copy
                // of the file brought up to the current schema in memory; the file is upgraded by the next writer.
                var copy = new SqliteConnection("Data Source=:memory:;Pooling=False");
                try
                {
                    copy.Open();
                    connection.BackupDatabase(copy);
                    MigrationRunner.Apply(copy);
                }
                catch
                {
                    copy.Dispose();
                    throw;
                }

                connection.Dispose();
                return new SqliteGazetteStore(copy) { DatabasePath = full, OlderSchema = true };
            }
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new SqliteGazetteStore(connection) { DatabasePath = full };
    }

    /// <summary>
    /// True when a read-only open found the file at an older schema version and reads an upgraded copy in memory
    /// (a snapshot: later writes to the file are not seen). A writing command upgrades the file itself.
    /// </summary>
    public bool OlderSchema { get; private init; }

    private static SqliteConnection OpenReadOnlyConnection(string full, bool immutable)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = immutable ? "file:" + Uri.EscapeDataString(full).Replace("%2F", "/", StringComparison.Ordinal) + "?immutable=1" : full,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            using (var timeout = connection.CreateCommand())
            {
                timeout.CommandText = "PRAGMA busy_timeout = 10000";
                timeout.ExecuteNonQuery();
            }

            // Reads the schema, so a WAL file that cannot be opened (read-only directory) fails here, not later.
            // (In one command with the PRAGMA, ExecuteScalar would stop at the PRAGMA's row and never read.)
            using var probe = connection.CreateCommand();
            probe.CommandText = "SELECT COUNT(*) FROM sqlite_master";
            probe.ExecuteScalar();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <returns>Whether the file exists (and is not empty).</returns>
    private static bool RefuseEmptyFile(string full)
    {
        var info = new FileInfo(full);
        if (info.Exists && info.Length == 0)
        {
            throw new StoreDamagedException(
                $"the store {full} is an empty (0-byte) file, not a database; restore it from a backup or move it away to start a new store. Nothing was changed.");
        }

        return info.Exists;
    }

    private static void QuickCheck(SqliteConnection connection, string full)
    {
        string result;
        try
        {
            using (var timeout = connection.CreateCommand())
            {
                timeout.CommandText = "PRAGMA busy_timeout = 10000";
                timeout.ExecuteNonQuery();
            }

            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA quick_check(5)";
            using var reader = check.ExecuteReader();
            var lines = new List<string>();
            while (reader.Read())
            {
                lines.Add(reader.GetString(0));
            }

            result = string.Join("; ", lines);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 11 or 26)
        {
            // SQLITE_CORRUPT, SQLITE_NOTADB
            result = ex.Message;
        }

        if (result != "ok")
        {
            throw new StoreDamagedException(
                $"the store {full} is damaged (SQLite quick_check: {result}); it was not written to. Restore it from a backup.");
        }
    }

    /// <summary>Opens <c>gongbao.db</c> inside a data directory (the CLI's <c>--data</c>).</summary>
    public static SqliteGazetteStore OpenDirectory(string dataDirectory) =>
        Open(Path.Combine(dataDirectory, DefaultFileName));

    /// <summary>Opens <c>gongbao.db</c> inside a data directory for reading only (see <see cref="OpenReadOnly"/>).</summary>
    public static SqliteGazetteStore OpenDirectoryReadOnly(string dataDirectory) =>
        OpenReadOnly(Path.Combine(dataDirectory, DefaultFileName));
}

/// <summary>The store's file is not a usable database (empty, corrupt): refused before anything is read or written.</summary>
public sealed class StoreDamagedException(string message) : Exception(message);
