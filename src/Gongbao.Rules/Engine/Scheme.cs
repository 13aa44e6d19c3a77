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
    private Lazy<SchemeDefinition> _data;

    protected Scheme() => _data = new(() => SchemeDefinition.From(this, SchemeDataLoader.LoadEmbedded(Id)));

    /// <summary>Short stable name used on the CLI and in URLs, e.g. <c>credit-evaluation</c>; also the data file's name.</summary>
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

    public IReadOnlyList<Parameter> Parameters => _data.Value.Parameters;

    public IReadOnlyList<Scale> Scales => _data.Value.Scales;

    public IReadOnlyList<Clause> Clauses => _data.Value.Clauses;

    public IReadOnlyList<Interpretation> Interpretations => _data.Value.Interpretations;

    /// <summary>When the scheme is in force (from the document's validity clause), or null when the text sets no period.</summary>
    public Validity? Validity => _data.Value.Validity;

    /// <summary>Worked cases kept with the data: inputs, date, expected outputs and the article each checks.</summary>
    public IReadOnlyList<CaseEntry> Cases => _data.Value.Cases;

    /// <summary>Labels, units and value labels of the outputs, as stored in the data file.</summary>
    public IReadOnlyList<OutputEntry> OutputLabels => _data.Value.Outputs;

    /// <summary>The measures a profile is matched against, as stored in the data file.</summary>
    public IReadOnlyList<MeasureEntry> MeasureDefinitions => _data.Value.Measures;

    /// <summary>
    /// A copy of this scheme reading <paramref name="file"/> instead of its embedded data: a what-if edit of the data
    /// (next year's value with its date) is checked without a rebuild, and tests prove a new date only changes later results.
    /// </summary>
    public Scheme WithData(SchemeFile file)
    {
        var copy = (Scheme)MemberwiseClone();
        copy._data = new(() => SchemeDefinition.From(copy, file));
        return copy;
    }

    public Parameter Parameter(string name) =>
        _data.Value.ParameterByName.TryGetValue(name, out var p) ? p : throw new KeyNotFoundException($"{Id}: no parameter {name}");

    public Scale Scale(string name) =>
        Scales.FirstOrDefault(s => s.Name == name) ?? throw new KeyNotFoundException($"{Id}: no scale {name}");

    public Clause Clause(string name) =>
        _data.Value.ClauseByName.TryGetValue(name, out var c) ? c : throw new KeyNotFoundException($"{Id}: no clause {name}");

    /// <summary>
    /// Validates the inputs and evaluates on <paramref name="asOf"/>, which picks dated parameter values. The date is
    /// required: a default of "today" would make the same case give different results as the calendar moves.
    /// A date before a parameter's first dated value is refused (the earlier value is not known), never answered
    /// with a later year's figures.
    /// </summary>
    public EvaluationResult Evaluate(JsonObject? input, DateOnly? asOf)
    {
        if (asOf is not { } date)
        {
            var missing = new InputError("asOf", "required: the evaluation date (yyyy-MM-dd) that picks the parameter values in force", InputError.Required);
            try
            {
                Inputs.Validate(input);
            }
            catch (InputValidationException ex)
            {
                throw new InputValidationException([missing, .. ex.Errors]);
            }

            throw new InputValidationException([missing]);
        }

        if (Validity?.From is { } from && date < from)
        {
            throw new InputValidationException([new InputError("asOf",
                $"{Title} applies from {from:yyyy-MM-dd} [{Validity.Source.ProvisionId}]「{Validity.Source.Quote}」; no rule is known for {date:yyyy-MM-dd}", InputError.NotInForce)]);
        }

        var inputs = Inputs.Validate(input);
        var errors = Check(inputs).ToList();
        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        var root = new TraceStep($"{Title} ({DocumentNumber})", source: null);
        var evaluation = new Evaluation(this, inputs, date, root);
        try
        {
            Compute(evaluation);
        }
        catch (NotInForceException ex)
        {
            throw new InputValidationException([new InputError("asOf", ex.Message, InputError.NotInForce)]);
        }

        return new EvaluationResult(Id, date, evaluation.Outputs, root);
    }

    protected abstract void Compute(Evaluation ev);

    /// <summary>Checks across fields that a per-field schema cannot express (one of two inputs required…).</summary>
    protected virtual IEnumerable<InputError> Check(ValidatedInputs inputs) => [];

    /// <summary>Full provision ID: relative paths are taken inside <see cref="DocumentId"/>.</summary>
    public string Provision(string path) =>
        path.StartsWith(DocumentId, StringComparison.Ordinal) ? path : DocumentId + "/" + path;
}

/// <summary>The period a scheme is in force, inclusive at both ends; an open end is null.</summary>
public sealed record Validity(DateOnly? From, DateOnly? Until, Citation Source)
{
    public bool Covers(DateOnly date) => (From is null || date >= From) && (Until is null || date <= Until);
}

/// <summary>Thrown when a date precedes every known value of a parameter.</summary>
public sealed class NotInForceException(string message) : Exception(message);

/// <summary>A scheme's data file turned into engine objects, checked against the scheme.</summary>
internal sealed class SchemeDefinition
{
    public required IReadOnlyList<Parameter> Parameters { get; init; }

    public required IReadOnlyDictionary<string, Parameter> ParameterByName { get; init; }

    public required IReadOnlyList<Scale> Scales { get; init; }

    public required IReadOnlyList<Clause> Clauses { get; init; }

    public required IReadOnlyDictionary<string, Clause> ClauseByName { get; init; }

    public required IReadOnlyList<Interpretation> Interpretations { get; init; }

    public required Validity? Validity { get; init; }

    public required IReadOnlyList<CaseEntry> Cases { get; init; }

    public required IReadOnlyList<MeasureEntry> Measures { get; init; }

    public required IReadOnlyList<OutputEntry> Outputs { get; init; }

    public static SchemeDefinition From(Scheme scheme, SchemeFile file)
    {
        var origin = $"Data/{scheme.Id}.yaml";
        if (file.Scheme != scheme.Id || file.Document != scheme.DocumentId)
        {
            throw new InvalidDataException($"{origin}: declares scheme {file.Scheme} of {file.Document}, expected {scheme.Id} of {scheme.DocumentId}");
        }

        Citation Cite(string provision, string quote, string what) =>
            string.IsNullOrWhiteSpace(provision) || string.IsNullOrWhiteSpace(quote)
                ? throw new InvalidDataException($"{origin}: {what} lacks a provision or quote")
                : new Citation(scheme.Provision(provision), quote);

        var parameters = file.Parameters.Select(p => new Parameter(p.Name, p.Label, p.Unit, [.. p.Values.Select(v => new DatedValue(
            SchemeDataLoader.Date(v.From, $"{origin}: parameter {p.Name}") ?? DateOnly.MinValue, v.Value, Cite(v.Provision, v.Quote, "parameter " + p.Name)))])).ToList();
        var duplicate = parameters.GroupBy(p => p.Name).FirstOrDefault(g => g.Count() > 1)
            ?? file.Clauses.Select(c => new Parameter(c.Name, c.Label, "", [new DatedValue(DateOnly.MinValue, 0, new Citation("-", "-"))]))
                .GroupBy(p => p.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"{origin}: {duplicate.Key} is defined twice");
        }

        if (file.Outputs.GroupBy(o => o.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidDataException($"{origin}: output {twice.Key} is labelled twice");
        }

        if (file.Outputs.FirstOrDefault(o => string.IsNullOrWhiteSpace(o.Label)) is { } unlabelled)
        {
            throw new InvalidDataException($"{origin}: output {unlabelled.Name} has no label");
        }

        var clauses = file.Clauses.Select(c => new Clause(c.Name, c.Label, Cite(c.Provision, c.Quote, "clause " + c.Name))).ToList();
        var scales = file.Scales.Select(s => new Scale(s.Name, s.Label, s.ThresholdUnit, s.AmountUnit,
            SchemeDataLoader.Date(s.From, $"{origin}: scale {s.Name}") ?? DateOnly.MinValue,
            [.. s.Brackets.Select(b => new Bracket(b.Threshold, b.ThresholdQuote, b.Amount, b.Rate, Cite(b.Provision, b.Quote, "scale " + s.Name)))])).ToList();
        Validity? validity = file.Validity is { } v
            ? new Validity(SchemeDataLoader.Date(v.From, origin + ": validity"), SchemeDataLoader.Date(v.Until, origin + ": validity"), Cite(v.Provision, v.Quote, "validity"))
            : null;
        return new SchemeDefinition
        {
            Parameters = parameters,
            ParameterByName = parameters.ToDictionary(p => p.Name, StringComparer.Ordinal),
            Scales = scales,
            Clauses = clauses,
            ClauseByName = clauses.ToDictionary(c => c.Name, StringComparer.Ordinal),
            Interpretations = [.. file.Interpretations.Select(i => new Interpretation(i.Choice, Cite(i.Provision, i.Quote, "interpretation")))],
            Validity = validity,
            Cases = file.Cases,
            Measures = file.Measures,
            Outputs = file.Outputs,
        };
    }
}
