using System.Globalization;
using System.Text;

namespace Gongbao.Domain;

/// <summary>
/// Toneless pinyin for building ASCII identifiers (京规自发 → jingguizifa). The table is generated from
/// Unihan's kMandarin readings by tools/gen-pinyin-table.sh; it is only used for IDs, never for display.
/// </summary>
public static class Pinyin
{
    private static readonly Lazy<Dictionary<char, string>> Table = new(Load);

    public static string Romanize(string text)
    {
        var sb = new StringBuilder(text.Length * 4);
        foreach (var c in text)
        {
            if (Table.Value.TryGetValue(c, out var reading))
            {
                sb.Append(reading);
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c is >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ' or >= '０' and <= '９')
            {
                sb.Append(char.ToLowerInvariant((char)(c - 0xFEE0)));
            }
        }

        return sb.ToString();
    }

    private static Dictionary<char, string> Load()
    {
        using var stream = typeof(Pinyin).Assembly.GetManifestResourceStream("Gongbao.Domain.pinyin.tsv")
            ?? throw new InvalidOperationException("pinyin.tsv resource missing from Gongbao.Domain");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<char, string>(27_000);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            if (tab > 0 && int.TryParse(line.AsSpan(0, tab), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var cp))
            {
                table[(char)cp] = line[(tab + 1)..];
            }
        }

        return table;
    }
}
