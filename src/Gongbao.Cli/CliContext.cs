using System.CommandLine;

using Gongbao.Storage;
using Gongbao.Storage.Postgres;
using Gongbao.Storage.Relational;

using Spectre.Console;

namespace Gongbao.Cli;

/// <summary>
/// What every command needs: the consoles (so tests can capture output in-process), the global
/// <c>--data</c> option and how to open the store and parse a file.
/// </summary>
public sealed class CliContext
{
    public const string DataEnvironmentVariable = "GONGBAO_DATA";
    public const string StoreEnvironmentVariable = "GONGBAO_STORE";
    public const string DefaultDataDirectory = ".gongbao";

    public CliContext(IAnsiConsole console, TextWriter output, TextWriter error)
    {
        Console = console;
        Output = output;
        Error = error;
        Data = new Option<string>("--data")
        {
            Description = $"Data directory holding gongbao.db (default ./{DefaultDataDirectory}, or ${DataEnvironmentVariable})",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(DataEnvironmentVariable) is { Length: > 0 } env ? env : DefaultDataDirectory,
            Recursive = true,
        };
        Store = new Option<string?>("--store", "--pg")
        {
            Description = "PostgreSQL store instead of SQLite: a URI (postgres://user@host:5432/db) or an Npgsql string " +
                $"(\"Host=…;Database=…\"); default: SQLite in --data (or ${StoreEnvironmentVariable})",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(StoreEnvironmentVariable) is { Length: > 0 } env ? env : null,
            Recursive = true,
        };
    }

    /// <summary>Rich output: tables, trees, progress.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Plain standard output, for machine-readable output (JSON, XML) that must not be wrapped or styled.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error: one line per problem, never a stack trace.</summary>
    public TextWriter Error { get; }

    public Option<string> Data { get; }

    /// <summary>The global <c>--store</c> option: a PostgreSQL connection; absent means SQLite in <see cref="Data"/>.</summary>
    public Option<string?> Store { get; }

    /// <summary>Called on every store the commands open (tests use it to inject faults).</summary>
    public Action<RelationalGazetteStore>? StoreOpened { get; init; }

    public static CliContext ForProcess()
    {
        var console = AnsiConsole.Console;
        if (System.Console.IsOutputRedirected)
        {
            // Redirected output has no width; 80 columns would wrap IDs and Chinese text needlessly.
            console.Profile.Width = 160;
        }

        return new(console, System.Console.Out, System.Console.Error);
    }

    public string DataDirectory(ParseResult parseResult) => Path.GetFullPath(parseResult.GetValue(Data) ?? DefaultDataDirectory);

    /// <summary>
    /// Opens the store chosen by <c>--store</c> (PostgreSQL) or <c>--data</c> (SQLite, the default). Without
    /// <paramref name="write"/> a SQLite store is opened read-only (works on a read-only directory, never creates
    /// or migrates); for writing it is checked first (an empty or corrupt file is refused, exit 4).
    /// </summary>
    public RelationalGazetteStore OpenStore(ParseResult parseResult, bool write = false)
    {
        var server = parseResult.GetValue(Store);
        RelationalGazetteStore store;
        if (server is { Length: > 0 })
        {
            if (!PostgresConnectionString.IsPostgres(server))
            {
                throw new CliException(ExitCodes.Usage, "--store takes a PostgreSQL URI (postgres://…) or an Npgsql connection string (Host=…;Database=…)");
            }

            try
            {
                store = PostgresGazetteStore.Open(server);
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or ArgumentException or InvalidOperationException or TimeoutException)
            {
                throw new CliException(ExitCodes.StoreError, $"cannot open the PostgreSQL store {PostgresConnectionString.Redact(server)}: {ex.Message}");
            }
        }
        else
        {
            var directory = DataDirectory(parseResult);
            try
            {
                var sqlite = write ? SqliteGazetteStore.OpenDirectory(directory) : SqliteGazetteStore.OpenDirectoryReadOnly(directory);
                if (sqlite.OlderSchema)
                {
                    Error.WriteLine($"gongbao: the store {sqlite.DatabasePath} has an older schema; reading a copy upgraded in memory " +
                        "(a writing command such as 'gongbao reindex' upgrades the file)");
                }

                store = sqlite;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or StoreDamagedException)
            {
                throw new CliException(ExitCodes.StoreError, $"cannot open the store in {directory}: {ex.Message}");
            }
        }

        StoreOpened?.Invoke(store);
        return store;
    }

    /// <summary>Where a store lives, for messages: the SQLite file or the PostgreSQL target (no password).</summary>
    public static string Describe(IGazetteStore store) => store switch
    {
        SqliteGazetteStore s => s.DatabasePath,
        PostgresGazetteStore p => p.Target,
        _ => store.GetType().Name,
    };

    /// <summary>Writes one error line to standard error.</summary>
    public void Fail(string message) => Error.WriteLine($"gongbao: {message}");
}

/// <summary>A failure to report as one line with a specific exit code.</summary>
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
