using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongbao.Domain;

/// <summary>
/// A document number (文号) such as 京规自发〔2024〕122号: issuer code, year and serial.
/// <see cref="Printed"/> keeps the form as it appeared (brackets and spacing vary in print).
/// </summary>
public sealed partial record DocumentNumber(string IssuerCode, int Year, int Serial, string Printed)
{
    /// <summary>The canonical printed form with 〔〕 brackets and no spaces.</summary>
    public string Canonical => $"{IssuerCode}〔{Year.ToString(CultureInfo.InvariantCulture)}〕{Serial.ToString(CultureInfo.InvariantCulture)}号";

    /// <summary>ASCII slug used in stable IDs, e.g. <c>jingguizifa-2024-122</c>.</summary>
    public string Slug => $"{Pinyin.Romanize(IssuerCode)}-{Year.ToString(CultureInfo.InvariantCulture)}-{Serial.ToString(CultureInfo.InvariantCulture)}";

    // Issuer code: 2-8 CJK chars starting the number; brackets in any of the variants seen in print.
    [GeneratedRegex(@"(?<code>[\p{IsCJKUnifiedIdeographs}]{2,10})\s*[〔\[（(【［](?<year>[0-9０-９]{4})\s*[〕\]）)】］]\s*(?:第\s*)?(?<serial>[0-9０-９]{1,5})\s*号")]
    private static partial Regex Pattern();

    /// <summary>Finds the first document number in <paramref name="text"/>, whatever its bracket and width variant.</summary>
    public static DocumentNumber? Find(string text)
    {
        var m = Pattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        return new DocumentNumber(
            m.Groups["code"].Value,
            int.Parse(FoldDigits(m.Groups["year"].Value), CultureInfo.InvariantCulture),
            int.Parse(FoldDigits(m.Groups["serial"].Value), CultureInfo.InvariantCulture),
            m.Value);
    }

    public static bool TryParse(string text, out DocumentNumber? number)
    {
        number = Find(text);
        return number is not null && number.Printed.Length == text.Trim().Length;
    }

    private static string FoldDigits(string s) =>
        string.Create(s.Length, s, static (span, src) =>
        {
            for (var i = 0; i < src.Length; i++)
            {
                var c = src[i];
                span[i] = c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c;
            }
        });

    public override string ToString() => Canonical;
}
