using System.Buffers;

using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Recognition;

/// <summary>
/// Recognises lines that name an issuing body (北京市民政局, 中共北京市委办公厅, 共青团北京市委员会…):
/// short, no sentence punctuation, ending in an organisation word; or a parenthesised alias line.
/// </summary>
public static class IssuerRecognizer
{
    private static readonly string[] Suffixes =
    [
        "局", "委员会", "委", "政府", "厅", "院", "部", "办公室", "办", "会", "中心", "公司", "所", "处", "署", "组", "队", "行", "社", "团", "联", "协", "馆", "站", "台", "集团", "管委会", "学校", "大学",
    ];

    // Built once: this test runs on most lines of every issue.
    private static readonly SearchValues<char> SentencePunctuation = SearchValues.Create("。；;：:，,《》“”!！?？");

    public static bool IsIssuerLine(string line)
    {
        var t = CjkText.RemoveSpacesAroundCjk(line);
        if (t.Length is < 2 or > 45 || t.Contains('\t'))
        {
            return false;
        }

        if (t.AsSpan().IndexOfAny(SentencePunctuation) >= 0)
        {
            return false;
        }

        if (t[0] is '(' or '（' && t[^1] is ')' or '）')
        {
            // An alias line under an issuer: "(首都精神文明建设委员会办公室)".
            t = t[1..^1];
        }

        if (t.Contains("关于", StringComparison.Ordinal) || t.Contains("印发", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var s in Suffixes)
        {
            if (t.EndsWith(s, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Splits a line that lists several bodies separated by spaces ("北京市市场监督管理局 北京市财政局").</summary>
    public static IEnumerable<string> SplitIssuers(string line)
    {
        var collapsed = CjkText.RemoveSpacesAroundCjk(line);
        var parts = line.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 1 && parts.All(p => p.Length >= 3 && IsIssuerLine(p)))
        {
            return parts;
        }

        return [collapsed];
    }

    /// <summary>Issuers named in a title before 关于/印发/转发/任免 ("北京市市场监督管理局 北京市财政局关于…", "北京市人民政府任免…").</summary>
    public static IReadOnlyList<string> FromTitle(string title)
    {
        var cut = -1;
        foreach (var key in new[] { "关于", "印发", "转发", "发布", "公布", "任免" })
        {
            var i = title.IndexOf(key, StringComparison.Ordinal);
            if (i > 0 && (cut < 0 || i < cut))
            {
                cut = i;
            }
        }

        if (cut <= 0)
        {
            return [];
        }

        var prefix = title[..cut].Trim();
        var eq = prefix.IndexOf('等');
        if (eq > 0)
        {
            prefix = prefix[..eq];
        }

        return prefix.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 2).ToList();
    }

    /// <summary>
    /// The series a year-numbered document (2023年第3号) belongs to: its issuer and the series word, from the
    /// title (北京市市场监督管理局关于…的公告 or 北京市市场监督管理局公告 → 北京市市场监督管理局公告); null when the title names no issuer.
    /// </summary>
    public static string? YearSeriesCode(string title)
    {
        var t = CjkText.RemoveSpacesAroundCjk(title.Trim());
        var word = t.EndsWith("公告", StringComparison.Ordinal) ? "公告" : t.EndsWith("通告", StringComparison.Ordinal) ? "通告" : "";
        var issuers = FromTitle(t);
        if (issuers.Count > 0)
        {
            return issuers[0] + word;
        }

        var rest = t[..(t.Length - word.Length)];
        return word.Length > 0 && IsIssuerLine(rest) ? rest + word : null;
    }
}
