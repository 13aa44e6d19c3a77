using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Recognition;

/// <summary>
/// The block after the last document that tells how to find the gazette and its colophon (ISSN, CN, 编辑…):
/// it must not become part of the last document.
/// </summary>
public static class BackMatterRecognizer
{
    /// <summary>Index of the first back-matter line, or lines.Count when there is none.</summary>
    public static int FindStart(IReadOnlyList<SourceLine> lines)
    {
        // Scan from the end: the back matter is the trailing run that contains a back-matter heading.
        var start = lines.Count;
        for (var i = lines.Count - 1; i >= 0 && lines.Count - i <= 80; i--)
        {
            if (IsBackMatterHeading(lines[i].Text))
            {
                start = i;
            }
        }

        return start;
    }

    public static bool IsBackMatterHeading(string text)
    {
        var f = TextFold.Fold(text);
        if (f.Length > 40 || f.Contains('。'))
        {
            return false;
        }

        return f.Contains("公报") && (f.Contains("查询") || f.Contains("简介") || f.Contains("网络版") || f.Contains("订阅"))
            || f.StartsWith("国际标准连续出版物号", StringComparison.Ordinal)
            || f.StartsWith("ISSN", StringComparison.Ordinal);
    }
}
