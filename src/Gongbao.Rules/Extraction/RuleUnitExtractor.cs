using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using Gongbao.Domain;
using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Extraction;

public enum RuleUnitKind
{
    /// <summary>A sum of money granted or charged (给予…万元, 每人…元).</summary>
    Amount,

    /// <summary>A ceiling on money (最高, 不超过, 上限).</summary>
    Cap,

    /// <summary>A percentage or ratio (按…的…%).</summary>
    Rate,

    /// <summary>A quantity a condition compares against (3000平方米以上, 不少于2名).</summary>
    Threshold,

    /// <summary>A time limit (…个工作日内, 有效期3年).</summary>
    Deadline,

    /// <summary>A number of things or people (3部, 2次).</summary>
    Count,
}

/// <summary>One clause that sets a number: what it is, the value and unit as printed, the comparison word and where.</summary>
public sealed record RuleUnit(string ProvisionId, RuleUnitKind Kind, decimal Value, string Unit, string? Comparison, string Quote);

/// <summary>
/// Finds candidate rule units in any provision text: every number followed by a unit of money, rate, area, time or
/// count, with the comparison word around it (不超过, 最高, 以上, 不少于, 内…). Generic by design: no document is
/// known to it; the scheme data files say which of these are modelled.
/// </summary>
public static partial class RuleUnitExtractor
{
    // Number (Arabic, with decimals and thousands separators, or Chinese numerals up to 万) then a unit.
    [GeneratedRegex(@"(?<num>\d+(?:,\d{3})*(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*(?<unit>万元|亿元|元|%|％|‰|倍|个工作日|工作日|个自然日|自然日|日|天|个月|周岁|岁|年|小时|万平方米|平方米|人次|人|名|个|部|次|家|户|栋|项|分钟|分|所|件|套)")]
    private static partial Regex NumberWithUnit();

    // A yearly deadline by month: 每年6月底前, 9月底前 (a date, not a quantity, but a rule all the same).
    [GeneratedRegex(@"(?<num>\d{1,2}|[一二三四五六七八九十]{1,3})月底前")]
    private static partial Regex MonthEndDeadline();

    private static readonly string[] CapWords = ["最高不超过", "最高", "最多", "上限", "不超过", "不得超过", "不高于", "封顶"];

    private static readonly string[] CountContext = ["每", "给予", "最", "累计", "各", "加", "减", "扣", "计", "开展", "不", "超", "满", "达", "按", "限"];

    private static readonly string[] ComparisonWords =
        ["不超过", "不得超过", "不少于", "不得少于", "不低于", "不高于", "以上", "以下", "以内", "超过", "不足", "低于", "高于", "达到", "满", "(含)", "最高", "最多", "内"];

    public static IReadOnlyList<RuleUnit> Extract(GazetteDocument document) =>
        [.. document.AllProvisions().SelectMany(p => Extract(p.Id, PrintedText(p)))];

    /// <summary>A provision's own words: heading, text and, for a table, its cells.</summary>
    public static string PrintedText(Provision p) =>
        (p.Heading ?? "") + p.Text + (p.Cells is null ? "" : string.Join("\n", p.Cells.Select(r => string.Join(" ", r))));

    /// <summary>Candidate rule units in one provision's own text.</summary>
    public static IReadOnlyList<RuleUnit> Extract(string provisionId, string text)
    {
        var folded = TextNormalizer.Fold(text).Replace('％', '%');
        var units = new List<RuleUnit>();
        foreach (Match m in NumberWithUnit().Matches(folded))
        {
            var numberText = m.Groups["num"].Value;
            var unit = m.Groups["unit"].Value;
            if (!TryNumber(numberText, out var value))
            {
                continue;
            }

            var before = folded[Math.Max(0, m.Index - 12)..m.Index];
            var after = folded[(m.Index + m.Length)..Math.Min(folded.Length, m.Index + m.Length + 6)];

            // Dates, years and document numbers are not rule units: 2024年, 〔2024〕12号, 第3条, 1月1日.
            if (IsDateOrReference(unit, before, after, value))
            {
                continue;
            }

            // Words, not quantities: 一次性, 年级/年度, 部分, 四分位, 分钟 as a score unit.
            if (after.StartsWith('性') || unit == "年" && (after.StartsWith('级') || after.StartsWith('度'))
                || unit == "部" && after.StartsWith('分') || unit == "分" && after.StartsWith('位'))
            {
                continue;
            }

            var comparison = ComparisonWords.Where(w => after.StartsWith(w, StringComparison.Ordinal) || before.EndsWith(w, StringComparison.Ordinal)
                    || before.Contains(w, StringComparison.Ordinal) && w.Length > 1)
                .OrderByDescending(w => w.Length).FirstOrDefault();
            var kind = Classify(unit, before, after, comparison);

            // A bare count ("共计4项", "四个服务", "6人") describes rather than rules; a count is kept when the words
            // before it make it a rule (每…, 给予…, 累计…, 开展…次).
            if (kind == RuleUnitKind.Count && unit != "分" && !CountContext.Any(w => before[Math.Max(0, before.Length - 6)..].Contains(w, StringComparison.Ordinal)))
            {
                continue;
            }
            var start = Math.Max(0, m.Index - 8);
            var end = Math.Min(folded.Length, m.Index + m.Length + 4);
            units.Add(new RuleUnit(provisionId, kind, value, unit, comparison, folded[start..end]));
        }

        foreach (Match m in MonthEndDeadline().Matches(folded))
        {
            if (TryNumber(m.Groups["num"].Value, out var month) && month is >= 1 and <= 12)
            {
                var start = Math.Max(0, m.Index - 8);
                var end = Math.Min(folded.Length, m.Index + m.Length + 4);
                units.Add(new RuleUnit(provisionId, RuleUnitKind.Deadline, month, "月底前", "前", folded[start..end]));
            }
        }

        return units;
    }

    private static RuleUnitKind Classify(string unit, string before, string after, string? comparison)
    {
        if (unit is "%" or "‰" or "倍")
        {
            return RuleUnitKind.Rate;
        }

        if (unit is "万元" or "亿元" or "元")
        {
            return CapWords.Any(w => before.Contains(w, StringComparison.Ordinal) || after.StartsWith(w, StringComparison.Ordinal))
                ? RuleUnitKind.Cap
                : comparison is "以上" or "以下" or "超过" or "不足" or "低于" or "达到" or "(含)" or "不少于" or "不低于"
                    ? RuleUnitKind.Threshold
                    : RuleUnitKind.Amount;
        }

        if (unit is "个工作日" or "工作日" or "个自然日" or "自然日" or "日" or "天" or "个月" or "年" or "小时")
        {
            return after.StartsWith('内') || after.StartsWith("以内", StringComparison.Ordinal) || before.Contains("有效期", StringComparison.Ordinal)
                || before.EndsWith("于", StringComparison.Ordinal) || before.Contains("期限", StringComparison.Ordinal)
                ? RuleUnitKind.Deadline
                : comparison is null ? RuleUnitKind.Count : RuleUnitKind.Threshold;
        }

        return comparison is null ? RuleUnitKind.Count : RuleUnitKind.Threshold;
    }

    private static bool IsDateOrReference(string unit, string before, string after, decimal value)
    {
        if (unit == "年" && value >= 1900 && value <= 2100)
        {
            return true;
        }

        if (unit is "日" && before.EndsWith('月'))
        {
            return true;
        }

        if (unit is "个月" or "日" && after.StartsWith('日'))
        {
            return true;
        }

        // 第3项, 第十二条: an ordinal, not a quantity (〔2024〕12号 never matches: 号 is not a unit).
        return before.EndsWith('第');
    }

    private static bool TryNumber(string text, out decimal value)
    {
        if (char.IsAsciiDigit(text[0]))
        {
            return decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out value);
        }

        var parsed = ChineseNumeral.Parse(text);
        value = parsed ?? 0;
        return parsed is not null;
    }
}

/// <summary>Extracted rule units of a document, each linked to the scheme parameter that models it, if any.</summary>
public static class RuleUnitCatalogue
{
    public sealed record Entry(RuleUnit Unit, string? SchemeId, string? Parameter);

    /// <summary>
    /// Links each unit to a parameter (or scale bracket) of a scheme of the same document whose value is the unit's and
    /// whose provision is the unit's, an ancestor or a descendant of it.
    /// </summary>
    public static IReadOnlyList<Entry> Classify(string documentId, IReadOnlyList<RuleUnit> units, IEnumerable<Scheme> schemes)
    {
        var values = schemes.Where(s => s.DocumentId == documentId || units.Any(u => u.ProvisionId.StartsWith(s.DocumentId + "/", StringComparison.Ordinal)))
            .SelectMany(s => s.Parameters.SelectMany(p => p.Values.Select(v => (s.Id, Name: p.Name, v.Value, v.Source.ProvisionId)))
                .Concat(s.Scales.SelectMany(sc => sc.Brackets.SelectMany(b => new[]
                {
                    (s.Id, Name: sc.Name, Value: b.Threshold, b.Source.ProvisionId),
                    (s.Id, Name: sc.Name, Value: b.Amount, b.Source.ProvisionId),
                    (s.Id, Name: sc.Name, Value: b.Rate, b.Source.ProvisionId),
                }))))
            .ToList();
        return [.. units.Select(u =>
        {
            var link = values.FirstOrDefault(v => v.Value == u.Value && Related(v.ProvisionId, u.ProvisionId));
            return new Entry(u, link.Id, link.Name);
        })];
    }

    /// <summary>The units of one document (not its instruments), classified against <paramref name="schemes"/>.</summary>
    public static IReadOnlyList<Entry> Of(GazetteDocument document, IEnumerable<Scheme> schemes) =>
        Classify(document.Id, RuleUnitExtractor.Extract(document), schemes);

    /// <summary>The JSON form of entries, shared by the CLI (<c>units --json</c>) and <c>GET /api/documents/{id}/units</c>.</summary>
    public static JsonArray Json(IEnumerable<Entry> entries) => new([.. entries.Select(e => (JsonNode)new JsonObject
    {
        ["provisionId"] = e.Unit.ProvisionId,
        ["kind"] = e.Unit.Kind.ToString(),
        ["value"] = e.Unit.Value,
        ["unit"] = e.Unit.Unit,
        ["comparison"] = e.Unit.Comparison,
        ["quote"] = e.Unit.Quote,
        ["modelledBy"] = e.Parameter is null ? null : $"{e.SchemeId}/{e.Parameter}",
    })]);

    public static bool Related(string a, string b) =>
        a == b || a.StartsWith(b + "/", StringComparison.Ordinal) || b.StartsWith(a + "/", StringComparison.Ordinal);
}
