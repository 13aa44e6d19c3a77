using System.Globalization;

namespace Gongbao.Domain;

/// <summary>
/// Numbers as printed in labels (第十五条, 一、, （十二）) and written in citations: 一 … 九十九 (and 百/千
/// forms), 〇/零/两, 二〇二四-style digit strings, Arabic and full-width digits. One parser for every stage.
/// </summary>
public static class ChineseNumeral
{
    /// <summary>The Han characters of numerals.</summary>
    public const string HanCharacters = "零〇一二两三四五六七八九十百千";

    /// <summary>Han numerals and Arabic digits (half and full width).</summary>
    public const string Characters = HanCharacters + "0123456789０１２３４５６７８９";

    public static bool TryParse(string text, out int value)
    {
        value = 0;
        var s = text.Trim();
        if (s.Length == 0)
        {
            return false;
        }

        if (s.All(c => c is >= '0' and <= '9' or >= '０' and <= '９'))
        {
            var folded = new string(s.Select(c => c >= '０' ? (char)(c - '０' + '0') : c).ToArray());
            return int.TryParse(folded, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
        }

        int total = 0, digit = -1;
        var sawUnit = false;
        foreach (var c in s)
        {
            var d = Digit(c);
            if (d >= 0)
            {
                // 二〇二四-style digit strings: positional when no unit is used.
                digit = digit >= 0 && !sawUnit ? (digit * 10) + d : d;
                continue;
            }

            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0)
            {
                return false;
            }

            sawUnit = true;
            total += (digit < 0 ? 1 : digit) * unit;
            digit = -1;
        }

        if (digit >= 0)
        {
            total += digit;
        }

        value = total;
        return value > 0;
    }

    public static int? Parse(string text) => TryParse(text, out var v) ? v : null;

    private static int Digit(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };

    /// <summary>1 → 一, 14 → 十四, 21 → 二十一, 105 → 一百零五 (1..9999).</summary>
    public static string Format(int value)
    {
        const string digits = "零一二三四五六七八九";
        if (value is <= 0 or > 9999)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        if (value < 20)
        {
            return value < 10 ? digits[value].ToString() : "十" + (value % 10 == 0 ? "" : digits[value % 10].ToString());
        }

        var sb = new System.Text.StringBuilder();
        var units = new[] { (1000, '千'), (100, '百'), (10, '十') };
        var rest = value;
        var pendingZero = false;
        foreach (var (size, unit) in units)
        {
            var d = rest / size;
            rest %= size;
            if (d > 0)
            {
                if (pendingZero)
                {
                    sb.Append('零');
                }

                sb.Append(digits[d]).Append(unit);
                pendingZero = false;
            }
            else if (sb.Length > 0)
            {
                pendingZero = true;
            }
        }

        if (rest > 0)
        {
            if (pendingZero)
            {
                sb.Append('零');
            }

            sb.Append(digits[rest]);
        }

        return sb.ToString();
    }
}
