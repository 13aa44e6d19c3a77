using System.CommandLine;
using System.Globalization;

using Gongbao.Rules.Engine;

using Spectre.Console;

namespace Gongbao.Cli.Commands;

/// <summary><c>gongbao explain &lt;scheme&gt;</c>: parameters with values and the provisions that set them, inputs, clauses, interpretation choices.</summary>
public static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var schemeId = new Argument<string>("scheme") { Description = "Scheme ID (see 'gongbao schemes') or document ID" };
        var json = new Option<bool>("--json") { Description = "Print the scheme description as JSON (inputs as JSON Schema)" };
        var command = new Command("explain", "Show a scheme's parameters with their values and cited provisions, its inputs and interpretation choices") { schemeId, json };
        command.SetAction(parseResult =>
        {
            var scheme = SchemeCliJson.Find(parseResult.GetValue(schemeId)!);
            if (parseResult.GetValue(json))
            {
                context.Output.WriteLine(SchemeJson.Describe(scheme).ToJsonString(SchemeCliJson.Options));
                return ExitCodes.Success;
            }

            context.Console.Write(new Rule(Markup.Escape($"{scheme.Title} · {scheme.DocumentNumber} · {scheme.DocumentId}")).LeftJustified());
            context.Console.WriteLine(scheme.Decides);

            var parameters = new Table { Title = new TableTitle("Parameters 参数") }.AddColumns("Name", "Label", "Value", "From", "Provision", "As printed 原文");
            foreach (var p in scheme.Parameters)
            {
                foreach (var v in p.Values)
                {
                    parameters.AddRow(
                        Markup.Escape(p.Name),
                        Markup.Escape(p.Label),
                        Markup.Escape($"{v.Value.ToString("0.####", CultureInfo.InvariantCulture)} {p.Unit}"),
                        v.From == DateOnly.MinValue ? "" : v.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        Markup.Escape(v.Source.ProvisionId),
                        Markup.Escape(v.Source.Quote));
                }
            }

            context.Console.Write(parameters);

            var inputs = new Table { Title = new TableTitle("Inputs 输入") }.AddColumns("Field", "Label", "Type", "Required", "Range / options");
            foreach (var f in scheme.Inputs.Fields)
            {
                var range = f.Options.Count > 0
                    ? string.Join(", ", f.Options.Select(o => o.Value))
                    : f.Min is null && f.Max is null ? "" : $"[{Fmt(f.Min)}, {Fmt(f.Max)}] {f.Unit}";
                inputs.AddRow(Markup.Escape(f.Name), Markup.Escape(f.Label), f.Type.ToString(),
                    f.Required ? (f.Group is null ? "yes" : $"with {Markup.Escape(f.Group)}") : "no", Markup.Escape(range));
            }

            context.Console.Write(inputs);

            var clauses = new Table { Title = new TableTitle("Clauses 条款") }.AddColumns("Name", "Rule", "Provision");
            foreach (var c in scheme.Clauses)
            {
                clauses.AddRow(Markup.Escape(c.Name), Markup.Escape(c.Label), Markup.Escape(c.Source.ProvisionId));
            }

            context.Console.Write(clauses);

            context.Console.Write(new Rule("Interpretation choices 解释选择").LeftJustified());
            foreach (var i in scheme.Interpretations)
            {
                context.Console.MarkupLine($"- {Markup.Escape(i.Choice)} [grey]({Markup.Escape(i.Basis.ProvisionId)}: 「{Markup.Escape(i.Basis.Quote)}」)[/]");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Fmt(decimal? d) => d?.ToString("0.####", CultureInfo.InvariantCulture) ?? "∞";
}
