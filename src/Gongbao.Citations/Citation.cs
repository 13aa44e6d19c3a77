using System.Text.RegularExpressions;

using Gongbao.Domain;

namespace Gongbao.Citations;

/// <summary>
/// A parsed citation: the document (by number or by title) and an optional provision path
/// 第N条 / 第N款 / 第N项 / 第N目, as people write it: 京规自发〔2024〕122号第八条,
/// 京规自发[2024]122号 第8条, 《北京市公共建筑能效分级管理办法》第五条第二款.
/// </summary>
public sealed partial record Citation(
    string Text,
    DocumentNumber? Number,
    string? Title,
    int? Article,
    int? Paragraph,
    int? Item,
    int? SubItem)
{
    private const string Num = "[" + ChineseNumeral.Characters + "]+";

    [GeneratedRegex(@"(?:第\s*(?<art>" + Num + @")\s*条)?\s*(?:第\s*(?<para>" + Num + @")\s*款)?\s*(?:第\s*(?<item>" + Num + @")\s*项)?\s*(?:第\s*(?<sub>" + Num + @")\s*目)?\s*$")]
    private static partial Regex ProvisionPath();

    [GeneratedRegex(@"《(?<title>[^》]+)》")]
    private static partial Regex Quoted();

    public static Citation? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.Trim();
        var path = ProvisionPath().Match(s);
        var head = s[..path.Index].Trim();
        var number = DocumentNumber.Find(head);
        string? title = null;
        var quoted = Quoted().Match(head);
        if (quoted.Success)
        {
            title = quoted.Groups["title"].Value;
        }
        else
        {
            var rest = number is null ? head : head.Replace(number.Printed, "", StringComparison.Ordinal);
            rest = rest.Trim().Trim('(', ')', '（', '）', ' ', '“', '”', '"').Trim();
            if (rest.EndsWith('文') && number is not null)
            {
                rest = rest[..^1];
            }

            title = rest.Length > 0 ? rest : null;
        }

        if (number is null && title is null)
        {
            return null;
        }

        return new Citation(s, number, title, Group(path, "art"), Group(path, "para"), Group(path, "item"), Group(path, "sub"));
    }

    private static int? Group(Match m, string name) =>
        m.Groups[name].Success ? ChineseNumeral.Parse(m.Groups[name].Value) : null;
}
