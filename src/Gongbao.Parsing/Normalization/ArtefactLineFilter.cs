using System.Text.RegularExpressions;

namespace Gongbao.Parsing.Normalization;

/// <summary>Drops lines that are conversion residue: markdown table rules (---\t------) and page footers (— 70 —).</summary>
public sealed partial class ArtefactLineFilter : ILineStep
{
    [GeneratedRegex(@"^[\s|:]*-{2,}[-\s|:]*$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"^[—–\-－]+\s*\d{1,4}\s*[—–\-－]+$")]
    private static partial Regex PageFooter();

    public string? Apply(string line)
    {
        var t = line.Trim();
        if (t.Length == 0)
        {
            return line;
        }

        return TableRule().IsMatch(t) || PageFooter().IsMatch(t) ? null : line;
    }
}
