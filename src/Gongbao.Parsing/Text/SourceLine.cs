using Gongbao.Domain;

namespace Gongbao.Parsing.Text;

/// <summary>
/// One non-blank line after normalisation: the text as printed (artefacts removed, breaks re-joined),
/// the source lines it came from, and whether a blank line preceded it in the source.
/// </summary>
public readonly record struct SourceLine(string Text, SourceSpan Span, bool AfterBlank = false)
{
    public int Line => Span.StartLine;

    public override string ToString() => $"{Span}: {Text}";
}
