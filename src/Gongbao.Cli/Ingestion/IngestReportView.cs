using Gongbao.Domain;
using Gongbao.Storage;

using Spectre.Console;

namespace Gongbao.Cli.Ingestion;

/// <summary>Runs an ingest over many files with a progress bar (interactive consoles only) and reports each outcome.</summary>
public static class IngestReportView
{
    public static IReadOnlyList<FileOutcome> Run(CliContext context, SourceIngestion ingestion, IReadOnlyList<string> files, bool force)
    {
        var outcomes = new List<FileOutcome>(files.Count);
        if (files.Count > 1 && context.Console.Profile.Capabilities.Interactive)
        {
            context.Console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("Ingesting", maxValue: files.Count);
                    foreach (var file in files)
                    {
                        task.Description = Markup.Escape(Path.GetFileName(file));
                        outcomes.Add(ingestion.IngestFile(file, force));
                        task.Increment(1);
                    }

                    task.Description = "Ingested";
                });
        }
        else
        {
            outcomes.AddRange(files.Select(f => ingestion.IngestFile(f, force)));
        }

        foreach (var outcome in outcomes)
        {
            Report(context, outcome);
        }

        return outcomes;
    }

    /// <summary>
    /// One plain line per file, then its warnings and errors as <c>file:line: …</c> lines (plain text, never
    /// wrapped, so editors and grep can follow them). Failures also go to standard error.
    /// </summary>
    public static void Report(CliContext context, FileOutcome outcome)
    {
        if (outcome.Failed)
        {
            context.Output.WriteLine($"failed    {outcome.Path}");
            context.Error.WriteLine(outcome.Error);
            return;
        }

        var r = outcome.Result!;
        var detail = r.Outcome == IngestOutcome.Unchanged
            ? "already stored, same bytes"
            : $"{r.Documents} documents, {r.Provisions} provisions, {outcome.Elapsed.TotalMilliseconds:F0} ms";
        context.Output.WriteLine($"{r.Outcome.ToString().ToLowerInvariant(),-9} {r.IssueId}  {outcome.Path}  ({detail})");

        var infos = 0;
        foreach (var d in outcome.Diagnostics)
        {
            if (d.Severity == DiagnosticSeverity.Info)
            {
                infos++;
                continue;
            }

            context.Output.WriteLine("  " + DiagnosticText.Format(d));
        }

        if (infos > 0)
        {
            context.Output.WriteLine($"  {infos} informational note(s): gongbao issues {r.IssueId} lists them");
        }
    }
}
