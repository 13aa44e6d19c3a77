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
            InputType.ChoiceSet => In.Set(name),
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

    /// <summary>Compares a value with a threshold using the comparison stated by <paramref name="printed"/>.</summary>
    public bool Compare(decimal value, string printed, decimal threshold, string what)
    {
        var kind = LegalComparison.Parse(printed);
        var holds = LegalComparison.Holds(value, kind, threshold);
        Step($"{what}: {TraceStep.Format(value)} {LegalComparison.Symbol(kind)} {TraceStep.Format(threshold)} (「{printed}」)", holds);
        return holds;
    }

    public void Output(string name, object? value) => _outputs.Add(new(name, value));

    public readonly struct Scope(Evaluation owner, TraceStep step) : IDisposable
    {
        public TraceStep Step { get; } = step;

        public void Result(object? value) => Step.Value = TraceStep.Format(value);

        public void Dispose() => owner._open.Pop();
    }
}
