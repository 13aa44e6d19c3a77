using System.CommandLine;
using System.Globalization;

using Gongbao.Cli.Ingestion;

using Spectre.Console;

namespace Gongbao.Cli.Commands;

public static class IssuesCommand
{
    public static Command Create(CliContext context)
    {
        var issueId = new Argument<string?>("issue-id") { Description = "Show one source with its stored diagnostics", Arity = ArgumentArity.ZeroOrOne };
        var history = new Option<bool>("--history") { Description = "List every stored version of the source (hash, time, size)" };
        var version = new Option<int?>("--version") { Description = "Print the text of this stored version of the source" };
        var command = new Command("issues", "List the stored sources (gazette issues and standalone documents); incomplete ones are marked") { issueId, history, version };
        command.SetAction(parseResult =>
        {
            using var store = context.OpenStore(parseResult);
            var id = parseResult.GetValue(issueId);
            if (id is null)
            {
                if (parseResult.GetValue(history) || parseResult.GetValue(version) is not null)
                {
                    throw new CliException(ExitCodes.Usage, "--history and --version need a source ID: gongbao issues <id> --history");
                }

                return ListAll(context, store);
            }

            if (parseResult.GetValue(version) is { } n)
            {
                var text = store.VersionText(id, n) ?? throw new CliException(ExitCodes.NotFound,
                    $"no version {n} of '{id}' (see 'gongbao issues {id} --history')");
                context.Output.WriteLine(text);
                return ExitCodes.Success;
            }

            return parseResult.GetValue(history) ? ShowHistory(context, store, id) : ShowOne(context, store, id);
        });
        return command;
    }

    private static int ListAll(CliContext context, Storage.IGazetteStore store)
    {
        var issues = store.ListIssues();
        if (issues.Count == 0)
        {
            context.Console.WriteLine("The store is empty: run 'gongbao ingest <files>' or 'gongbao demo'.");
            return ExitCodes.Success;
        }

        var table = new Table().AddColumn(new TableColumn("ID").NoWrap()).AddColumns("Kind", "Year", "No.", "Cum. no.", "Published", "Documents", "Warnings", "Status", "Source file");
        foreach (var i in issues)
        {
            table.AddRow(Markup.Escape(i.Id), i.Kind.ToString(), Num(i.Year), Num(i.Number), Num(i.CumulativeNumber),
                i.PublicationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", Num(i.DocumentCount), Num(i.WarningCount),
                i.Incomplete ? $"[red]incomplete ({i.ErrorCount} errors)[/]" : "ok", Markup.Escape(i.SourceFile));
        }

        context.Console.Write(table);
        foreach (var i in issues.Where(i => i.Incomplete))
        {
            context.Output.WriteLine($"{i.Id} is incomplete:");
            foreach (var line in (i.Errors ?? "").Split('\n'))
            {
                context.Output.WriteLine("  " + line);
            }
        }

        return ExitCodes.Success;
    }

    private static int ShowHistory(CliContext context, Storage.IGazetteStore store, string id)
    {
        var versions = store.Versions(id);
        if (versions.Count == 0)
        {
            throw new CliException(ExitCodes.NotFound, store.FindSourceState(id) is null
                ? $"no stored source with ID '{id}' (see 'gongbao issues')"
                : $"'{id}' has no recorded versions (stored before versions were kept)");
        }

        var table = new Table().AddColumns("Version", "Stored at (UTC)", "SHA-256", "Documents", "Characters").AddColumn(new TableColumn("Source file").NoWrap());
        foreach (var v in versions)
        {
            table.AddRow(Num(v.Version), v.IngestedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), v.Sha256[..Math.Min(16, v.Sha256.Length)],
                Num(v.Documents), Num(v.TextLength), Markup.Escape(Path.GetFileName(v.SourceFile)));
        }

        context.Console.Write(table);
        context.Console.MarkupLine($"Show one with [bold]gongbao issues {Markup.Escape(id)} --version <n>[/]");
        return ExitCodes.Success;
    }

    private static int ShowOne(CliContext context, Storage.IGazetteStore store, string id)
    {
        var issue = store.GetIssue(id) ?? throw new CliException(ExitCodes.NotFound, $"no stored source with ID '{id}' (see 'gongbao issues')");
        context.Console.MarkupLine($"[bold]{Markup.Escape(issue.Id)}[/] {Markup.Escape(issue.GazetteTitle ?? "")} " +
            $"{Markup.Escape(issue.PublicationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "")} — {issue.Documents.Count} documents, " +
            $"{issue.Contents.Count} contents entries, sha256 {Markup.Escape(issue.SourceSha256)}");
        foreach (var d in issue.Diagnostics)
        {
            context.Console.WriteLine(DiagnosticText.Format(d));
        }

        return ExitCodes.Success;
    }

    private static string Num(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";
}
