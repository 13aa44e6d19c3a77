using System.Text.RegularExpressions;

using Gongbao.Domain;

namespace Gongbao.Citations;

/// <summary>One 第N条/款/项/目 part of a citation as written; <see cref="Number"/> is null when it is not a positive number.</summary>
public sealed record CitationPart(char Unit, string Printed, int? Number);

/// <summary>
/// A parsed citation: the document (by number, by title or by stored ID) and an optional provision path
/// 第N条 / 第N款 / 第N项 / 第N目, as people write it: 京规自发〔2024〕122号第八条,
/// 京规自发[2024]122号 第8条, 《北京市公共建筑能效分级管理办法》第五条第二款, 第八条第（一）项,
/// jingguizifa-2024-122/art-14.
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
    private const string Units = "条款项目";

    /// <summary>A stored document or provision ID (jingguizifa-2024-122, jingguizifa-2024-122/art-14) when the citation is one.</summary>
    public string? Id { get; init; }

    /// <summary>Every path part as written, including ones that are not valid numbers.</summary>
    public IReadOnlyList<CitationPart> Parts { get; init; } = [];

    /// <summary>Why the path is unusable (a part that is not a positive number, parts out of order), or null.</summary>
    public string? PathProblem { get; init; }

    /// <summary>The part <see cref="PathProblem"/> is about.</summary>
    public CitationPart? ProblemPart { get; init; }

    // Lenient on purpose: 第0条, 第2147483648条 and 第（一）项 must be recognised as parts (and then judged), not
    // left in the title where they would silently widen the citation to the whole document.
    [GeneratedRegex(@"(?:第\s*(?<num>[^第条款项目《》\n]{1,24}?)\s*(?<unit>[条款项目])\s*)+$")]
    private static partial Regex ProvisionPath();

    [GeneratedRegex(@"《(?<title>[^》]+)》")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-[0-9]+(?:/[a-z]+-[0-9]+)*$")]
    private static partial Regex StoredId();

    public static Citation? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.Trim();
        var path = ProvisionPath().Match(s);
        var head = path.Success ? s[..path.Index].Trim() : s;
        var parts = path.Success ? ReadParts(path) : [];
        var (article, paragraph, item, sub, problem, problemPart) = Arrange(parts);

        if (StoredId().IsMatch(head))
        {
            return new Citation(s, null, null, article, paragraph, item, sub) { Id = head, Parts = parts, PathProblem = problem, ProblemPart = problemPart };
        }

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

        return new Citation(s, number, title, article, paragraph, item, sub) { Parts = parts, PathProblem = problem, ProblemPart = problemPart };
    }

    private static List<CitationPart> ReadParts(Match path)
    {
        var parts = new List<CitationPart>();
        var nums = path.Groups["num"].Captures;
        var units = path.Groups["unit"].Captures;
        for (var i = 0; i < nums.Count; i++)
        {
            var unit = units[i].Value[0];
            var raw = nums[i].Value.Trim();
            // 第（一）项 / 第(一)项: items and sub-items are printed in brackets and cited with them.
            var bare = unit is '项' or '目' ? raw.Trim('(', ')', '（', '）', '〔', '〕') : raw;
            var number = bare.Length == raw.Length - 2 || bare.Length == raw.Length ? ChineseNumeral.Parse(bare) : null;
            parts.Add(new CitationPart(unit, $"第{raw}{unit}", number));
        }

        return parts;
    }

    private static (int? Article, int? Paragraph, int? Item, int? SubItem, string? Problem, CitationPart? Part) Arrange(List<CitationPart> parts)
    {
        int? article = null, paragraph = null, item = null, sub = null;
        var last = -1;
        foreach (var p in parts)
        {
            if (p.Number is null)
            {
                return (null, null, null, null, $"{p.Printed} is not a provision number (expected a positive number such as 第八{p.Unit} or 第8{p.Unit})", p);
            }

            var rank = Units.IndexOf(p.Unit, StringComparison.Ordinal);
            if (rank <= last)
            {
                return (null, null, null, null, $"{p.Printed} is out of order: parts go 条, 款, 项, 目, each at most once", p);
            }

            last = rank;
            switch (p.Unit)
            {
                case '条': article = p.Number; break;
                case '款': paragraph = p.Number; break;
                case '项': item = p.Number; break;
                default: sub = p.Number; break;
            }
        }

        if (parts.Count > 0 && article is null)
        {
            // Without the article a 款/项/目 could be any of them; resolving to the document would be broader than asked.
            return (null, null, null, null, $"{parts[0].Printed} needs the article (第N条) it belongs to", parts[0]);
        }

        if (sub is not null && item is null)
        {
            return (null, null, null, null, $"{parts[^1].Printed} needs the item (第N项) it belongs to", parts[^1]);
        }

        return (article, paragraph, item, sub, null, null);
    }
}
