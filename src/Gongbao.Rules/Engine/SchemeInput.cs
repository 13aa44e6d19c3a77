using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gongbao.Rules.Engine;

/// <summary>
/// Reads a case's JSON text. A repeated key is rejected at parse time (<see cref="JsonException"/> naming the key):
/// taking either value would be a guess, and the default JsonObject only fails later with an opaque error.
/// </summary>
public static class SchemeInput
{
    public static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false };

    /// <summary>The JSON object in <paramref name="text"/>, or null when the text is valid JSON but not an object.</summary>
    public static JsonObject? Parse(string text) => JsonNode.Parse(text, documentOptions: Options) as JsonObject;

    public static async Task<JsonObject?> ParseAsync(Stream utf8, CancellationToken cancellationToken = default) =>
        await JsonNode.ParseAsync(utf8, documentOptions: Options, cancellationToken: cancellationToken) as JsonObject;

    /// <summary>Parses an evaluation date; the date is always explicit so a result never changes with the calendar.</summary>
    public static DateOnly? ParseDate(string? text) =>
        text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var d) ? d : null;
}
