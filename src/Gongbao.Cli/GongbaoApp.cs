using System.CommandLine;
using System.CommandLine.Parsing;

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

    /// <summary>
    /// Usage errors the parser lets through: unknown words next to <c>--help</c> (help would hide them and exit 0)
    /// and an unknown <c>--option</c> taken as an argument value (<c>issues --no-such-option</c>). After <c>--</c>
    /// every word is a value, as written.
    /// </summary>
    private static IEnumerable<string> UsageProblems(ParseResult parseResult)
    {
        foreach (var unmatched in parseResult.UnmatchedTokens)
        {
            yield return $"Unrecognized command or argument '{unmatched}'.";
        }

        foreach (var token in parseResult.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                yield break;
            }

            if (token.Type == TokenType.Argument && token.Value.Length > 2 && token.Value.StartsWith("--", StringComparison.Ordinal))
            {
                yield return $"Unrecognized option '{token.Value}'.";
            }
        }
    }

    /// <summary>Parses and runs a command line; all failures become one line on standard error and an exit code.</summary>
    public static int Run(string[] args, CliContext context)
    {
        var root = BuildRoot(context);
        var parseResult = root.Parse(args);
        var errors = parseResult.Errors.Select(e => e.Message).Concat(UsageProblems(parseResult)).Distinct().ToList();
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                context.Fail(error);
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
