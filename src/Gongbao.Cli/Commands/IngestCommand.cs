using System.CommandLine;

using Gongbao.Cli.Ingestion;

using Spectre.Console;

namespace Gongbao.Cli.Commands;

public static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Gazette files, or directories whose *.txt files are ingested",
            Arity = ArgumentArity.OneOrMore,
        };
        var force = new Option<bool>("--force") { Description = "Re-parse and replace sources even when their bytes are already stored" };
        var command = new Command("ingest", "Parse gazette files and store them, one transaction per file (a failed file changes nothing)")
        {
            paths,
            force,
        };
        command.SetAction(parseResult =>
        {
            var files = SourceIngestion.ExpandInputs(parseResult.GetValue(paths) ?? []);
            if (files.Count == 0)
            {
                context.Fail("no *.txt files found in the given directories");
                return ExitCodes.InputFailed;
            }

            using var store = context.OpenStore(parseResult);
            var outcomes = IngestReportView.Run(context, new SourceIngestion(store, context.Parse), files, parseResult.GetValue(force));
            var failed = outcomes.Count(o => o.Failed);
            if (outcomes.Count > 1)
            {
                context.Console.MarkupLine($"{outcomes.Count - failed} of {outcomes.Count} files stored" + (failed > 0 ? $", [red]{failed} failed[/]" : ""));
            }

            return failed > 0 ? ExitCodes.InputFailed : ExitCodes.Success;
        });
        return command;
    }
}
