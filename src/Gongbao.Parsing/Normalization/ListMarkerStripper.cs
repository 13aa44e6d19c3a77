namespace Gongbao.Parsing.Normalization;

/// <summary>Removes a leading markdown list marker ("- " or "* ") left by the conversion.</summary>
public sealed class ListMarkerStripper : ILineStep
{
    public string? Apply(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }

        if (i + 1 < line.Length && line[i] is '-' or '*' && line[i + 1] is ' ' or '\t')
        {
            var j = i + 1;
            while (j < line.Length && line[j] is ' ' or '\t')
            {
                j++;
            }

            return j < line.Length ? line[j..] : "";
        }

        return line;
    }
}
