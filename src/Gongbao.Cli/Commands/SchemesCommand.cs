using System.CommandLine;
using System.Globalization;

using Gongbao.Rules.Engine;

using Spectre.Console;

namespace Gongbao.Cli.Commands;

/// <summary><c>gongbao schemes</c>: the executable schemes with their parameter counts.</summary>
public static class SchemesCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var command = new Command("schemes", "List the executable schemes (scoring, grading, subsidy rules) with their parameter counts") { json };
        command.SetAction(parseResult =>
        {
            if (parseResult.GetValue(json))
            {
                context.Output.WriteLine(new System.Text.Json.Nodes.JsonArray([.. SchemeRegistry.All.Select(s => (System.Text.Json.Nodes.JsonNode)SchemeJson.Summary(s))]).ToJsonString(SchemeCliJson.Options));
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("Scheme", "Document 文件", "Decides", "Parameters", "Clauses", "Inputs");
            foreach (var s in SchemeRegistry.All)
            {
                table.AddRow(
                    Markup.Escape(s.Id),
                    Markup.Escape($"{s.Title}\n{s.DocumentNumber} · {s.DocumentId}"),
                    Markup.Escape(s.Decides),
                    s.Parameters.Count.ToString(CultureInfo.InvariantCulture),
                    s.Clauses.Count.ToString(CultureInfo.InvariantCulture),
                    s.Inputs.Fields.Count.ToString(CultureInfo.InvariantCulture));
            }

            context.Console.Write(table);
            context.Console.WriteLine($"{SchemeRegistry.All.Count} schemes, {SchemeRegistry.All.Sum(s => s.Parameters.Count)} parameters.");
            return ExitCodes.Success;
        });
        return command;
    }
}

/// <summary>JSON settings shared by the scheme commands: indented, Chinese kept readable.</summary>
internal static class SchemeCliJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Scheme Find(string id) => SchemeRegistry.Find(id)
        ?? throw new CliException(ExitCodes.NotFound, $"no scheme '{id}' (see 'gongbao schemes')");
}
