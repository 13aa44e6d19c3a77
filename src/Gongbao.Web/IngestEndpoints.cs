using System.Globalization;

using Gongbao.Domain;
using Gongbao.Storage;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Gongbao.Web;

/// <summary>
/// <c>POST /api/ingest</c>: the only mutating endpoint, disabled unless an ingest token is configured.
/// The gazette is the request body (text/plain; <c>?name=</c> labels it) or <c>?file=</c>, a file in the
/// configured inbox. <c>?force=true</c> replaces a source whose bytes are already stored.
/// </summary>
internal static class IngestEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ingest", Ingest)
            .WithRequestTimeout(ServerHardening.IngestTimeoutPolicy)
            .WithSummary("Parse and store a gazette (Authorization: Bearer <ingest token>); read-only servers answer 403");
    }

    private static async Task<IResult> Ingest(HttpContext http, HttpIngestion ingestion, ServerOptions options, string? file, string? name, bool? force)
    {
        if (!ingestion.Enabled)
        {
            return Problem(StatusCodes.Status403Forbidden, "Ingest disabled",
                "Ingest over HTTP is disabled: this server is read-only. Configure an ingest token (Gongbao:IngestToken, " +
                "the GONGBAO__INGESTTOKEN environment variable or serve --ingest-token-file) to enable it.");
        }

        var authorization = http.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || authorization.Length <= "Bearer ".Length)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer realm=\"gongbao-ingest\"";
            return Problem(StatusCodes.Status401Unauthorized, "Token required", "Ingest needs the header Authorization: Bearer <ingest token>.");
        }

        if (!ingestion.TokenMatches(authorization["Bearer ".Length..].Trim()))
        {
            return Problem(StatusCodes.Status403Forbidden, "Invalid token", "The ingest token is not valid.");
        }

        try
        {
            byte[] bytes;
            string? source;
            if (file is not null)
            {
                if (HasBody(http.Request))
                {
                    throw new IngestRequestException(400, "Give either a request body or ?file=, not both.");
                }

                var path = ingestion.ResolveInboxFile(file);
                var length = new FileInfo(path).Length;
                if (length > options.MaxIngestBytes)
                {
                    throw TooLarge(options, $"'{file}'", length);
                }

                try
                {
                    // Opened without blocking: a FIFO or device in the inbox is refused instead of hanging this request.
                    bytes = SourceFiles.Read(path, options.MaxIngestBytes);
                }
                catch (SourceFileException ex)
                {
                    throw new IngestRequestException(400, $"Cannot read '{file}' in the ingest inbox: {ex.Message}");
                }

                source = file;
            }
            else
            {
                source = Label(name);
                CheckContentType(http.Request);
                bytes = await ReadBody(http, options);
                if (bytes.Length == 0)
                {
                    throw new IngestRequestException(400, "The request body is empty: send the gazette text, or name a file in the ingest inbox with ?file=.");
                }
            }

            var result = await ingestion.Ingest(bytes, source, force ?? false, http.RequestAborted);
            switch (result.Refusal)
            {
                case IngestRefusal.Unparseable:
                    return Results.Problem(
                        title: "Unusable gazette text",
                        detail: $"Nothing was stored: {result.Error}",
                        statusCode: StatusCodes.Status422UnprocessableEntity,
                        extensions: new Dictionary<string, object?> { ["diagnostics"] = result.Diagnostics.ToArray() });
                case IngestRefusal.NotAGazette:
                    return Problem(StatusCodes.Status422UnprocessableEntity, "Not a gazette", $"Nothing was stored: {result.Error}");
                case IngestRefusal.ReplaceNeedsForce:
                    return Problem(StatusCodes.Status409Conflict, "Replace needs force", $"Nothing was stored: {result.Error}");
                case IngestRefusal.Unreadable:
                    return Problem(StatusCodes.Status400BadRequest, "Bad request", $"Nothing was stored: {result.Error}");
                case IngestRefusal.StoreFailed:
                    // The store's transaction rolled back: the source is not stored and the index was not touched.
                    return Problem(StatusCodes.Status500InternalServerError, "Store error", $"Nothing was stored: the store failed while writing the source: {result.Error}");
            }

            var stored = result.Stored!;
            var response = new IngestResponse(stored.IssueId, stored.Outcome, stored.Documents, stored.Provisions, result.Source,
                result.Diagnostics.Select(d => d.ToString()).ToList(), stored.Version,
                stored.Outcome == IngestOutcome.Unchanged ? "unchanged" : result.IndexPending ? "pending" : "updated", result.Incomplete,
                result.IndexPending
                    ? $"Stored; the search index update is pending ({result.IndexProblem}) and will be repaired on the next ingest or restart."
                    : result.Incomplete ? "Stored, but the parser reported errors: parts of the source may be missing (see diagnostics)." : null);
            return stored.Outcome == IngestOutcome.Added
                ? TypedResults.Created($"/api/issues/{Uri.EscapeDataString(stored.IssueId)}", response)
                : TypedResults.Ok(response);
        }
        catch (IngestRequestException ex)
        {
            return Problem(ex.StatusCode, ex.StatusCode switch
            {
                StatusCodes.Status404NotFound => "Not found",
                StatusCodes.Status413PayloadTooLarge => "Too large",
                StatusCodes.Status503ServiceUnavailable => "Writer busy",
                StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
                _ => "Bad request",
            }, ex.Message);
        }
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The upload's name serves only as a label (diagnostics, the stored source file name, standalone IDs).
    /// Without one, the ingest service derives a name from the content, so two unlabelled uploads never share an ID.
    /// </summary>
    private static string? Label(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        if (name.Length > IngestInbox.MaxNameLength || name.Any(char.IsControl) || name.IndexOfAny(['/', '\\', ':']) >= 0 || name is "." or "..")
        {
            throw new IngestRequestException(400, "name labels the upload and must be a plain file name (no directories or control characters), e.g. ?name=2024-31.txt.");
        }

        return name;
    }

    private static void CheckContentType(HttpRequest request)
    {
        if (request.ContentType is null)
        {
            return;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !(type.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase) || type.MediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase)))
        {
            throw new IngestRequestException(StatusCodes.Status415UnsupportedMediaType,
                $"Send the gazette text as text/plain (UTF-8; GB18030 and UTF-16 with a byte order mark are recognised), not {request.ContentType}.");
        }
    }

    /// <summary>Reads the body up to the ingest limit, counting bytes itself so the limit holds on any server.</summary>
    private static async Task<byte[]> ReadBody(HttpContext http, ServerOptions options)
    {
        var request = http.Request;
        if (request.ContentLength > options.MaxIngestBytes)
        {
            throw TooLarge(options, "the request body", request.ContentLength);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = options.MaxIngestBytes;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                if (buffer.Length + read > options.MaxIngestBytes)
                {
                    throw TooLarge(options, "the request body", null);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(options, "the request body", null);
        }

        return buffer.ToArray();
    }

    private static IngestRequestException TooLarge(ServerOptions options, string subject, long? size) =>
        new(StatusCodes.Status413PayloadTooLarge, size is { } n
            ? string.Create(CultureInfo.InvariantCulture, $"Nothing was stored: {subject} is {n:N0} bytes, above the ingest limit of {options.MaxIngestBytes:N0} bytes (Gongbao:MaxIngestBytes).")
            : string.Create(CultureInfo.InvariantCulture, $"Nothing was stored: {subject} is larger than the ingest limit of {options.MaxIngestBytes:N0} bytes (Gongbao:MaxIngestBytes)."));

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: status);
}
