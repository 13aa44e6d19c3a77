using System.Globalization;

using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Tests;

/// <summary>Checks that a parameter's value is what its printed words say (800 in "800 分及以上", 2 in "两次及以上").</summary>
internal static class PrintedValue
{
    private static readonly Dictionary<char, int> Numerals = new()
    {
        ['一'] = 1,
        ['二'] = 2,
        ['两'] = 2,
        ['三'] = 3,
        ['四'] = 4,
        ['五'] = 5,
        ['六'] = 6,
        ['七'] = 7,
        ['八'] = 8,
        ['九'] = 9,
        ['十'] = 10,
    };

    public static bool Contains(string quote, decimal value)
    {
        var text = TextNormalizer.Fold(quote);
        var digits = value.ToString("0.####", CultureInfo.InvariantCulture);

        // The number must stand alone: 50 must not match inside 150 or 500.
        for (var at = text.IndexOf(digits, StringComparison.Ordinal); at >= 0; at = text.IndexOf(digits, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 ? ' ' : text[at - 1];
            var end = at + digits.Length;
            var after = end >= text.Length ? ' ' : text[end];
            if (!char.IsAsciiDigit(before) && before != '.' && !char.IsAsciiDigit(after) && !(after == '.' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1])))
            {
                return true;
            }
        }

        return value is > 0 and <= 10 && value == decimal.Truncate(value)
            && text.Any(c => Numerals.TryGetValue(c, out var n) && n == value);
    }
}
