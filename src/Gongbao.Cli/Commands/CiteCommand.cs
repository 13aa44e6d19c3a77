using System.CommandLine;
using System.Text.Json;

using Spectre.Console;

namespace Gongbao.Cli.Commands;

/// <summary><c>gongbao cite</c>: resolves a citation (京规自发〔2024〕122号第八条, 《…办法》第五条第二款) to the provision.</summary>
public static class CiteCommand
{
    public static Command Create(CliContext context)
    {
        var citation = new Argument<string>("citation") { Description = "A citation as written, e.g. 京规自发[2024]122号 第8条" };
        var json = new Option<bool>("--json") { Description = "Print the resolution as JSON" };
        var command = new Command("cite", "Resolve a citation to the provision it names and print its text") { citation, json };
        command.SetAction(parseResult =>
        {
            using var store = context.OpenStore(parseResult);
            var resolver = new Citations.CitationResolver(store);
            var r = resolver.Resolve(parseResult.GetValue(citation)!);
            if (parseResult.GetValue(json))
            {
                context.Output.WriteLine(JsonSerializer.Serialize(r, CliJson.Options));
                return r.Resolved ? ExitCodes.Success : ExitCodes.NotFound;
            }

            if (r.Result is not { } res)
            {
                context.Fail(r.Error ?? "not resolved");
                return r.Citation is null ? ExitCodes.Usage : ExitCodes.NotFound;
            }

            context.Console.MarkupLine($"[bold]{Markup.Escape(res.DocumentTitle)}[/] {Markup.Escape(res.Label ?? "")}{(res.Heading is null ? "" : Markup.Escape($"【{res.Heading}】"))}");
            context.Console.MarkupLine($"[blue]{Markup.Escape(res.ProvisionId ?? res.DocumentId)}[/] [grey]({Markup.Escape(res.IssueId)})[/]");
            context.Output.WriteLine(res.Text);
            return ExitCodes.Success;
        });
        return command;
    }
}
