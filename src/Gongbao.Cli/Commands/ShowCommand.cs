using System.CommandLine;

using System.Globalization;
using System.Text.Json;

using Gongbao.Citations;
using Gongbao.Citations.Relations;
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
        var asOf = new Option<string?>("--as-of") { Description = "Legal status as of this date, yyyy-MM-dd (default: today in Beijing)" };
        var json = new Option<bool>("--json") { Description = "Print JSON: the document or provision with its status" };
        var command = new Command("show", "Show a document or provision as an indented tree with IDs, labels, headings and text, and its legal status")
        {
            reference,
            issue,
            asOf,
            json,
        };
        command.SetAction(parseResult =>
        {
            var date = LegalStates.TodayInBeijing();
            if (parseResult.GetValue(asOf) is { } asked
                && !DateOnly.TryParseExact(asked, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                context.Fail("--as-of must be a date yyyy-MM-dd");
                return ExitCodes.Usage;
            }

            using var store = context.OpenStore(parseResult);
            var item = StoredItem.Resolve(store, parseResult.GetValue(reference)!, parseResult.GetValue(issue));
            // The status is the document's: for a provision (or instrument), of the document printing it.
            var graph = new RelationGraph(store, new CitationResolver(store));
            var owner = graph.Owner(item.Document?.Document.Id ?? item.Provision?.Provision.Id ?? "");
            var status = owner is null ? null : new LegalStatusEvaluator(graph).Evaluate(owner.Document.Id, date);
            if (parseResult.GetValue(json))
            {
                context.Output.WriteLine(JsonSerializer.Serialize(new
                {
                    issueId = item.Document?.IssueId ?? item.Provision?.IssueId,
                    status = status is null ? null : new
                    {
                        documentId = status.Target,
                        asOf = status.AsOf,
                        state = status.State,
                        badge = status.Badge,
                        reason = status.Reason,
                        effectiveFrom = status.EffectiveFrom,
                        effectiveUntil = status.EffectiveUntil,
                        decidedBy = status.DecidedBy,
                    },
                    document = item.Document?.Document,
                    provision = item.Provision,
                }, CliJson.Options));
                return ExitCodes.Success;
            }

            if (status is not null)
            {
                context.Console.MarkupLine($"[bold]{Markup.Escape(status.Badge)}[/] [grey]({status.AsOf:yyyy-MM-dd})[/] {Markup.Escape(status.Reason)}");
            }

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
