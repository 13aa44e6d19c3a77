using System.Globalization;
using System.Text.Json.Nodes;

namespace Gongbao.Rules.Engine;

public enum InputType
{
    Number,
    Integer,
    Boolean,
    Date,

    /// <summary>One value out of <see cref="InputField.Options"/>.</summary>
    Choice,

    /// <summary>Any subset of <see cref="InputField.Options"/> (a JSON array of option values).</summary>
    ChoiceSet,

    /// <summary>A list of option values where repeats count (several projects of the same kind).</summary>
    ChoiceList,
}

/// <summary>An allowed value of a choice input, with the label shown to people.</summary>
public sealed record InputOption(string Value, string Label);

/// <summary>
/// A declared input of a scheme. <see cref="Group"/> ties fields that belong to one measure: when any
/// field of a group is given, the group's required fields must be given too.
/// </summary>
public sealed record InputField
{
    public required string Name { get; init; }

    public required string Label { get; init; }

    public required InputType Type { get; init; }

    public bool Required { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public string? Unit { get; init; }

    public IReadOnlyList<InputOption> Options { get; init; } = [];

    public string? Group { get; init; }

    public string? Help { get; init; }
}

/// <summary>One problem with the inputs, naming the field; <see cref="Code"/> is machine-readable (the reader localises it).</summary>
public sealed record InputError(string Field, string Message, string Code = InputError.Invalid)
{
    public const string Invalid = "invalid";
    public const string Required = "required";
    public const string UnknownField = "unknownField";
    public const string Duplicate = "duplicate";
    public const string NoGroup = "noGroup";
    public const string NotNumber = "notNumber";
    public const string NotInteger = "notInteger";
    public const string OutOfRange = "outOfRange";
    public const string NotBoolean = "notBoolean";
    public const string NotDate = "notDate";
    public const string NotOption = "notOption";
    public const string Unreadable = "unreadable";
    public const string NotInForce = "notInForce";
    public const string Conflict = "conflict";

    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>Thrown when inputs do not satisfy the scheme's schema; never a silently wrong number.</summary>
public sealed class InputValidationException(IReadOnlyList<InputError> errors)
    : Exception("invalid input: " + string.Join("; ", errors))
{
    public IReadOnlyList<InputError> Errors { get; } = errors;
}

/// <summary>Validates a JSON object against a list of fields and gives typed access to the values.</summary>
public sealed class InputSchema(IReadOnlyList<InputField> fields, bool requireOneGroup = false)
{
    public IReadOnlyList<InputField> Fields { get; } = fields;

    /// <summary>Schemes made of independent measures need at least one measure's fields.</summary>
    public bool RequireOneGroup { get; } = requireOneGroup;

    public ValidatedInputs Validate(JsonObject? input)
    {
        input ??= [];
        var errors = new List<InputError>();
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var known = Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        try
        {
            foreach (var (key, _) in input)
            {
                if (!known.Contains(key))
                {
                    errors.Add(new InputError(key, "unknown field (see the scheme's input schema)", InputError.UnknownField));
                }
            }
        }
        catch (ArgumentException ex)
        {
            // A JsonObject built from text with a repeated key fails on first enumeration; which value was meant is unknowable.
            throw new InputValidationException([new InputError("*", "duplicate field in the input object: " + ex.Message, InputError.Duplicate)]);
        }

        foreach (var field in Fields)
        {
            if (!input.TryGetPropertyValue(field.Name, out var node) || node is null)
            {
                continue;
            }

            var value = Convert(field, node, errors);
            if (value is not null)
            {
                values[field.Name] = value;
            }
        }

        var givenGroups = Fields.Where(f => f.Group is not null && input[f.Name] is not null)
            .Select(f => f.Group!).ToHashSet(StringComparer.Ordinal);
        foreach (var field in Fields.Where(f => f.Required && input[f.Name] is null))
        {
            if (field.Group is null || givenGroups.Contains(field.Group))
            {
                errors.Add(new InputError(field.Name, field.Group is null
                    ? $"required ({field.Label})"
                    : $"required when claiming {field.Group} ({field.Label})", InputError.Required));
            }
        }

        if (RequireOneGroup && givenGroups.Count == 0 && errors.Count == 0)
        {
            var groups = Fields.Where(f => f.Group is not null).Select(f => f.Group!).Distinct();
            errors.Add(new InputError("*", "no measure claimed: give the fields of at least one of " + string.Join(", ", groups), InputError.NoGroup));
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        return new ValidatedInputs(values, givenGroups);
    }

    private static object? Convert(InputField field, JsonNode node, List<InputError> errors)
    {
        try
        {
            switch (field.Type)
            {
                case InputType.Number:
                case InputType.Integer:
                    {
                        if (node is JsonValue big && !big.TryGetValue<decimal>(out _) && big.TryGetValue<double>(out var huge))
                        {
                            // A number beyond decimal's range (±7.9e28) is a number, just an unusable one: say so.
                            errors.Add(new InputError(field.Name, $"{huge.ToString("R", CultureInfo.InvariantCulture)} is out of range [{Fmt(field.Min)}, {Fmt(field.Max)}]{(field.Unit is null ? "" : " " + field.Unit)}", InputError.OutOfRange));
                            return null;
                        }

                        if (node is not JsonValue v || !v.TryGetValue<decimal>(out var d))
                        {
                            errors.Add(new InputError(field.Name, $"must be a number, got {node.ToJsonString()}", InputError.NotNumber));
                            return null;
                        }

                        if (field.Type == InputType.Integer && d != decimal.Truncate(d))
                        {
                            errors.Add(new InputError(field.Name, $"must be a whole number, got {Fmt(d)}", InputError.NotInteger));
                            return null;
                        }

                        if (field.Min is { } min && d < min || field.Max is { } max && d > max)
                        {
                            errors.Add(new InputError(field.Name, $"{Fmt(d)} is out of range [{Fmt(field.Min)}, {Fmt(field.Max)}]{(field.Unit is null ? "" : " " + field.Unit)}", InputError.OutOfRange));
                            return null;
                        }

                        return d;
                    }

                case InputType.Boolean:
                    if (node is JsonValue b && b.TryGetValue<bool>(out var flag))
                    {
                        return flag;
                    }

                    errors.Add(new InputError(field.Name, $"must be true or false, got {node.ToJsonString()}", InputError.NotBoolean));
                    return null;
                case InputType.Date:
                    if (node is JsonValue s && s.TryGetValue<string>(out var text)
                        && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        return date;
                    }

                    errors.Add(new InputError(field.Name, $"must be a date yyyy-MM-dd, got {node.ToJsonString()}", InputError.NotDate));
                    return null;
                case InputType.Choice:
                    if (node is JsonValue c && c.TryGetValue<string>(out var choice) && field.Options.Any(o => o.Value == choice))
                    {
                        return choice;
                    }

                    errors.Add(new InputError(field.Name, $"must be one of {string.Join(", ", field.Options.Select(o => o.Value))}, got {node.ToJsonString()}", InputError.NotOption));
                    return null;
                case InputType.ChoiceSet:
                case InputType.ChoiceList:
                    {
                        if (node is not JsonArray array)
                        {
                            errors.Add(new InputError(field.Name, $"must be an array of {string.Join(", ", field.Options.Select(o => o.Value))}", InputError.NotOption));
                            return null;
                        }

                        var set = new List<string>();
                        foreach (var item in array)
                        {
                            if (item is JsonValue iv && iv.TryGetValue<string>(out var str) && field.Options.Any(o => o.Value == str))
                            {
                                if (field.Type == InputType.ChoiceList || !set.Contains(str))
                                {
                                    set.Add(str);
                                }
                            }
                            else
                            {
                                errors.Add(new InputError(field.Name, $"unknown value {item?.ToJsonString() ?? "null"}; allowed: {string.Join(", ", field.Options.Select(o => o.Value))}", InputError.NotOption));
                                return null;
                            }
                        }

                        return (IReadOnlyList<string>)set;
                    }

                default:
                    throw new NotSupportedException(field.Type.ToString());
            }
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or OverflowException)
        {
            errors.Add(new InputError(field.Name, $"unreadable value {node.ToJsonString()}", InputError.Unreadable));
            return null;
        }
    }

    internal static string Fmt(decimal? d) => d is null ? "∞" : d.Value.ToString("0.####", CultureInfo.InvariantCulture);
}

/// <summary>Inputs that passed validation, read by type.</summary>
public sealed class ValidatedInputs(IReadOnlyDictionary<string, object> values, IReadOnlySet<string> groups)
{
    public bool Has(string name) => values.ContainsKey(name);

    /// <summary>True when at least one field of the measure group was given.</summary>
    public bool Claims(string group) => groups.Contains(group);

    public decimal Number(string name) => (decimal)Get(name);

    public decimal Number(string name, decimal fallback) => values.TryGetValue(name, out var v) ? (decimal)v : fallback;

    public bool Flag(string name) => values.TryGetValue(name, out var v) && (bool)v;

    public string Choice(string name) => (string)Get(name);

    public string? ChoiceOrNull(string name) => values.TryGetValue(name, out var v) ? (string)v : null;

    public IReadOnlyList<string> Set(string name) => values.TryGetValue(name, out var v) ? (IReadOnlyList<string>)v : [];

    public DateOnly Date(string name) => (DateOnly)Get(name);

    public DateOnly? DateOrNull(string name) => values.TryGetValue(name, out var v) ? (DateOnly)v : null;

    private object Get(string name) => values.TryGetValue(name, out var v)
        ? v
        : throw new InputValidationException([new InputError(name, "required", InputError.Required)]);
}
