using Gongbao.Storage;

using Spectre.Console;

namespace Gongbao.Cli.Tests;

public sealed record CliRun(int ExitCode, string Out, string Err);

/// <summary>Runs the gongbao command in-process against a temporary data directory, capturing both streams.</summary>
public sealed class CliHarness : IDisposable
{
    public CliHarness()
    {
        Root = Path.Combine(Path.GetTempPath(), "gongbao-cli-" + Guid.NewGuid().ToString("N"));
        DataDirectory = Path.Combine(Root, "data");
        InputDirectory = Path.Combine(Root, "input");
        Directory.CreateDirectory(InputDirectory);
    }

    public string Root { get; }

    public string DataDirectory { get; }

    public string InputDirectory { get; }

    public Action<Gongbao.Storage.Relational.RelationalGazetteStore>? StoreOpened { get; set; }

    public CliRun Run(params string[] args) => RunIn(DataDirectory, args);

    /// <summary>As <see cref="Run"/>, on another data directory.</summary>
    public CliRun RunIn(string dataDirectory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 250;
        var context = new CliContext(console, output, error) { StoreOpened = StoreOpened };
        var exit = GongbaoApp.Run(["--data", dataDirectory, .. args], context);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    public string Input(string name, byte[] bytes)
    {
        var path = Path.Combine(InputDirectory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Row counts and a digest of every stored row, to prove a failed command changed nothing.</summary>
    public (StoreCounts Counts, string Digest) Snapshot()
    {
        using var store = SqliteGazetteStore.OpenDirectory(DataDirectory);
        return (store.Counts(), store.ContentDigest());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
