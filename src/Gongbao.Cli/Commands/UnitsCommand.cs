using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;

using Gongbao.Domain;
using Gongbao.Parsing;
using Gongbao.Rules.Engine;
using Gongbao.Rules.Extraction;

using Spectre.Console;

namespace Gongbao.Cli.Commands;

/// <summary>
/// <c>gongbao units issue.txt [--document id]</c>: every clause of each document that sets an amount, rate, cap,
/// threshold, deadline or count, marked modelled (linked to a scheme parameter) or unmodelled.
/// </summary>
public static class UnitsCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("gazette") { Description = "Gazette text file" };
        var document = new Option<string?>("--document", "-d") { Description = "Only this document ID" };
        var unmodelled = new Option<bool>("--unmodelled") { Description = "Only units no scheme models yet" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("units", "Candidate rule units (amounts, rates, caps, thresholds, deadlines, counts) per document, modelled or not") { file, document, unmodelled, json };
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file)!;
            GazetteIssue issue;
            try
            {
                issue = new GazetteParser().ParseFile(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException(ExitCodes.InputFailed, $"{path}: {ex.Message}");
            }

            var only = parseResult.GetValue(document);
            var documents = issue.Documents.SelectMany(d => d.Instruments.Prepend(d))
                .Where(d => only is null || d.Id == only).ToList();
            if (documents.Count == 0)
            {
                throw new CliException(ExitCodes.NotFound, $"no document '{only}' in {path}");
            }

            var output = new JsonArray();
            foreach (var d in documents)
            {
                var entries = RuleUnitCatalogue.Of(d, SchemeRegistry.All)
                    .Where(e => !parseResult.GetValue(unmodelled) || e.Parameter is null).ToList();
                if (entries.Count == 0)
                {
                    continue;
                }

                if (parseResult.GetValue(json))
                {
                    output.Add(new JsonObject
                    {
                        ["documentId"] = d.Id,
                        ["units"] = RuleUnitCatalogue.Json(entries),
                    });
                    continue;
                }

                var table = new Table { Title = new TableTitle(Markup.Escape($"{d.Id} · {entries.Count(e => e.Parameter is not null)} modelled, {entries.Count(e => e.Parameter is null)} unmodelled")) }
                    .AddColumns("Provision", "Kind", "Value", "Comparison", "Quote", "Modelled by");
                foreach (var e in entries)
                {
                    table.AddRow(
                        Markup.Escape(e.Unit.ProvisionId),
                        e.Unit.Kind.ToString(),
                        Markup.Escape(e.Unit.Value.ToString("0.####", CultureInfo.InvariantCulture) + " " + e.Unit.Unit),
                        Markup.Escape(e.Unit.Comparison ?? ""),
                        Markup.Escape(e.Unit.Quote),
                        Markup.Escape(e.Parameter is null ? "—" : $"{e.SchemeId}/{e.Parameter}"));
                }

                context.Console.Write(table);
            }

            if (parseResult.GetValue(json))
            {
                context.Output.WriteLine(output.ToJsonString(SchemeCliJson.Options));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
