using System.Globalization;
using System.Text.Json.Nodes;

namespace Gongbao.Rules.Engine;

/// <summary>A reading of an ambiguous or silent text, with the provision it interprets.</summary>
public sealed record Interpretation(string Choice, Citation Basis);

/// <summary>
/// An executable scheme read from one document: its parameters (values with provenance), clauses
/// (conditions and consequences with provenance), declared inputs, and a formula in C#.
/// </summary>
public abstract class Scheme
{
    private readonly List<Parameter> _parameters = [];
    private readonly List<Clause> _clauses = [];
    private readonly List<Interpretation> _interpretations = [];

    /// <summary>Short stable name used on the CLI and in URLs, e.g. <c>credit-evaluation</c>.</summary>
    public abstract string Id { get; }

    public abstract string Title { get; }

    /// <summary>Stable ID of the document that defines the scheme (docs/identifiers.md).</summary>
    public abstract string DocumentId { get; }

    /// <summary>The document number as printed in canonical form, e.g. 京规自发〔2024〕122号.</summary>
    public abstract string DocumentNumber { get; }

    /// <summary>The sample gazette file the document is printed in, e.g. 2024-31.txt.</summary>
    public abstract string SourceFile { get; }

    public abstract InputSchema Inputs { get; }

    /// <summary>What the evaluation decides, one line.</summary>
    public abstract string Decides { get; }

    public IReadOnlyList<Parameter> Parameters => _parameters;

    public IReadOnlyList<Clause> Clauses => _clauses;

    public IReadOnlyList<Interpretation> Interpretations => _interpretations;

    public Parameter Parameter(string name) =>
        _parameters.FirstOrDefault(p => p.Name == name) ?? throw new KeyNotFoundException($"{Id}: no parameter {name}");

    public Clause Clause(string name) =>
        _clauses.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"{Id}: no clause {name}");

    /// <summary>Validates the inputs and evaluates; the date picks dated parameter values (default: today).</summary>
    public EvaluationResult Evaluate(JsonObject? input, DateOnly? asOf = null)
    {
        var inputs = Inputs.Validate(input);
        var errors = Check(inputs).ToList();
        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        var date = asOf ?? DateOnly.FromDateTime(DateTime.Today);
        var root = new TraceStep($"{Title} ({DocumentNumber})", source: null);
        var evaluation = new Evaluation(this, inputs, date, root);
        Compute(evaluation);
        return new EvaluationResult(Id, date, evaluation.Outputs, root);
    }

    protected abstract void Compute(Evaluation ev);

    /// <summary>Checks across fields that a per-field schema cannot express (one of two inputs required…).</summary>
    protected virtual IEnumerable<InputError> Check(ValidatedInputs inputs) => [];

    /// <summary>Full provision ID: relative paths are taken inside <see cref="DocumentId"/>.</summary>
    protected string Provision(string path) =>
        path.StartsWith(DocumentId, StringComparison.Ordinal) ? path : DocumentId + "/" + path;

    protected Parameter Param(string name, string label, decimal value, string unit, string provision, string asPrinted, string? from = null)
    {
        var start = from is null ? DateOnly.MinValue : DateOnly.ParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var p = new Parameter(name, label, unit, [new DatedValue(start, value, new Citation(Provision(provision), asPrinted))]);
        _parameters.Add(p);
        return p;
    }

    protected Parameter DatedParam(string name, string label, string unit, params (string From, decimal Value, string Provision, string AsPrinted)[] values)
    {
        var p = new Parameter(name, label, unit, [.. values.Select(v => new DatedValue(
            DateOnly.ParseExact(v.From, "yyyy-MM-dd", CultureInfo.InvariantCulture), v.Value, new Citation(Provision(v.Provision), v.AsPrinted)))]);
        _parameters.Add(p);
        return p;
    }

    protected Clause Rule(string name, string label, string provision, string quote)
    {
        var c = new Clause(name, label, new Citation(Provision(provision), quote));
        _clauses.Add(c);
        return c;
    }

    protected void Interpret(string choice, string provision, string quote) =>
        _interpretations.Add(new Interpretation(choice, new Citation(Provision(provision), quote)));
}
