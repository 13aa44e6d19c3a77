using System.Globalization;
using System.Text.Json.Nodes;

namespace Gongbao.Rules.Engine;

/// <summary>JSON views of schemes and results, shared by the HTTP API, the CLI and the web form.</summary>
public static class SchemeJson
{
    public static JsonObject Summary(Scheme s) => new()
    {
        ["id"] = s.Id,
        ["title"] = s.Title,
        ["documentId"] = s.DocumentId,
        ["documentNumber"] = s.DocumentNumber,
        ["sourceFile"] = s.SourceFile,
        ["decides"] = s.Decides,
        ["parameterCount"] = s.Parameters.Count,
        ["clauseCount"] = s.Clauses.Count,
        ["inputCount"] = s.Inputs.Fields.Count,
    };

    public static JsonObject Describe(Scheme s)
    {
        var o = Summary(s);
        o["inputs"] = InputSchemaJson(s.Inputs);
        o["parameters"] = new JsonArray([.. s.Parameters.Select(p => (JsonNode)new JsonObject
        {
            ["name"] = p.Name,
            ["label"] = p.Label,
            ["unit"] = p.Unit,
            ["values"] = new JsonArray([.. p.Values.Select(v => (JsonNode)new JsonObject
            {
                ["from"] = v.From == DateOnly.MinValue ? null : v.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["value"] = v.Value,
                ["provisionId"] = v.Source.ProvisionId,
                ["asPrinted"] = v.Source.Quote,
            })]),
        })]);
        o["clauses"] = new JsonArray([.. s.Clauses.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name,
            ["label"] = c.Label,
            ["provisionId"] = c.Source.ProvisionId,
            ["quote"] = c.Source.Quote,
        })]);
        o["outputs"] = new JsonArray([.. s.OutputLabels.Select(x => (JsonNode)new JsonObject
        {
            ["name"] = x.Name,
            ["label"] = x.Label,
            ["unit"] = x.Unit,
            ["values"] = x.Values.Count == 0 ? null : new JsonObject([.. x.Values.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value)))]),
        })]);
        o["interpretations"] = new JsonArray([.. s.Interpretations.Select(i => (JsonNode)new JsonObject
        {
            ["choice"] = i.Choice,
            ["provisionId"] = i.Basis.ProvisionId,
            ["quote"] = i.Basis.Quote,
        })]);
        return o;
    }

    /// <summary>The inputs as a JSON Schema object (draft 2020-12 subset) with x-gongbao extensions for labels and groups.</summary>
    public static JsonObject InputSchemaJson(InputSchema schema)
    {
        var properties = new JsonObject();
        foreach (var f in schema.Fields)
        {
            var p = new JsonObject { ["title"] = f.Label };
            switch (f.Type)
            {
                case InputType.Number:
                    p["type"] = "number";
                    break;
                case InputType.Integer:
                    p["type"] = "integer";
                    break;
                case InputType.Boolean:
                    p["type"] = "boolean";
                    break;
                case InputType.Date:
                    p["type"] = "string";
                    p["format"] = "date";
                    break;
                case InputType.Choice:
                    p["type"] = "string";
                    p["enum"] = new JsonArray([.. f.Options.Select(o => (JsonNode)JsonValue.Create(o.Value))]);
                    break;
                case InputType.ChoiceSet:
                case InputType.ChoiceList:
                    p["type"] = "array";
                    p["items"] = new JsonObject { ["enum"] = new JsonArray([.. f.Options.Select(o => (JsonNode)JsonValue.Create(o.Value))]) };
                    p["uniqueItems"] = f.Type == InputType.ChoiceSet;
                    break;
            }

            if (f.Min is { } min)
            {
                p["minimum"] = min;
            }

            if (f.Max is { } max)
            {
                p["maximum"] = max;
            }

            if (f.Options.Count > 0)
            {
                p["x-optionLabels"] = new JsonObject([.. f.Options.Select(o => KeyValuePair.Create(o.Value, (JsonNode?)JsonValue.Create(o.Label)))]);
            }

            if (f.Unit is not null)
            {
                p["x-unit"] = f.Unit;
            }

            if (f.Group is not null)
            {
                p["x-group"] = f.Group;
                p["x-requiredInGroup"] = f.Required;
            }

            if (f.Help is not null)
            {
                p["description"] = f.Help;
            }

            properties[f.Name] = p;
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. schema.Fields.Where(f => f.Required && f.Group is null).Select(f => (JsonNode)JsonValue.Create(f.Name))]),
            ["additionalProperties"] = false,
            ["x-requireOneGroup"] = schema.RequireOneGroup,
        };
    }

    public static JsonObject Result(EvaluationResult r) => new()
    {
        ["scheme"] = r.SchemeId,
        ["asOf"] = r.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["outputs"] = new JsonObject([.. r.Outputs.Select(o => KeyValuePair.Create(o.Key, Value(o.Value)))]),
        ["trace"] = Trace(r.Trace),
    };

    public static JsonObject Trace(TraceStep step)
    {
        var o = new JsonObject { ["label"] = step.Label };
        if (step.Value is not null)
        {
            o["value"] = step.Value;
        }

        if (step.Unit is not null)
        {
            o["unit"] = step.Unit;
        }

        if (step.Source is not null)
        {
            o["provisionId"] = step.Source.ProvisionId;
            o["excerpt"] = step.Source.Quote;
        }

        if (step.Children.Count > 0)
        {
            o["steps"] = new JsonArray([.. step.Children.Select(c => (JsonNode)Trace(c))]);
        }

        return o;
    }

    public static JsonObject Errors(InputValidationException e) => new()
    {
        ["errors"] = new JsonArray([.. e.Errors.Select(x => (JsonNode)new JsonObject { ["field"] = x.Field, ["message"] = x.Message })]),
    };

    private static JsonNode? Value(object? v) => v switch
    {
        null => null,
        decimal d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        string s => JsonValue.Create(s),
        DateOnly date => JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        IEnumerable<string> list => new JsonArray([.. list.Select(x => (JsonNode)JsonValue.Create(x))]),
        IEnumerable<KeyValuePair<string, object?>> map => new JsonObject([.. map.Select(kv => KeyValuePair.Create(kv.Key, Value(kv.Value)))]),
        _ => JsonValue.Create(Convert.ToString(v, CultureInfo.InvariantCulture)),
    };
}
