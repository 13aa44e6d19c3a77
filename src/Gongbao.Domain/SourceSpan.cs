namespace Gongbao.Domain;

/// <summary>A range of 1-based, inclusive line numbers in the original source file.</summary>
public readonly record struct SourceSpan(int StartLine, int EndLine)
{
    public static SourceSpan Line(int line) => new(line, line);

    public SourceSpan Union(SourceSpan other) =>
        new(Math.Min(StartLine, other.StartLine), Math.Max(EndLine, other.EndLine));

    public override string ToString() => StartLine == EndLine ? $"L{StartLine}" : $"L{StartLine}-{EndLine}";
}
