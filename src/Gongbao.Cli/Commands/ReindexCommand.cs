using System.CommandLine;

using Spectre.Console;

namespace Gongbao.Cli.Commands;

/// <summary><c>gongbao reindex</c>: repairs the search index from the store (the store is the truth).</summary>
public static class ReindexCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("reindex",
            "Bring the search index in line with the store by content (re-index what differs, rebuild an unreadable index); takes the writer lock");
        command.SetAction(parseResult =>
        {
            // Opening for writing reconciles; what remains is to say that store and index now agree.
            using var services = SearchServices.OpenWritable(context, parseResult);
            var report = services.Services.ReconcileIndex();
            context.Console.MarkupLine($"Store and index agree: [bold]{report.Sources}[/] sources, index in {Markup.Escape(SearchServices.IndexDirectory(context, parseResult))}");
            return ExitCodes.Success;
        });
        return command;
    }
}
