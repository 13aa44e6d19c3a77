using System.Globalization;

namespace Gongbao.Rules.Engine;

/// <summary>
/// Where a rule or value comes from: a provision ID (docs/identifiers.md) and the words quoted from it,
/// as printed. The provenance test checks that the provision exists and its text contains the quote.
/// </summary>
public sealed record Citation(string ProvisionId, string Quote)
{
    public override string ToString() => $"[{ProvisionId}] {Quote}";
}

/// <summary>One dated value of a parameter (OpenFisca style): applies from <see cref="From"/> (inclusive) until the next value.</summary>
public sealed record DatedValue(DateOnly From, decimal Value, Citation Source);

/// <summary>
/// A named constant of a scheme (a threshold, a score, a rate, a cap) with its unit and the provision
/// that sets it. Values are kept in the unit as printed (800 分, 30 %, 500 万元): the printed number
/// must appear in the quote, so a reader can check every number against the gazette.
/// </summary>
public sealed class Parameter
{
    public Parameter(string name, string label, string unit, IReadOnlyList<DatedValue> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException($"parameter {name} has no value", nameof(values));
        }

        Name = name;
        Label = label;
        Unit = unit;
        Values = [.. values.OrderBy(v => v.From)];
    }

    public string Name { get; }

    public string Label { get; }

    public string Unit { get; }

    public IReadOnlyList<DatedValue> Values { get; }

    /// <summary>The value in force on <paramref name="date"/>; before the first date the first value applies.</summary>
    public DatedValue At(DateOnly date)
    {
        var current = Values[0];
        foreach (var v in Values)
        {
            if (v.From <= date)
            {
                current = v;
            }
        }

        return current;
    }

    public override string ToString() =>
        $"{Name} = {At(DateOnly.MaxValue).Value.ToString(CultureInfo.InvariantCulture)} {Unit}";
}

/// <summary>A non-numeric rule of a scheme (a condition, a measure, a procedural step) with the provision that states it.</summary>
public sealed record Clause(string Name, string Label, Citation Source);
