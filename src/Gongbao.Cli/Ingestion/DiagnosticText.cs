using Gongbao.Domain;

namespace Gongbao.Cli.Ingestion;

public static class DiagnosticText
{
    /// <summary><c>file:line: severity CODE: message</c>, or <c>file: …</c> for problems with the file as a whole.</summary>
    public static string Format(ParseDiagnostic d) =>
        $"{(d.Line > 0 ? $"{d.File}:{d.Line}" : d.File)}: {d.Severity.ToString().ToLowerInvariant()} {d.Code}: {d.Message}";
}
