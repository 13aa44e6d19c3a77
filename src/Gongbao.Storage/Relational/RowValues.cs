using System.Data.Common;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

using Gongbao.Domain;

namespace Gongbao.Storage.Relational;

/// <summary>Conversions between model values and the portable column types of <see cref="GazetteSchema"/>.</summary>
public static class RowValues
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? Date(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string JsonList(IReadOnlyList<string> items) => JsonSerializer.Serialize(items, Json);

    public static IReadOnlyList<string> JsonList(string json) => JsonSerializer.Deserialize<List<string>>(json, Json) ?? [];

    public static string? JsonCells(IReadOnlyList<IReadOnlyList<string>>? cells) =>
        cells is null ? null : JsonSerializer.Serialize(cells, Json);

    public static IReadOnlyList<IReadOnlyList<string>>? JsonCells(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<List<List<string>>>(json, Json)?.Select(r => (IReadOnlyList<string>)r).ToList();

    public static TEnum Enum<TEnum>(string text)
        where TEnum : struct, System.Enum =>
        System.Enum.Parse<TEnum>(text);

    public static DocumentNumber? Number(string? issuer, int? year, int? serial, string? printed) =>
        issuer is null || year is null || serial is null ? null : new DocumentNumber(issuer, year.Value, serial.Value, printed ?? "");
}

/// <summary>Typed, name-based access to the current row of a reader (column ordinals looked up once per query).</summary>
public sealed class RowReader(DbDataReader reader) : IDisposable
{
    private readonly Dictionary<string, int> _ordinals = Enumerable.Range(0, reader.FieldCount)
        .ToDictionary(reader.GetName, i => i, StringComparer.OrdinalIgnoreCase);

    public bool Read() => reader.Read();

    public string Str(string column) => reader.GetString(_ordinals[column]);

    public string? NStr(string column)
    {
        var i = _ordinals[column];
        return reader.IsDBNull(i) ? null : reader.GetString(i);
    }

    public int Int(string column) => Convert.ToInt32(reader.GetValue(_ordinals[column]), CultureInfo.InvariantCulture);

    public int? NInt(string column)
    {
        var i = _ordinals[column];
        return reader.IsDBNull(i) ? null : Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);
    }

    public bool Bool(string column) => Int(column) != 0;

    public byte[] Bytes(string column) => (byte[])reader.GetValue(_ordinals[column]);

    public void Dispose() => reader.Dispose();
}
