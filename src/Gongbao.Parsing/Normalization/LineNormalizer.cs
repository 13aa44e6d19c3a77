using Gongbao.Domain;

using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Normalization;

/// <summary>
/// The per-line normaliser chain: markup removal, artefact lines, list markers, letter spacing, trimming.
/// Produces the non-blank lines with their source line number and whether a blank line preceded them.
/// </summary>
public sealed class LineNormalizer
{
    public static readonly IReadOnlyList<ILineStep> DefaultSteps =
    [
        new InlineMarkupRemover(),
        new ArtefactLineFilter(),
        new ListMarkerStripper(),
        new LetterSpacingCollapser(),
    ];

    private readonly IReadOnlyList<ILineStep> _steps;

    public LineNormalizer(IReadOnlyList<ILineStep>? steps = null) => _steps = steps ?? DefaultSteps;

    public string? NormalizeLine(string raw)
    {
        string? line = raw;
        foreach (var step in _steps)
        {
            line = step.Apply(line);
            if (line is null)
            {
                return null;
            }
        }

        // Leading tabs stay: they are empty first cells of table rows.
        line = line.TrimEnd(' ', '\t', '\u3000', '\u00a0', '\r', '\ufeff').TrimStart(' ', '\u3000', '\u00a0', '\ufeff');
        return line.Trim('\t').Length == 0 ? "" : line;
    }

    /// <summary>Normalises raw lines [from, to) (0-based indices; source line numbers are index + 1).</summary>
    public List<SourceLine> Normalize(IReadOnlyList<string> rawLines, int from = 0, int to = -1)
    {
        if (to < 0)
        {
            to = rawLines.Count;
        }

        var result = new List<SourceLine>(Math.Max(0, (to - from) / 2));
        var afterBlank = true;
        for (var i = from; i < to; i++)
        {
            var text = NormalizeLine(rawLines[i]);
            if (text is null)
            {
                continue;
            }

            if (text.Length == 0)
            {
                afterBlank = true;
                continue;
            }

            result.Add(new SourceLine(text, SourceSpan.Line(i + 1), afterBlank));
            afterBlank = false;
        }

        return result;
    }
}
