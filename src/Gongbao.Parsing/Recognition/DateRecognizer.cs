using System.Globalization;
using System.Text.RegularExpressions;

using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Recognition;

/// <summary>Dates as printed: 2021 年 11 月 11 日, 2025年3月28日 (any spacing/width), and November 11, 2021.</summary>
public static partial class DateRecognizer
{
    [GeneratedRegex(@"(?<y>[0-9０-９]{4})\s*年\s*(?<m>[0-9０-９]{1,2})\s*月\s*(?<d>[0-9０-９]{1,2})\s*日")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"^\s*(?<y>[0-9０-９]{4})\s*年\s*(?<m>[0-9０-９]{1,2})\s*月\s*(?<d>[0-9０-９]{1,2})\s*日\s*$")]
    private static partial Regex ChineseLine();

    [GeneratedRegex(@"(?<mon>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?<d>\d{1,2})\s*,\s*(?<y>\d{4})")]
    private static partial Regex English();

    /// <summary>The first Chinese date in the text.</summary>
    public static DateOnly? FindChinese(string text, out Match match)
    {
        match = Chinese().Match(text);
        return match.Success ? ToDate(match) : null;
    }

    public static DateOnly? FindChinese(string text) => FindChinese(text, out _);

    /// <summary>The line is nothing but a date (a signature date line).</summary>
    public static DateOnly? ParseDateLine(string line)
    {
        var m = ChineseLine().Match(line);
        return m.Success ? ToDate(m) : null;
    }

    public static bool IsDateLine(string line) => line.Length <= 24 && ParseDateLine(line) is not null;

    public static DateOnly? FindEnglish(string text)
    {
        var m = English().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var month = DateTime.ParseExact(m.Groups["mon"].Value, "MMMM", CultureInfo.InvariantCulture).Month;
        return Make(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), month, int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>All Chinese dates in text, with their positions.</summary>
    public static IEnumerable<(DateOnly Date, int Index, int Length)> FindAllChinese(string text)
    {
        foreach (Match m in Chinese().Matches(text))
        {
            if (ToDate(m) is { } d)
            {
                yield return (d, m.Index, m.Length);
            }
        }
    }

    private static DateOnly? ToDate(Match m) =>
        Make(Int(m.Groups["y"].Value), Int(m.Groups["m"].Value), Int(m.Groups["d"].Value));

    private static int Int(string s) => int.Parse(TextFold.FoldWidth(s), CultureInfo.InvariantCulture);

    private static DateOnly? Make(int y, int m, int d) =>
        m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) && y is >= 1900 and <= 2200 ? new DateOnly(y, m, d) : null;
}
