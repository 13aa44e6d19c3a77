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

    /// <summary>
    /// The value in force on <paramref name="date"/>: the latest value dated on or before it. A date before the first
    /// dated value has no known value and is refused (<see cref="NotInForceException"/>), never given a later year's figure.
    /// </summary>
    public DatedValue At(DateOnly date)
    {
        DatedValue? current = null;
        foreach (var v in Values)
        {
            if (v.From <= date)
            {
                current = v;
            }
        }

        return current ?? throw new NotInForceException(
            $"{Label} ({Name}) has no value in force on {date:yyyy-MM-dd}: the first known value applies from {Values[0].From:yyyy-MM-dd} [{Values[0].Source.ProvisionId}]");
    }

    public override string ToString() =>
        $"{Name} = {At(DateOnly.MaxValue).Value.ToString(CultureInfo.InvariantCulture)} {Unit}";
}

/// <summary>A non-numeric rule of a scheme (a condition, a measure, a procedural step) with the provision that states it.</summary>
public sealed record Clause(string Name, string Label, Citation Source);

/// <summary>One bracket of a scale: from <see cref="Threshold"/> (comparison read from the printed words) the amount is
/// <see cref="Amount"/> + base × <see cref="Rate"/>%.</summary>
public sealed record Bracket(decimal Threshold, string ThresholdQuote, decimal Amount, decimal Rate, Citation Source);

/// <summary>A tiered schedule (OpenFisca's scale): brackets ordered by threshold; the highest bracket the base reaches applies.</summary>
public sealed class Scale(string name, string label, string thresholdUnit, string amountUnit, DateOnly from, IReadOnlyList<Bracket> brackets)
{
    public string Name { get; } = name;

    public string Label { get; } = label;

    public string ThresholdUnit { get; } = thresholdUnit;

    public string AmountUnit { get; } = amountUnit;

    public DateOnly From { get; } = from;

    public IReadOnlyList<Bracket> Brackets { get; } = [.. brackets.OrderBy(b => b.Threshold)];
}
