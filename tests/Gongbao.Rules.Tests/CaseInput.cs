using System.Text.Json.Nodes;

using Gongbao.Rules.Engine;

namespace Gongbao.Rules.Tests;

/// <summary>Builds JSON inputs tersely for the worked cases.</summary>
internal static class CaseInput
{
    public static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();

    public static EvaluationResult Run(Scheme scheme, string json, string asOf = "2025-06-30") =>
        scheme.Evaluate(Json(json), DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));

    public static InputValidationException Fails(Scheme scheme, string json) =>
        Assert.Throws<InputValidationException>(() => scheme.Evaluate(Json(json), new DateOnly(2025, 6, 30)));

    /// <summary>Every provision ID in the trace, to check a result cites the article it rests on.</summary>
    public static IReadOnlyList<string> Cited(EvaluationResult r) =>
        [.. r.Trace.DescendantsAndSelf().Where(s => s.Source is not null).Select(s => s.Source!.ProvisionId)];
}
