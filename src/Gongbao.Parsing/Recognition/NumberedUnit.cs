using System.Globalization;
using System.Text.RegularExpressions;

using Gongbao.Domain;

using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Recognition;

/// <summary>A line that starts a numbered unit: its kind, printed label, numeric value and the text after the label.</summary>
public sealed record NumberedUnit(ProvisionKind Kind, string Label, int? Number, string? Heading, string Rest)
{
    /// <summary>Nesting rank: lower is outer. Paragraphs and others are not ranked.</summary>
    public int Rank => RankOf(Kind);

    public static int RankOf(ProvisionKind kind) => kind switch
    {
        ProvisionKind.Part => 1,
        ProvisionKind.Chapter => 2,
        ProvisionKind.Section => 3,
        ProvisionKind.Article => 4,
        ProvisionKind.Heading => 5,
        ProvisionKind.Item => 6,
        ProvisionKind.SubItem => 7,
        ProvisionKind.Point => 8,
        ProvisionKind.Circled => 9,
        _ => 100,
    };
}

/// <summary>
/// Recognises the numbering levels of Chinese normative texts, one small pattern per level, in full- and
/// half-width variants: 第N编/章/节/条, 一、, （一）/(一), 1./1、/1．, （1）/(1), ①.
/// </summary>
public static partial class NumberingRecognizer
{
    private const string Cn = "[零〇一二三四五六七八九十百两]+";

    [GeneratedRegex(@"^第\s*(?<n>" + Cn + @")\s*(?<unit>[编章节])(?:\s+|(?=[^\s，,。；的条款项规中]))(?<rest>.*)$")]
    private static partial Regex Division();

    [GeneratedRegex(@"^第\s*(?<n>" + Cn + @")\s*条(?<rest>.*)$")]
    private static partial Regex Article();

    [GeneratedRegex(@"^(?<n>[一二三四五六七八九十]{1,3})\s*、\s*(?<rest>.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[（(]\s*(?<n>[一二三四五六七八九十]{1,3})\s*[）)]\s*(?<rest>.*)$")]
    private static partial Regex Item();

    [GeneratedRegex(@"^(?<n>[0-9０-９]{1,3})\s*(?:[.．](?![0-9０-９])|、)\s*(?<rest>.*)$")]
    private static partial Regex SubItem();

    [GeneratedRegex(@"^[（(]\s*(?<n>[0-9０-９]{1,3})\s*[）)]\s*(?<rest>.*)$")]
    private static partial Regex Point();

    [GeneratedRegex(@"^【(?<h>[^】]{1,40})】\s*(?<rest>.*)$")]
    private static partial Regex BracketHeading();

    public static NumberedUnit? Recognize(string line)
    {
        if (line.Length == 0 || line.Contains('\t'))
        {
            return null;
        }

        var first = line[0];
        if (first == '第')
        {
            var m = Article().Match(line);
            if (m.Success)
            {
                return MakeArticle(m);
            }

            m = Division().Match(line);
            if (m.Success && m.Groups["rest"].Value.Length <= 40 && !m.Groups["rest"].Value.Contains('。'))
            {
                var kind = m.Groups["unit"].Value switch { "编" => ProvisionKind.Part, "章" => ProvisionKind.Chapter, _ => ProvisionKind.Section };
                var heading = CjkText.RemoveSpacesAroundCjk(m.Groups["rest"].Value);
                var label = line[..m.Groups["rest"].Index].Trim();
                return new NumberedUnit(kind, label, ChineseNumeral.Parse(m.Groups["n"].Value), heading.Length > 0 ? heading : null, "");
            }

            return null;
        }

        if (first is >= '①' and <= '⑳')
        {
            var rest = line[1..].TrimStart();
            return new NumberedUnit(ProvisionKind.Circled, line[..1], first - '①' + 1, null, rest);
        }

        if (first is '（' or '(')
        {
            var m = Item().Match(line);
            if (m.Success)
            {
                return Make(ProvisionKind.Item, line, m, ChineseNumeral.Parse(m.Groups["n"].Value));
            }

            m = Point().Match(line);
            return m.Success ? Make(ProvisionKind.Point, line, m, ParseDigits(m.Groups["n"].Value)) : null;
        }

        if (char.IsDigit(first) || first is >= '０' and <= '９')
        {
            var m = SubItem().Match(line);
            return m.Success ? Make(ProvisionKind.SubItem, line, m, ParseDigits(m.Groups["n"].Value)) : null;
        }

        if (ChineseNumeral.HanCharacters.Contains(first))
        {
            var m = Heading().Match(line);
            return m.Success ? Make(ProvisionKind.Heading, line, m, ChineseNumeral.Parse(m.Groups["n"].Value)) : null;
        }

        return null;
    }

    /// <summary>
    /// True when a unit reads as a heading (no sentence punctuation, narrower than a printed line), not as
    /// running text cut by a page break. <paramref name="line"/> is the whole printed line, label included.
    /// </summary>
    public static bool IsHeadingLike(string text, string line) =>
        text.Length > 0 && VisualWidth(line) < 24 && text.IndexOfAny(['。', '；', ';', '，', ',', '：', ':', '、']) < 0;

    /// <summary>Text ending in "：", "，" or "、": it leads into what follows rather than standing as a title.</summary>
    public static bool EndsLeadingIntoList(string text)
    {
        var t = text.TrimEnd();
        return t.Length > 0 && t[^1] is '：' or ':' or '，' or ',' or '、';
    }

    /// <summary>
    /// A run-in heading: the text opens with a short title closed by "。" and the body follows
    /// ("工作原则。坚持…"). Such a unit heads what comes after it, like a title on its own line.
    /// </summary>
    public static bool HasRunInHeading(string text)
    {
        var stop = text.IndexOf('。');
        if (stop is < 2 or > 20 || stop == text.Length - 1)
        {
            return false;
        }

        return text.AsSpan(0, stop).IndexOfAny("，,；;：:！？!?（(") < 0;
    }

    /// <summary>Printed width in CJK cells: ASCII counts half.</summary>
    public static double VisualWidth(string text)
    {
        double w = 0;
        foreach (var c in text)
        {
            w += c < 0x80 ? 0.5 : 1;
        }

        return w;
    }

    private static NumberedUnit MakeArticle(Match m)
    {
        var rest = m.Groups["rest"].Value;
        var label = m.Value[..m.Groups["rest"].Index].Trim();
        string? heading = null;
        var trimmed = rest.TrimStart(' ', '\u3000');
        var bh = BracketHeading().Match(trimmed);
        if (bh.Success)
        {
            heading = bh.Groups["h"].Value.Trim();
            trimmed = bh.Groups["rest"].Value;
        }

        return new NumberedUnit(ProvisionKind.Article, label, ChineseNumeral.Parse(m.Groups["n"].Value), heading, trimmed.Trim());
    }

    private static NumberedUnit Make(ProvisionKind kind, string line, Match m, int? number)
    {
        var rest = m.Groups["rest"].Value.Trim();
        var label = line[..m.Groups["rest"].Index].Trim();
        return new NumberedUnit(kind, label, number, null, rest);
    }

    private static int? ParseDigits(string s) =>
        int.TryParse(TextFold.FoldWidth(s), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
