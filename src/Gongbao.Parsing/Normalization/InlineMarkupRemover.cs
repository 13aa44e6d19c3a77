using System.Text.RegularExpressions;

namespace Gongbao.Parsing.Normalization;

/// <summary>Removes conversion markup inside a line: [bookmark: …], &lt;p&gt;/&lt;br&gt; tags, **bold**, &lt;http…&gt; autolinks.</summary>
public sealed partial class InlineMarkupRemover : ILineStep
{
    [GeneratedRegex(@"\[bookmark:[^\]]*\]")]
    private static partial Regex Bookmark();

    [GeneratedRegex(@"</?(?:p|br|span|div|b|i|strong|em)\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"<(https?://[^>\s]+)>")]
    private static partial Regex AutoLink();

    public string? Apply(string line)
    {
        if (line.IndexOf('[') >= 0)
        {
            line = Bookmark().Replace(line, "");
        }

        if (line.IndexOf('<') >= 0)
        {
            line = AutoLink().Replace(line, "$1");
            line = HtmlTag().Replace(line, " ");
        }

        if (line.Contains("**", StringComparison.Ordinal))
        {
            line = line.Replace("**", "", StringComparison.Ordinal);
        }

        return line;
    }
}
