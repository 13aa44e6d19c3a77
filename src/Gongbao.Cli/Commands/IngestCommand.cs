using System.CommandLine;

using Gongbao.Application;
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
        var force = new Option<bool>("--force")
        {
            Description = "Replace a stored source by a different text under the same ID (the old text stays in its history), or re-parse unchanged bytes",
        };
        var command = new Command("ingest", "Parse gazette files and store them, each file whole or not at all (a failed file changes nothing; up to 16 files share a transaction, and a file is reported once it is committed), then index them in one commit")
        {
            paths,
            force,
        };
        command.SetAction(parseResult =>
        {
            var inputs = SourceFiles.ExpandInputs(parseResult.GetValue(paths) ?? []);
            if (inputs.Files.Count == 0)
            {
                foreach (var skipped in inputs.Skipped)
                {
                    context.Error.WriteLine($"gongbao: skipped {skipped}");
                }

                context.Fail("no *.txt files found in the given directories");
                return ExitCodes.InputFailed;
            }

            using var services = SearchServices.OpenWritable(context, parseResult);
            var outcomes = IngestReportView.Run(context, new IngestService(services.Services), inputs, parseResult.GetValue(force));
            var failed = outcomes.Count(o => o.Failed);
            if (outcomes.Count > 1)
            {
                context.Console.MarkupLine($"{outcomes.Count - failed} of {outcomes.Count} files stored" + (failed > 0 ? $", [red]{failed} failed[/]" : ""));
            }

            return IngestReportView.ExitCode(outcomes);
        });
        return command;
    }
}
