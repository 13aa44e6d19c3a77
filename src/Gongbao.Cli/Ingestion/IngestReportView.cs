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

    /// <summary>One line per file on standard output; failures and their diagnostics also as plain lines on standard error.</summary>
    public static void Report(CliContext context, FileOutcome outcome)
    {
        if (outcome.Failed)
        {
            context.Console.MarkupLine($"[red]failed[/]    {Markup.Escape(outcome.Path)}");
            context.Error.WriteLine(outcome.Error);
            return;
        }

        var r = outcome.Result!;
        var detail = r.Outcome == IngestOutcome.Unchanged
            ? "already stored, same bytes"
            : $"{r.Documents} documents, {r.Provisions} provisions, {outcome.Elapsed.TotalMilliseconds:F0} ms";
        var colour = r.Outcome switch { IngestOutcome.Added => "green", IngestOutcome.Replaced => "yellow", _ => "grey" };
        context.Console.MarkupLine(
            $"[{colour}]{r.Outcome.ToString().ToLowerInvariant(),-9}[/] {Markup.Escape(r.IssueId)} [grey]({Markup.Escape(detail)}) ← {Markup.Escape(outcome.Path)}[/]");

        var infos = 0;
        foreach (var d in outcome.Diagnostics)
        {
            if (d.Severity == DiagnosticSeverity.Info)
            {
                infos++;
                continue;
            }

            var line = DiagnosticText.Format(d);
            context.Console.MarkupLine($"  [{(d.Severity == DiagnosticSeverity.Error ? "red" : "yellow")}]{Markup.Escape(line)}[/]");
        }

        if (infos > 0)
        {
            context.Console.MarkupLine($"  [grey]{infos} informational notes (gongbao issues {Markup.Escape(r.IssueId)} lists them)[/]");
        }
    }
}
