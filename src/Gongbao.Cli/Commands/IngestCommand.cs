using System.CommandLine;

using Gongbao.Cli.Ingestion;
using Gongbao.Storage;

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

            var store = context.OpenStore(parseResult);
            IReadOnlyList<FileOutcome> outcomes;
            try
            {
                outcomes = IngestReportView.Run(context, new SourceIngestion(store, context.Parse), files, parseResult.GetValue(force));
            }
            catch
            {
                store.Dispose();
                throw;
            }

            // Keep the search index in step: opening it adds new sources and drops removed ones;
            // a replaced source is re-indexed here, since its ID is already in the index.
            using (var services = SearchServices.Open(context, parseResult, store))
            {
                foreach (var replaced in outcomes.Where(o => o.Result?.Outcome == IngestOutcome.Replaced))
                {
                    if (store.GetIssue(replaced.Result!.IssueId) is { } issue)
                    {
                        services.Index.IndexIssue(issue);
                    }
                }
            }

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
