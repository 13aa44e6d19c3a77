using System.Globalization;
using System.Text.RegularExpressions;

using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Recognition;

/// <summary>The issue header: title, year, 第N期, （总第N期）, date, sponsor (Chinese and English masthead).</summary>
public sealed record Masthead(
    string? Title,
    int? Year,
    int? Number,
    int? CumulativeNumber,
    DateOnly? Date,
    string? Sponsor,
    string? SponsorEn,
    int FirstLine);

/// <summary>Reads the masthead from the lines before the contents (and the English masthead after the Chinese contents).</summary>
public static partial class MastheadRecognizer
{
    [GeneratedRegex(@"(?<!总)第\s*(?<n>[0-9０-９]{1,4})\s*期")]
    private static partial Regex IssueNumber();

    [GeneratedRegex(@"总\s*第\s*(?<n>[0-9０-９]{1,5})\s*期")]
    private static partial Regex Cumulative();

    [GeneratedRegex(@"^(?<y>(19|20|21)[0-9]{2})$")]
    private static partial Regex YearLine();

    [GeneratedRegex(@"(?<s>[\p{IsCJKUnifiedIdeographs}（）()]{2,40}?)\s*主办")]
    private static partial Regex Sponsor();

    [GeneratedRegex(@"^Sponsored by\s+(?<s>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex SponsorEn();

    [GeneratedRegex(@"^Issue\s+No\.?\s*(?<n>\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex IssueEn();

    /// <summary>True for a gazette title line such as 北京市人民政府公报.</summary>
    public static bool IsGazetteTitle(string line) => line.Length <= 30 && line.EndsWith("公报", StringComparison.Ordinal) && !line.Contains('《');

    /// <summary>Reads masthead fields from <paramref name="zh"/> (lines before 目录) and <paramref name="en"/> (English masthead lines).</summary>
    public static Masthead Read(IReadOnlyList<SourceLine> zh, IReadOnlyList<SourceLine> en)
    {
        string? title = null;
        int? year = null, number = null, cumulative = null;
        DateOnly? date = null;
        string? sponsor = null, sponsorEn = null;
        foreach (var line in zh)
        {
            var t = TextFold.FoldWidth(line.Text);
            if (title is null && IsGazetteTitle(CjkText.RemoveSpacesAroundCjk(t)))
            {
                title = CjkText.RemoveSpacesAroundCjk(t);
            }

            if (year is null && YearLine().Match(t.Trim()) is { Success: true } ym)
            {
                year = int.Parse(ym.Groups["y"].Value, CultureInfo.InvariantCulture);
            }

            if (number is null && IssueNumber().Match(t) is { Success: true } nm)
            {
                number = int.Parse(nm.Groups["n"].Value, CultureInfo.InvariantCulture);
            }

            if (cumulative is null && Cumulative().Match(t) is { Success: true } cm)
            {
                cumulative = int.Parse(cm.Groups["n"].Value, CultureInfo.InvariantCulture);
            }

            date ??= DateRecognizer.FindChinese(t);
            if (sponsor is null && Sponsor().Match(t) is { Success: true } sm)
            {
                sponsor = sm.Groups["s"].Value;
            }
        }

        foreach (var line in en)
        {
            date ??= DateRecognizer.FindEnglish(line.Text);
            if (sponsorEn is null && SponsorEn().Match(line.Text.Trim()) is { Success: true } m)
            {
                sponsorEn = m.Groups["s"].Value.Trim();
            }

            if (number is null && IssueEn().Match(line.Text.Trim()) is { Success: true } im)
            {
                number = int.Parse(im.Groups["n"].Value, CultureInfo.InvariantCulture);
            }
        }

        year ??= date?.Year;
        return new Masthead(title, year, number, cumulative, date, sponsor, sponsorEn, zh.Count > 0 ? zh[0].Line : 0);
    }

    /// <summary>The place name of the gazette title in pinyin, for issue IDs (北京市人民政府公报 → beijing).</summary>
    public static string IssuePrefix(string? title)
    {
        if (string.IsNullOrEmpty(title))
        {
            return "gazette";
        }

        foreach (var marker in new[] { "市人民政府", "省人民政府", "人民政府", "自治区", "市", "省" })
        {
            var i = title.IndexOf(marker, StringComparison.Ordinal);
            if (i > 0)
            {
                var slug = Gongbao.Domain.Pinyin.Romanize(title[..i]);
                if (slug.Length > 0)
                {
                    return slug;
                }
            }
        }

        return "gazette";
    }
}
