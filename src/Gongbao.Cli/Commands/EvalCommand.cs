using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

using Gongbao.Rules.Engine;

using Spectre.Console;

namespace Gongbao.Cli.Commands;

/// <summary><c>gongbao eval &lt;scheme&gt; --input case.json</c>: the result and its trace, each step with the provision it rests on.</summary>
public static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var schemeId = new Argument<string>("scheme") { Description = "Scheme ID (see 'gongbao schemes') or document ID" };
        var input = new Option<string>("--input", "-i") { Description = "JSON file with the case's inputs ('-' for standard input)", Required = true };
        var asOf = new Option<string>("--as-of") { Description = "Evaluation date (yyyy-MM-dd) choosing the parameter values in force", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the result and trace as JSON" };
        var command = new Command("eval", "Evaluate a scheme on a case and explain the result by the provisions it came from") { schemeId, input, asOf, json };
        command.SetAction(parseResult =>
        {
            var scheme = SchemeCliJson.Find(parseResult.GetValue(schemeId)!);
            var path = parseResult.GetValue(input)!;
            var inputs = ReadInput(path);
            var text = parseResult.GetValue(asOf)!;
            var date = SchemeInput.ParseDate(text) ?? throw new CliException(ExitCodes.Usage, $"--as-of: expected yyyy-MM-dd, got '{text}'");

            EvaluationResult result;
            try
            {
                result = scheme.Evaluate(inputs, date);
            }
            catch (InputValidationException ex)
            {
                foreach (var e in ex.Errors)
                {
                    context.Fail($"{path}: {e.Field}: {e.Message}");
                }

                return ExitCodes.InputFailed;
            }

            if (parseResult.GetValue(json))
            {
                context.Output.WriteLine(SchemeJson.Result(result).ToJsonString(SchemeCliJson.Options));
                return ExitCodes.Success;
            }

            // Human-readable: the scheme data's Chinese labels, units and value labels (the reader shows the same); --json keeps the keys.
            var labels = scheme.OutputLabels.ToDictionary(o => o.Name, StringComparer.Ordinal);
            var outputs = new Table { Title = new TableTitle(Markup.Escape($"{scheme.Title} · {scheme.DocumentNumber}")) }.AddColumns("Output", "Value");
            foreach (var (name, value) in result.Outputs)
            {
                var label = labels.GetValueOrDefault(name);
                outputs.AddRow(Markup.Escape(string.IsNullOrEmpty(label?.Label) ? name : label.Label), Markup.Escape(Format(value, label)));
            }

            context.Console.Write(outputs);
            var tree = new Tree(Markup.Escape(result.Trace.Label));
            foreach (var step in result.Trace.Children)
            {
                Add(tree.AddNode(Node(step)), step);
            }

            context.Console.Write(tree);
            return ExitCodes.Success;
        });
        return command;
    }

    private static JsonObject ReadInput(string path)
    {
        try
        {
            var text = path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path);
            return SchemeInput.Parse(text)
                ?? throw new CliException(ExitCodes.InputFailed, $"{path}: the input must be a JSON object");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.InputFailed, $"{path}: {ex.Message}");
        }
        catch (JsonException ex)
        {
            throw new CliException(ExitCodes.InputFailed, $"{path}: invalid JSON at line {(ex.LineNumber ?? 0) + 1}: {ex.Message}");
        }
    }

    private static void Add(TreeNode node, TraceStep step)
    {
        foreach (var child in step.Children)
        {
            Add(node.AddNode(Node(child)), child);
        }
    }

    private static string Node(TraceStep s)
    {
        var text = Markup.Escape(s.Label);
        if (s.Value is not null)
        {
            text += " = [bold]" + Markup.Escape(s.Value + (s.Unit is null ? "" : " " + s.Unit)) + "[/]";
        }

        if (s.Source is not null)
        {
            text += $" [blue]{Markup.Escape(s.Source.ProvisionId)}[/] [grey]「{Markup.Escape(s.Source.Quote)}」[/]";
        }

        return text;
    }

    private static string Format(object? value, OutputEntry? label)
    {
        var unit = string.IsNullOrEmpty(label?.Unit) ? "" : " " + label.Unit;
        string Named(string code) => label is not null && label.Values.TryGetValue(code, out var text) ? text : code;
        return value switch
        {
            null => "—",
            decimal d => d.ToString("#,0.####", CultureInfo.InvariantCulture) + unit,
            bool b => b ? "是" : "否",
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            string text => Named(text),
            IEnumerable<string> list => list.Any() ? string.Join("\n", list.Select(Named)) : "无",
            IEnumerable<KeyValuePair<string, object?>> map => string.Join("\n", map.Select(kv => $"{kv.Key}：{Format(kv.Value, label)}")),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) + unit,
        };
    }
}
