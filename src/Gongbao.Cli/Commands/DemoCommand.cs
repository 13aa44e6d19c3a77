using System.CommandLine;
using System.Globalization;

using Gongbao.Application;
using Gongbao.Cli.Ingestion;
using Gongbao.Parsing;
using Gongbao.Storage;

using Spectre.Console;

namespace Gongbao.Cli.Commands;

/// <summary>
/// The README's main command: ingests the sample gazettes (../shared/gazettes, or $GONGBAO_GAZETTES)
/// into the store and prints a summary. <see cref="IngestSamples"/> is the reusable part for commands
/// that build on the demo (indexing, serving).
/// </summary>
public static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var gazettes = new Option<string?>("--gazettes") { Description = "Folder of gazette files (default: shared/gazettes beside the repository)" };
        var force = new Option<bool>("--force") { Description = "Re-parse files even when their bytes are already stored" };
        var noServe = new Option<bool>("--no-serve") { Description = "Only ingest and index; do not start the web reader" };
        var url = ServeCommand.UrlOption();
        var command = new Command("demo", "Ingest the sample gazettes, index them and serve the web reader (--no-serve: ingest only)") { gazettes, force, noServe, url };
        command.SetAction(parseResult =>
        {
            // The same ingest path as 'gongbao ingest': store, index (with --force too) and caches in one session.
            using var services = SearchServices.OpenWritable(context, parseResult);
            var outcomes = IngestSamples(context, new IngestService(services.Services), parseResult.GetValue(gazettes), parseResult.GetValue(force));
            PrintSummary(context, services.Store, outcomes, context.DataDirectory(parseResult));
            services.ReleaseWriterLock();
            if (!parseResult.GetValue(noServe))
            {
                ServeCommand.Serve(context, services, parseResult.GetValue(url)!);
            }

            return IngestReportView.ExitCode(outcomes);
        });
        return command;
    }

    /// <summary>Locates the sample folder and ingests its files, reporting each outcome.</summary>
    public static IReadOnlyList<SourceIngestResult> IngestSamples(CliContext context, IngestService ingest, string? folder, bool force)
    {
        var directory = folder ?? SampleGazettes.TryLocate()
            ?? throw new CliException(ExitCodes.InputFailed,
                "sample gazettes not found: expected a shared/gazettes folder beside the repository; pass --gazettes <dir> or set GONGBAO_GAZETTES");
        if (!Directory.Exists(directory))
        {
            throw new CliException(ExitCodes.InputFailed, $"{directory}: no such directory");
        }

        var inputs = SourceFiles.ExpandInputs([directory]);
        if (inputs.Files.Count == 0)
        {
            throw new CliException(ExitCodes.InputFailed, $"{directory}: no *.txt gazette files");
        }

        context.Console.MarkupLine($"Ingesting {inputs.Files.Count} files from [bold]{Markup.Escape(directory)}[/]");
        return IngestReportView.Run(context, ingest, inputs, force);
    }

    public static void PrintSummary(CliContext context, IGazetteStore store, IReadOnlyList<SourceIngestResult> outcomes, string dataDirectory)
    {
        var table = new Table { Title = new TableTitle("Stored sources") }
            .AddColumn(new TableColumn("Source").NoWrap()).AddColumns("Kind", "Published", "Documents", "Warnings").AddColumn(new TableColumn("File").NoWrap());
        foreach (var i in store.ListIssues())
        {
            table.AddRow(Markup.Escape(i.Id), i.Kind.ToString(), i.PublicationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                i.DocumentCount.ToString(CultureInfo.InvariantCulture), i.WarningCount.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(Path.GetFileName(i.SourceFile)));
        }

        context.Console.Write(table);
        var c = store.Counts();
        context.Console.MarkupLine(
            $"[bold]{c.Sources}[/] sources, [bold]{c.Documents}[/] documents (+{c.Instruments} instruments), [bold]{c.Provisions}[/] provisions, " +
            $"{c.Attachments} attachments, {c.TocEntries} contents entries in [bold]{Markup.Escape(CliContext.Describe(store))}[/]");
        var failed = outcomes.Count(o => o.Failed);
        if (failed > 0)
        {
            context.Console.MarkupLine($"[red]{failed} files failed[/] (listed above; the store holds the rest)");
        }

        var example = store.AllDocuments().Select(w => w.Document).FirstOrDefault(d => d.Number is not null);
        if (example is not null)
        {
            context.Console.MarkupLine($"Next: [bold]gongbao issues[/], [bold]gongbao toc <id>[/], [bold]gongbao show {Markup.Escape(example.Number!.Canonical)}[/], " +
                $"[bold]gongbao export {Markup.Escape(example.Id)} --format akn[/]");
        }
    }
}
