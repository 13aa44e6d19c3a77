using Gongbao.Application;
using Gongbao.Domain;
using Gongbao.Storage;

using Spectre.Console;

namespace Gongbao.Cli.Ingestion;

/// <summary>Runs an ingest over many files with a progress bar (interactive consoles only) and reports each outcome.</summary>
public static class IngestReportView
{
    /// <summary>Ingests the files in one session (one index commit) and reports each; the caller holds the writer lock.</summary>
    public static IReadOnlyList<SourceIngestResult> Run(CliContext context, IngestService ingest, InputSet inputs, bool force)
    {
        foreach (var skipped in inputs.Skipped)
        {
            context.Error.WriteLine($"gongbao: skipped {skipped}");
        }

        var files = inputs.Files;
        IReadOnlyList<SourceIngestResult> outcomes = [];
        if (files.Count > 1 && context.Console.Profile.Capabilities.Interactive)
        {
            context.Console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("Ingesting", maxValue: files.Count);
                    outcomes = ingest.IngestFiles(files, force, r =>
                    {
                        task.Description = Markup.Escape(Path.GetFileName(r.Source));
                        task.Increment(1);
                    });
                    task.Description = "Ingested";
                });
        }
        else
        {
            outcomes = ingest.IngestFiles(files, force);
        }

        foreach (var outcome in outcomes)
        {
            Report(context, outcome);
        }

        var indexed = outcomes.Count(o => o.Stored is { Outcome: not IngestOutcome.Unchanged } && !o.IndexPending);
        if (indexed > 0)
        {
            context.Console.MarkupLine($"Indexed [bold]{indexed}[/] sources in one commit");
        }

        return outcomes;
    }

    /// <summary>
    /// One plain line per file, then its warnings and errors as <c>file:line: …</c> lines (plain text, never
    /// wrapped, so editors and grep can follow them). Failures also go to standard error.
    /// </summary>
    public static void Report(CliContext context, SourceIngestResult outcome)
    {
        if (outcome.Failed)
        {
            context.Output.WriteLine($"failed    {outcome.Source}");
            context.Error.WriteLine(outcome.Refusal == IngestRefusal.Unparseable && outcome.Diagnostics.Count > 0
                ? DiagnosticText.Format(outcome.Diagnostics[0])
                : $"{outcome.Source}: {outcome.Error}");
            return;
        }

        var r = outcome.Stored!;
        var detail = r.Outcome == IngestOutcome.Unchanged
            ? "already stored, same bytes"
            : $"{r.Documents} documents, {r.Provisions} provisions, version {r.Version}, {outcome.Elapsed.TotalMilliseconds:F0} ms";
        context.Output.WriteLine($"{r.Outcome.ToString().ToLowerInvariant(),-9} {r.IssueId}  {outcome.Source}  ({detail})");

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

        if (outcome.Incomplete)
        {
            context.Error.WriteLine($"{outcome.Source}: stored as incomplete: the parser reported errors (listed above); 'gongbao issues' marks it");
        }

        if (outcome.IndexPending)
        {
            context.Error.WriteLine($"{outcome.Source}: stored; index update pending ({outcome.IndexProblem}); it is repaired on the next ingest, reindex or search");
        }
    }

    /// <summary>Exit code of a run: 1 when any file failed or was stored incomplete.</summary>
    public static int ExitCode(IReadOnlyList<SourceIngestResult> outcomes) =>
        outcomes.Any(o => o.Failed || o.Incomplete) ? ExitCodes.InputFailed : ExitCodes.Success;
}
