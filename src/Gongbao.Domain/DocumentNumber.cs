using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongbao.Domain;

/// <summary>How a document number is printed.</summary>
public enum DocumentNumberForm
{
    /// <summary>Issuer code, bracketed year, serial: 京规自发〔2024〕122号.</summary>
    Bracketed,

    /// <summary>Year and serial under an issuer's series, e.g. a 公告 numbered 2023年第3号.</summary>
    YearSerial,

    /// <summary>An order's serial with no year: 北京市人民政府令 第312号.</summary>
    Order,
}

/// <summary>
/// A document number (文号) such as 京规自发〔2024〕122号: issuer code, year and serial.
/// <see cref="Printed"/> keeps the form as it appeared (brackets and spacing vary in print).
/// Two more forms exist (<see cref="Form"/>): an order (北京市人民政府令第312号, IssuerCode 北京市人民政府令,
/// <see cref="Year"/> 0 because none is printed) and a year series (北京市市场监督管理局公告 2023年第3号,
/// IssuerCode = the issuer and the series word). The form follows from the fields, so a number rebuilt
/// from stored fields keeps it.
/// </summary>
public sealed partial record DocumentNumber(string IssuerCode, int Year, int Serial, string Printed)
{
    public DocumentNumberForm Form =>
        Year == 0 ? DocumentNumberForm.Order
        : YearMarker().IsMatch(Printed) ? DocumentNumberForm.YearSerial
        : DocumentNumberForm.Bracketed;

    /// <summary>The canonical form: 京规自发〔2024〕122号, 北京市人民政府令第312号, 北京市市场监督管理局公告2023年第3号.</summary>
    public string Canonical => Form switch
    {
        DocumentNumberForm.Order => $"{IssuerCode}第{Serial.ToString(CultureInfo.InvariantCulture)}号",
        DocumentNumberForm.YearSerial => $"{IssuerCode}{Year.ToString(CultureInfo.InvariantCulture)}年第{Serial.ToString(CultureInfo.InvariantCulture)}号",
        _ => $"{IssuerCode}〔{Year.ToString(CultureInfo.InvariantCulture)}〕{Serial.ToString(CultureInfo.InvariantCulture)}号",
    };

    /// <summary>
    /// ASCII slug used in stable IDs: <c>jingguizifa-2024-122</c>; an order has no year
    /// (<c>beijingshirenminzhengfuling-312</c>).
    /// </summary>
    public string Slug => Form == DocumentNumberForm.Order
        ? $"{Pinyin.Romanize(IssuerCode)}-{Serial.ToString(CultureInfo.InvariantCulture)}"
        : $"{Pinyin.Romanize(IssuerCode)}-{Year.ToString(CultureInfo.InvariantCulture)}-{Serial.ToString(CultureInfo.InvariantCulture)}";

    [GeneratedRegex(@"[0-9０-９]\s*年")]
    private static partial Regex YearMarker();

    // Issuer code: 2-8 CJK chars starting the number; brackets in any of the variants seen in print.
    [GeneratedRegex(@"(?<code>[\p{IsCJKUnifiedIdeographs}]{2,10})\s*[〔\[（(【［](?<year>[0-9０-９]{4})\s*[〕\]）)】］]\s*(?:第\s*)?(?<serial>[0-9０-９]{1,5})\s*号")]
    private static partial Regex Pattern();

    // An order: the order's name ending in 令, then 第N号 (on the same line or, in a header, the next).
    [GeneratedRegex(@"(?<code>[\p{IsCJKUnifiedIdeographs}]{2,20}令)\s*[(（]?\s*第\s*(?<serial>[0-9０-９]{1,5})\s*号\s*[)）]?")]
    private static partial Regex OrderPattern();

    // A year series: optional issuer and series word, then 2023年第3号.
    [GeneratedRegex(@"(?<code>[\p{IsCJKUnifiedIdeographs}]{2,30}?)?\s*(?<year>[0-9０-９]{4})\s*年\s*第\s*(?<serial>[0-9０-９]{1,5})\s*号")]
    private static partial Regex YearSerialPattern();

    /// <summary>Finds the first bracketed document number in <paramref name="text"/>, whatever its bracket and width variant.</summary>
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

    /// <summary>An order number printed as one piece: 北京市人民政府令第312号 (also with the serial in parentheses).</summary>
    public static DocumentNumber? FindOrder(string text)
    {
        var m = OrderPattern().Match(text);
        return m.Success
            ? new DocumentNumber(m.Groups["code"].Value, 0, int.Parse(FoldDigits(m.Groups["serial"].Value), CultureInfo.InvariantCulture), m.Value)
            : null;
    }

    /// <summary>
    /// A year-series number (2023年第3号). The issuer and series word come from the text before the year or,
    /// when none is printed there, from <paramref name="series"/> (e.g. 北京市市场监督管理局公告); null when neither names one.
    /// </summary>
    public static DocumentNumber? FindYearSerial(string text, string? series)
    {
        var m = YearSerialPattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var code = m.Groups["code"].Success && m.Groups["code"].Value.Length >= 2 ? m.Groups["code"].Value : series;
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        return new DocumentNumber(code, int.Parse(FoldDigits(m.Groups["year"].Value), CultureInfo.InvariantCulture),
            int.Parse(FoldDigits(m.Groups["serial"].Value), CultureInfo.InvariantCulture), m.Value.Trim());
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
