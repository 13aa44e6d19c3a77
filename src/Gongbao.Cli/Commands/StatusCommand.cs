using System.CommandLine;
using System.Globalization;
using System.Text.Json;

using Gongbao.Citations;
using Gongbao.Citations.Relations;

using Spectre.Console;

namespace Gongbao.Cli.Commands;

/// <summary>
/// <c>gongbao status</c>: a document's legal status as of a given date (尚未施行, 现行有效, 已失效, 已废止, 部分修改) with
/// the reason, and with <c>--relations</c> the relations it states and those stated about it.
/// </summary>
public static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var reference = new Argument<string>("document") { Description = "Document ID, number (京建法〔2024〕12号) or, for a document not stored, its number as cited" };
        var asOf = new Option<string>("--as-of") { Description = "The date to evaluate at, yyyy-MM-dd (required: no default to today)", Required = true };
        var relations = new Option<bool>("--relations") { Description = "Also list outgoing and incoming relations" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("status", "Legal status of a document as of a date, with the reason") { reference, asOf, relations, json };
        command.SetAction(parseResult =>
        {
            if (!DateOnly.TryParseExact(parseResult.GetValue(asOf), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                context.Fail("--as-of must be a date yyyy-MM-dd");
                return ExitCodes.Usage;
            }

            using var store = context.OpenStore(parseResult);
            var graph = new RelationGraph(store, new CitationResolver(store));
            var asked = parseResult.GetValue(reference)!.Trim();
            var found = store.FindDocument(asked);
            var key = found.Count > 0 ? found[0].Document.Id : Relation.KeyOf(null, Domain.DocumentNumber.Find(asked)) is { Length: > 0 } k ? k : asked;
            if (found.Count == 0 && graph.Incoming(key).Count == 0)
            {
                context.Fail($"'{asked}' is neither a stored document nor cited by one.");
                return ExitCodes.NotFound;
            }

            var status = new LegalStatusEvaluator(graph).Evaluate(key, date);
            var outgoing = parseResult.GetValue(relations) ? graph.Outgoing(key) : [];
            var incoming = parseResult.GetValue(relations) ? graph.Incoming(key) : [];
            if (parseResult.GetValue(json))
            {
                context.Output.WriteLine(JsonSerializer.Serialize(new { status, outgoing, incoming }, CliJson.Options));
                return ExitCodes.Success;
            }

            context.Console.MarkupLine($"[bold]{Markup.Escape(status.Badge)}[/] {Markup.Escape(key)} [grey](as of {date:yyyy-MM-dd})[/]");
            context.Output.WriteLine(status.Reason);
            foreach (var r in outgoing)
            {
                context.Output.WriteLine($"→ {r.Kind} {r.Printed} [{r.TargetDocumentId ?? "external"}] ({r.SourceProvisionId})");
            }

            foreach (var r in incoming)
            {
                context.Output.WriteLine($"← {r.Kind} by {r.SourceDocumentId} ({r.SourceProvisionId})");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
