using System.CommandLine;

namespace Gongbao.Cli;

public static partial class GongbaoApp
{
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand(
            "gongbao — the Beijing Municipal People's Government Gazette as a machine-readable policy base.\n" + ExitCodes.HelpText);
        root.Options.Add(context.Data);
        root.Options.Add(context.Store);
        foreach (var create in Commands)
        {
            root.Subcommands.Add(create(context));
        }

        return root;
    }

    /// <summary>Parses and runs a command line; all failures become one line on standard error and an exit code.</summary>
    public static int Run(string[] args, CliContext context)
    {
        var root = BuildRoot(context);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                context.Fail(error.Message);
            }

            context.Error.WriteLine("Run 'gongbao --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = context.Output,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (CliException ex)
        {
            context.Fail(ex.Message);
            return ex.ExitCode;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            context.Fail($"unexpected error: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.StoreError;
        }
    }
}
