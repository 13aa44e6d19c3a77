using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

using Gongbao.Domain;

namespace Gongbao.Application.Export;

/// <summary>JSON export: the document (or provision) with its whole provision tree, instruments and attachments.</summary>
public static class JsonDocumentExporter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Document(string issueId, GazetteDocument document) =>
        JsonSerializer.Serialize(new { source = issueId, document }, Options);

    public static string Provision(string issueId, string documentId, Provision provision) =>
        JsonSerializer.Serialize(new { source = issueId, documentId, provision }, Options);
}
