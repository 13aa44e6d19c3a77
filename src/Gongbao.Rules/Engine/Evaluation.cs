namespace Gongbao.Rules.Engine;

/// <summary>
/// The state of one evaluation: inputs, the date, outputs and the trace being built. Formulas read
/// parameters and inputs through it so every value used is recorded with its source.
/// </summary>
public sealed class Evaluation
{
    private readonly Stack<TraceStep> _open = new();
    private readonly List<KeyValuePair<string, object?>> _outputs = [];
    private readonly HashSet<string> _inputsShown = new(StringComparer.Ordinal);

    internal Evaluation(Scheme scheme, ValidatedInputs inputs, DateOnly asOf, TraceStep root)
    {
        Scheme = scheme;
        In = inputs;
        AsOf = asOf;
        _open.Push(root);
    }

    public Scheme Scheme { get; }

    public ValidatedInputs In { get; }

    public DateOnly AsOf { get; }

    public IReadOnlyList<KeyValuePair<string, object?>> Outputs => _outputs;

    private TraceStep Current => _open.Peek();

    /// <summary>The value of a parameter in force on <see cref="AsOf"/>, recorded with its provision.</summary>
    public decimal P(string name)
    {
        var parameter = Scheme.Parameter(name);
        var dated = parameter.At(AsOf);
        Current.Children.Add(new TraceStep($"参数 {parameter.Label}", TraceStep.Format(dated.Value), parameter.Unit, dated.Source));
        return dated.Value;
    }

    /// <summary>Records that a clause applies (a condition met, a consequence triggered).</summary>
    public Clause Apply(string clauseName, string? value = null)
    {
        var clause = Scheme.Clause(clauseName);
        Current.Children.Add(new TraceStep(clause.Label, value, source: clause.Source));
        return clause;
    }

    /// <summary>Records an input value once, the first time a formula reads it.</summary>
    public void ShowInput(string name)
    {
        if (!In.Has(name) || !_inputsShown.Add(name))
        {
            return;
        }

        var field = Scheme.Inputs.Fields.First(f => f.Name == name);
        object? value = field.Type switch
        {
            InputType.Number or InputType.Integer => In.Number(name),
            InputType.Boolean => In.Flag(name),
            InputType.Date => In.Date(name),
            InputType.ChoiceSet or InputType.ChoiceList => In.Set(name),
            _ => In.Choice(name),
        };
        Current.Children.Add(new TraceStep($"输入 {field.Label} ({name})", TraceStep.Format(value), field.Unit));
    }

    public decimal Number(string name)
    {
        ShowInput(name);
        return In.Number(name);
    }

    public decimal Number(string name, decimal fallback)
    {
        ShowInput(name);
        return In.Number(name, fallback);
    }

    public bool Flag(string name)
    {
        ShowInput(name);
        return In.Flag(name);
    }

    public string Choice(string name)
    {
        ShowInput(name);
        return In.Choice(name);
    }

    public IReadOnlyList<string> Set(string name)
    {
        ShowInput(name);
        return In.Set(name);
    }

    /// <summary>Records a computed value.</summary>
    public TraceStep Step(string label, object? value, string? unit = null, Citation? source = null)
    {
        var step = new TraceStep(label, TraceStep.Format(value), unit, source);
        Current.Children.Add(step);
        return step;
    }

    /// <summary>Opens a nested step; steps recorded until disposal hang below it. Set its value with <see cref="TraceStep"/>.</summary>
    public Scope Open(string label, Citation? source = null)
    {
        var step = new TraceStep(label, null, null, source);
        Current.Children.Add(step);
        _open.Push(step);
        return new Scope(this, step);
    }

    /// <summary>
    /// Compares a value with a threshold parameter; ≥/≤/&gt;/&lt; is read from the parameter's printed words
    /// (800 分及以上 → ≥, 超过 10 万元 → &gt;), so the comparison follows the text.
    /// </summary>
    public bool Meets(decimal value, string parameterName, string what)
    {
        var threshold = P(parameterName);
        return Compare(value, Scheme.Parameter(parameterName).At(AsOf).Source.Quote, threshold, what);
    }

    /// <summary>
    /// As <see cref="Meets(decimal, string, string)"/> for a threshold printed in a larger unit: the
    /// parameter's value is multiplied by <paramref name="scale"/> (亿元 → 万元: 10000) before comparing.
    /// </summary>
    public bool Meets(decimal value, string parameterName, string what, decimal scale)
    {
        var threshold = P(parameterName) * scale;
        return Compare(value, Scheme.Parameter(parameterName).At(AsOf).Source.Quote, threshold, what);
    }

    /// <summary>Compares a value with a threshold using the comparison stated by <paramref name="printed"/>.</summary>
    public bool Compare(decimal value, string printed, decimal threshold, string what)
    {
        var kind = LegalComparison.Parse(printed);
        var holds = LegalComparison.Holds(value, kind, threshold);
        Step($"{what}: {TraceStep.Format(value)} {LegalComparison.Symbol(kind)} {TraceStep.Format(threshold)} (「{printed}」)", holds);
        return holds;
    }

    /// <summary>
    /// Compares a share <paramref name="part"/>/<paramref name="whole"/> in % with a threshold parameter exactly, by
    /// cross-multiplying (part × 100 against threshold × whole): a share is never rounded before it is compared.
    /// </summary>
    public bool MeetsShare(decimal part, decimal whole, string parameterName, string what)
    {
        var threshold = P(parameterName);
        var printed = Scheme.Parameter(parameterName).At(AsOf).Source.Quote;
        var kind = LegalComparison.Parse(printed);
        var holds = whole != 0 && LegalComparison.Holds(part * 100, kind, threshold * whole);
        Step($"{what}: {TraceStep.Format(part)} / {TraceStep.Format(whole)} {LegalComparison.Symbol(kind)} {TraceStep.Format(threshold)}% (「{printed}」)", holds);
        return holds;
    }

    /// <summary>Whether the scheme is in force on the evaluation date, by the validity period in its data (true when none is set).</summary>
    public bool InForce()
    {
        if (Scheme.Validity is not { } validity)
        {
            return true;
        }

        var holds = validity.Covers(AsOf);
        Current.Children.Add(new TraceStep(
            $"有效期 {TraceStep.Format(validity.From)} 至 {TraceStep.Format(validity.Until)}: {TraceStep.Format(AsOf)} {(holds ? "在有效期内" : "不在有效期内")}",
            TraceStep.Format(holds), source: validity.Source));
        return holds;
    }

    /// <summary>
    /// The bracket of a scale that <paramref name="baseValue"/> reaches (thresholds × <paramref name="thresholdScale"/>
    /// to convert 亿元 → 万元), or null below the first; records the comparison and the bracket's citation.
    /// </summary>
    public Bracket? Bracket(string scaleName, decimal baseValue, string what, decimal thresholdScale = 1)
    {
        var scale = Scheme.Scale(scaleName);
        if (AsOf < scale.From)
        {
            throw new NotInForceException($"{scale.Label} ({scale.Name}) applies from {TraceStep.Format(scale.From)}");
        }

        Bracket? reached = null;
        foreach (var b in scale.Brackets)
        {
            if (LegalComparison.Holds(baseValue, LegalComparison.Parse(b.ThresholdQuote), b.Threshold * thresholdScale))
            {
                reached = b;
            }
        }

        Current.Children.Add(new TraceStep(
            reached is null
                ? $"{what}: {TraceStep.Format(baseValue)} 未达 {scale.Label} 最低档 {TraceStep.Format(scale.Brackets[0].Threshold)} {scale.ThresholdUnit}"
                : $"{what}: {TraceStep.Format(baseValue)} 达「{reached.ThresholdQuote}」 → {TraceStep.Format(reached.Amount)} {scale.AmountUnit} + {TraceStep.Format(reached.Rate)}%",
            TraceStep.Format(reached is not null), source: reached?.Source ?? scale.Brackets[0].Source));
        return reached;
    }

    public void Output(string name, object? value) => _outputs.Add(new(name, value));

    /// <summary><paramref name="amount"/> × a rate parameter printed in %, recorded as a step.</summary>
    public decimal Percent(decimal amount, string rateParameter, string what)
    {
        var rate = P(rateParameter);
        var result = amount * rate / 100m;
        Step($"{what} = {TraceStep.Format(amount)} × {TraceStep.Format(rate)}%", result);
        return result;
    }

    /// <summary>Applies a cap parameter (最高, 不超过): the smaller of the amount and the cap.</summary>
    public decimal Cap(decimal amount, string capParameter, string what)
    {
        var cap = P(capParameter);
        var result = Math.Min(amount, cap);
        Step($"{what}: min({TraceStep.Format(amount)}, {TraceStep.Format(cap)})", result, Scheme.Parameter(capParameter).Unit);
        return result;
    }

    /// <summary>
    /// 就高不重复 / 从优不重复: several benefits for the same thing are not stacked; the highest single one
    /// is granted. Returns the highest amount and records which one it was.
    /// </summary>
    public (string Name, decimal Amount) BestOf(string clauseName, IReadOnlyList<(string Name, decimal Amount)> candidates)
    {
        using var s = Open("不重复享受: 取最高一项");
        Apply(clauseName);
        foreach (var (name, amount) in candidates)
        {
            Step(name, amount);
        }

        var best = candidates.Count == 0 ? ("—", 0m) : candidates.MaxBy(c => c.Amount);
        s.Result($"{best.Item1}: {TraceStep.Format(best.Item2)}");
        return best;
    }

    public readonly struct Scope(Evaluation owner, TraceStep step) : IDisposable
    {
        public TraceStep Step { get; } = step;

        public void Result(object? value) => Step.Value = TraceStep.Format(value);

        public void Dispose() => owner._open.Pop();
    }
}
