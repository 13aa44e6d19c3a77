namespace Gongbao.Domain;

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// A problem found while reading input, with a stable code and the line it concerns (Roslyn-style):
/// warnings describe irregularities that were worked around, errors make the input unusable.
/// </summary>
public sealed record ParseDiagnostic(string Code, DiagnosticSeverity Severity, string Message, string File, int Line)
{
    public override string ToString() => $"{File}:{Line}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}

/// <summary>Thrown when an input cannot be used at all (empty, binary, undecodable, no gazette structure).</summary>
public sealed class GazetteFormatException(ParseDiagnostic diagnostic) : Exception(diagnostic.ToString())
{
    public ParseDiagnostic Diagnostic { get; } = diagnostic;
}
