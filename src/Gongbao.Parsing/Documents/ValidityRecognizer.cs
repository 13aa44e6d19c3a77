using System.Text.RegularExpressions;

using Gongbao.Domain;
using Gongbao.Parsing.Recognition;
using Gongbao.Parsing.Text;

namespace Gongbao.Parsing.Documents;

/// <summary>Effect and validity as stated in the text: 自…起施行, 自印发之日起施行, 有效期至…, 有效期N年.</summary>
public sealed record Validity(DateOnly? From, DateOnly? Until, string? Text);

public static partial class ValidityRecognizer
{
    private const string Date = @"[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日";

    [GeneratedRegex(@"自\s*(?<d>" + Date + @")\s*起\s*(?:施行|执行|实施|生效)")]
    private static partial Regex FromDate();

    [GeneratedRegex(@"自\s*(?:印发|发布|公布|公告|签发|下发)\s*之\s*日\s*起\s*(?:施行|执行|实施|生效)")]
    private static partial Regex FromIssue();

    [GeneratedRegex(@"有效期\s*(?:为|至)?\s*(?<d1>" + Date + @")\s*(?:至|到|—|-)\s*(?<d2>" + Date + @")")]
    private static partial Regex Range();

    [GeneratedRegex(@"有效期\s*(?:截)?至\s*(?<d>" + Date + @")")]
    private static partial Regex Until();

    [GeneratedRegex(@"有效期\s*(?:为)?\s*(?<n>[0-9０-９]{1,2}|[一二两三四五六七八九十])\s*年")]
    private static partial Regex Years();

    /// <summary>A sentence about the document itself: 本办法/本细则/本实施意见/本通知… (not about a licence or a status).</summary>
    [GeneratedRegex(@"本(?:[\p{IsCJKUnifiedIdeographs}]{0,4})(?:办法|细则|规定|措施|方案|意见|通知|决定|通告|公告|规则|计划|规划|目录|标准|指南|政策|文件|条例)")]
    private static partial Regex SelfReference();

    public static Validity Find(string text, DateOnly? signedOn)
    {
        DateOnly? from = null, until = null;
        var sentences = new List<(int Index, int Length)>();
        int? years = null;

        foreach (var (start, length) in Sentences(text))
        {
            var sentence = text.Substring(start, length);
            if (!sentence.Contains("施行", StringComparison.Ordinal) && !sentence.Contains("执行", StringComparison.Ordinal)
                && !sentence.Contains("实施", StringComparison.Ordinal) && !sentence.Contains("有效期", StringComparison.Ordinal)
                && !sentence.Contains("生效", StringComparison.Ordinal))
            {
                continue;
            }

            if (!SelfReference().IsMatch(sentence))
            {
                continue;
            }

            var hit = false;
            if (Range().Match(sentence) is { Success: true } r)
            {
                from ??= DateRecognizer.FindChinese(r.Groups["d1"].Value);
                until ??= DateRecognizer.FindChinese(r.Groups["d2"].Value);
                hit = true;
            }

            if (FromDate().Match(sentence) is { Success: true } fd)
            {
                from ??= DateRecognizer.FindChinese(fd.Groups["d"].Value);
                hit = true;
            }

            if (FromIssue().IsMatch(sentence))
            {
                from ??= signedOn;
                hit = true;
            }

            if (Until().Match(sentence) is { Success: true } u)
            {
                until ??= DateRecognizer.FindChinese(u.Groups["d"].Value);
                hit = true;
            }

            if (Years().Match(sentence) is { Success: true } y)
            {
                var v = TextFold.FoldWidth(y.Groups["n"].Value);
                years ??= int.TryParse(v, out var parsed) ? parsed : ChineseNumeral.Parse(v);
                hit = true;
            }

            if (hit)
            {
                sentences.Add((start, length));
            }
        }

        // "有效期N年" runs from the stated start, else from signing.
        if (until is null && years is > 0 && (from ?? signedOn) is { } begin)
        {
            until = begin.AddYears(years.Value).AddDays(-1);
        }

        var validityText = sentences.Count == 0 ? null : string.Join(" ", sentences.Select(s => text.Substring(s.Index, s.Length).Trim()).Distinct());
        return new Validity(from, until, validityText);
    }

    private static IEnumerable<(int Start, int Length)> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '。' or '\n')
            {
                var end = text[i] == '。' ? i + 1 : i;
                if (end > start)
                {
                    yield return (start, end - start);
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return (start, text.Length - start);
        }
    }

}
