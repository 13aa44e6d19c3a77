using System.CommandLine;

using Gongbao.Cli.Rendering;

using Spectre.Console;

namespace Gongbao.Cli.Commands;

public static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var reference = new Argument<string>("reference")
        {
            Description = "Document number in any printed form (京规自发[2024]122号), document ID or provision ID",
        };
        var issue = new Option<string?>("--issue") { Description = "Use the witness printed in this source (default: the newest gazette issue)" };
        var command = new Command("show", "Show a document or provision as an indented tree with IDs, labels, headings and text")
        {
            reference,
            issue,
        };
        command.SetAction(parseResult =>
        {
            using var store = context.OpenStore(parseResult);
            var item = StoredItem.Resolve(store, parseResult.GetValue(reference)!, parseResult.GetValue(issue));
            if (item.Document is { } witness)
            {
                context.Console.Write(ProvisionTreeView.Header(witness.Document, witness.IssueId,
                    item.Witnesses.Where(w => w != witness).Select(w => w.IssueId).Distinct()));
                context.Console.WriteLine();
                context.Console.Write(ProvisionTreeView.Document(witness.Document));
            }
            else
            {
                var hit = item.Provision!;
                context.Console.MarkupLine($"[grey]{Markup.Escape(hit.IssueId)} · {Markup.Escape(hit.DocumentId)} · {Markup.Escape(hit.DocumentTitle)} · {hit.Provision.Span}[/]");
                context.Console.Write(ProvisionTreeView.Provision(hit.Provision));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
