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
        var command = new Command("issues", "List the stored sources (gazette issues and standalone documents)") { issueId };
        command.SetAction(parseResult =>
        {
            using var store = context.OpenStore(parseResult);
            var id = parseResult.GetValue(issueId);
            return id is null ? ListAll(context, store) : ShowOne(context, store, id);
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

        var table = new Table().AddColumn(new TableColumn("ID").NoWrap()).AddColumns("Kind", "Year", "No.", "Cum. no.", "Published", "Documents", "Warnings", "Source file");
        foreach (var i in issues)
        {
            table.AddRow(Markup.Escape(i.Id), i.Kind.ToString(), Num(i.Year), Num(i.Number), Num(i.CumulativeNumber),
                i.PublicationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", Num(i.DocumentCount), Num(i.WarningCount),
                Markup.Escape(i.SourceFile));
        }

        context.Console.Write(table);
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
