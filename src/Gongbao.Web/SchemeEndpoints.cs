using System.Text.Json;
using System.Text.Json.Nodes;

using Gongbao.Application;
using Gongbao.Rules.Engine;
using Gongbao.Rules.Extraction;
using Gongbao.Rules.Matching;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Gongbao.Web;

/// <summary>
/// HTTP API of the executable schemes:
/// <c>GET /api/schemes[?document={document id}]</c> lists them (the reader asks which schemes a document defines),
/// <c>GET /api/schemes/{id}</c> describes one (inputs as JSON Schema for the form, parameters with their provisions),
/// <c>POST /api/schemes/{id}/evaluate?asOf=yyyy-MM-dd</c> evaluates a JSON case and returns outputs and the trace.
/// Invalid inputs are RFC 7807 validation problems keyed by field name.
/// </summary>
public static class SchemeEndpoints
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = SafeJson.Encoder };

    public static IEndpointRouteBuilder MapSchemeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/schemes").WithTags("Schemes").AddEndpointFilter(ServerHardening.ObserveTimeout);

        group.MapGet("/", (string? document) =>
        {
            var schemes = SchemeRegistry.All.Where(s => document is null
                || string.Equals(s.DocumentId, document, StringComparison.OrdinalIgnoreCase)
                || string.Equals(s.DocumentNumber, document, StringComparison.Ordinal));
            return Results.Json(new JsonArray([.. schemes.Select(s => (JsonNode)SchemeJson.Summary(s))]), Json);
        }).WithName("ListSchemes").WithSummary("List executable schemes, optionally those of one document");

        group.MapGet("/{id}", (string id) => SchemeRegistry.Find(id) is { } scheme
            ? Results.Json(SchemeJson.Describe(scheme), Json)
            : NotFound(id)).WithName("GetScheme").WithSummary("A scheme's inputs (JSON Schema), parameters and cited provisions");

        group.MapPost("/{id}/evaluate", async (string id, string? asOf, HttpRequest request) =>
        {
            if (SchemeRegistry.Find(id) is not { } scheme)
            {
                return NotFound(id);
            }

            // asOf is required (Scheme.Evaluate reports it missing together with any input errors): a default of today
            // would make the same request give different answers over time.
            var date = SchemeInput.ParseDate(asOf);
            if (!string.IsNullOrEmpty(asOf) && date is null) // an empty asOf= (a cleared date field) is a missing one
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["asOf"] = ["expected yyyy-MM-dd"] },
                    extensions: Codes("asOf", InputError.NotDate));
            }

            JsonObject? input;
            try
            {
                // A repeated key is a 400 naming the key, not a 500 from the dictionary behind JsonObject.
                input = await SchemeInput.ParseAsync(request.Body, request.HttpContext.RequestAborted);
            }
            catch (JsonException ex)
            {
                return Results.Problem(title: "Invalid JSON", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest);
            }

            if (input is null)
            {
                return Results.Problem(title: "Invalid input", detail: "the body must be a JSON object of inputs", statusCode: StatusCodes.Status400BadRequest);
            }

            try
            {
                return Results.Json(SchemeJson.Result(scheme.Evaluate(input, date)), Json);
            }
            catch (InputValidationException ex)
            {
                return InvalidInput(ex.Errors, $"Invalid input for {scheme.Id}");
            }
        }).WithName("EvaluateScheme").WithSummary("Evaluate a scheme on a case; the trace cites a provision for every step");

        // POST /api/match?asOf=yyyy-MM-dd: a profile → every measure, applies / may apply / does not apply, ranked.
        app.MapPost("/api/match", async (string? asOf, HttpRequest request) =>
        {
            if (SchemeInput.ParseDate(asOf) is not { } date)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["asOf"] = ["required: yyyy-MM-dd"] },
                    extensions: Codes("asOf", string.IsNullOrEmpty(asOf) ? InputError.Required : InputError.NotDate));
            }

            string body;
            using (var reader = new StreamReader(request.Body))
            {
                body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
            }

            try
            {
                var profile = Profile.FromJson(body);
                return Results.Json(MatchJson.Result(profile, date, MeasureMatcher.Default.Match(profile, date)), Json);
            }
            catch (JsonException ex)
            {
                return Results.Problem(title: "Invalid JSON", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest);
            }
            catch (InputValidationException ex)
            {
                return InvalidInput(ex.Errors, "Invalid profile");
            }
        }).WithTags("Schemes").WithName("MatchProfile").WithSummary("Which measures apply to a profile, with reasons cited and maximum amounts")
            .AddEndpointFilter(ServerHardening.ObserveTimeout);

        // GET /api/documents/{id}/units[?unmodelled=true]: every clause of a stored document that sets an amount, rate, cap,
        // threshold, deadline or count, marked modelled (the scheme parameter that holds it) or not.
        app.MapGet("/api/documents/{id}/units", ([FromServices] GongbaoServices g, string id, bool? unmodelled) =>
        {
            var witnesses = g.Store.FindDocument(Uri.UnescapeDataString(id));
            if (witnesses.Count == 0)
            {
                return Results.Problem(title: "Document not found", detail: $"no document '{id}'", statusCode: StatusCodes.Status404NotFound);
            }

            var document = witnesses[0].Document;
            var entries = document.Instruments.Prepend(document)
                .SelectMany(d => RuleUnitCatalogue.Of(d, SchemeRegistry.All))
                .Where(e => unmodelled != true || e.Parameter is null).ToList();
            return Results.Json(new JsonObject
            {
                ["documentId"] = document.Id,
                ["modelled"] = entries.Count(e => e.Parameter is not null),
                ["unmodelled"] = entries.Count(e => e.Parameter is null),
                ["units"] = RuleUnitCatalogue.Json(entries),
            }, Json);
        }).WithTags("Schemes").WithName("DocumentRuleUnits").WithSummary("Candidate rule units (amounts, rates, caps, thresholds, deadlines, counts) of a document, modelled or not")
            .AddEndpointFilter(ServerHardening.ObserveTimeout);

        return app;
    }

    /// <summary>
    /// A validation problem: <c>errors</c> keeps the English messages for API users, <c>codes</c> (same keys, same order)
    /// the machine-readable <see cref="InputError.Code"/>s the reader turns into Chinese.
    /// </summary>
    private static IResult InvalidInput(IReadOnlyList<InputError> errors, string title)
    {
        var byField = errors.GroupBy(e => e.Field).ToList();
        return Results.ValidationProblem(
            byField.ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: title,
            extensions: new Dictionary<string, object?> { ["codes"] = byField.ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray()) });
    }

    private static Dictionary<string, object?> Codes(string field, string code) =>
        new() { ["codes"] = new Dictionary<string, string[]> { [field] = [code] } };

    private static IResult NotFound(string id) =>
        Results.Problem(title: "Scheme not found", detail: $"no scheme '{id}' (GET /api/schemes lists them)", statusCode: StatusCodes.Status404NotFound);
}
