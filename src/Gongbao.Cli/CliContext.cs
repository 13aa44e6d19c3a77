using System.CommandLine;

using Gongbao.Domain;
using Gongbao.Parsing;
using Gongbao.Storage;

using Spectre.Console;

namespace Gongbao.Cli;

/// <summary>
/// What every command needs: the consoles (so tests can capture output in-process), the global
/// <c>--data</c> option and how to open the store and parse a file.
/// </summary>
public sealed class CliContext
{
    public const string DataEnvironmentVariable = "GONGBAO_DATA";
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
    }

    /// <summary>Rich output: tables, trees, progress.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Plain standard output, for machine-readable output (JSON, XML) that must not be wrapped or styled.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error: one line per problem, never a stack trace.</summary>
    public TextWriter Error { get; }

    public Option<string> Data { get; }

    /// <summary>Parses one source file; throws <see cref="GazetteFormatException"/> for unusable input.</summary>
    public Func<string, GazetteIssue> Parse { get; init; } = path => new GazetteParser().ParseFile(path);

    /// <summary>Called on every store the commands open (tests use it to inject faults).</summary>
    public Action<SqliteGazetteStore>? StoreOpened { get; init; }

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

    public SqliteGazetteStore OpenStore(ParseResult parseResult)
    {
        var directory = DataDirectory(parseResult);
        SqliteGazetteStore store;
        try
        {
            store = SqliteGazetteStore.OpenDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            throw new CliException(ExitCodes.StoreError, $"cannot open the store in {directory}: {ex.Message}");
        }

        StoreOpened?.Invoke(store);
        return store;
    }

    /// <summary>Writes one error line to standard error.</summary>
    public void Fail(string message) => Error.WriteLine($"gongbao: {message}");
}

/// <summary>A failure to report as one line with a specific exit code.</summary>
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
