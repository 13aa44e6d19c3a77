using System.Globalization;

namespace Gongbao.Rules.Engine;

/// <summary>
/// One step of an evaluation: what was computed, its value, and the provision it rests on. Steps nest
/// (a grade rests on a score, which rests on its parts), so the whole trace is a tree.
/// </summary>
public sealed class TraceStep(string label, string? value = null, string? unit = null, Citation? source = null)
{
    public string Label { get; } = label;

    public string? Value { get; internal set; } = value;

    public string? Unit { get; } = unit;

    public Citation? Source { get; } = source;

    public List<TraceStep> Children { get; } = [];

    public IEnumerable<TraceStep> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var d in child.DescendantsAndSelf())
            {
                yield return d;
            }
        }
    }

    public override string ToString() =>
        Label + (Value is null ? "" : " = " + Value + (Unit is null ? "" : " " + Unit)) + (Source is null ? "" : " " + Source);

    internal static string Format(object? value) => value switch
    {
        null => "—",
        decimal d => d.ToString("0.####", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IEnumerable<string> list => "[" + string.Join(", ", list) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>The result of evaluating a scheme: named outputs and the trace that explains them.</summary>
public sealed record EvaluationResult(
    string SchemeId,
    DateOnly AsOf,
    IReadOnlyList<KeyValuePair<string, object?>> Outputs,
    TraceStep Trace)
{
    public object? Output(string name) => Outputs.FirstOrDefault(o => o.Key == name).Value;

    public decimal Number(string name) => Output(name) is decimal d
        ? d
        : throw new KeyNotFoundException($"output {name} is not a number in {SchemeId}");

    public string Text(string name) => Output(name) as string
        ?? throw new KeyNotFoundException($"output {name} is not text in {SchemeId}");

    public IReadOnlyList<string> List(string name) => Output(name) as IReadOnlyList<string> ?? [];
}
