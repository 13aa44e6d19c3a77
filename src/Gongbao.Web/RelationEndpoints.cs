using System.Globalization;
using System.Text.RegularExpressions;

using Gongbao.Application;
using Gongbao.Citations.Relations;
using Gongbao.Domain;

using Microsoft.AspNetCore.Http;

namespace Gongbao.Web;

/// <summary>A relation as the API serves it: the stating provision, the kind (and its Chinese name), the target as printed and resolved.</summary>
public sealed record RelationView(
    string Kind, string KindZh, string SourceDocumentId, string? SourceInstrumentId, string SourceProvisionId, int? SourceArticle,
    string? SourceTitle, string? SourceNumber, DateOnly? SourceEffectiveFrom, string Printed, string? TargetTitle, string? TargetNumber,
    string Target, string? TargetDocumentId, string? TargetInstrumentId, string? ResolvedTitle, bool External, string Trigger);

public sealed record RelationsView(string DocumentId, string? Scope, IReadOnlyList<RelationView> Outgoing, IReadOnlyList<RelationView> Incoming);

public sealed record StatusView(
    string DocumentId, bool Stored, DateOnly AsOf, LegalState State, string Badge, string Reason, DateOnly? EffectiveFrom, DateOnly? EffectiveUntil,
    RelationView? DecidedBy);

public sealed record DocumentAsOfView(string IssueId, int Version, DateTimeOffset IngestedAt, bool Current, DateOnly AsOf, GazetteDocument Document);

/// <summary>
/// Relations, status and versions of a document, reached through the <c>/api/documents/{**path}</c> catch-all:
/// <c>…/relations</c>, <c>…/status?asOf=</c>, <c>…/versions</c>, <c>…/versions/{a}/diff/{b}</c> and <c>?asOf=</c> on the document.
/// The path before the suffix may be a document ID or number, an instrument ID or a provision ID (slashes and all).
/// </summary>
internal static partial class RelationEndpoints
{
    [GeneratedRegex(@"^(?<target>.+)/versions/(?<a>\d{1,6})/diff/(?<b>\d{1,6})$")]
    private static partial Regex VersionDiff();

    /// <summary>The response for a relations/status/versions path, or null when the path is not one (the document itself).</summary>
    public static IResult? Dispatch(GongbaoServices g, string path, HttpRequest request)
    {
        string? asOf = request.Query["asOf"];
        string? source = request.Query["source"];
        if (path.EndsWith("/relations", StringComparison.Ordinal))
        {
            return Relations(g, path[..^"/relations".Length]);
        }

        if (path.EndsWith("/status", StringComparison.Ordinal))
        {
            return Status(g, path[..^"/status".Length], asOf);
        }

        if (path.EndsWith("/versions", StringComparison.Ordinal))
        {
            return Versions(g, path[..^"/versions".Length], source);
        }

        if (VersionDiff().Match(path) is { Success: true } m)
        {
            return Diff(g, m.Groups["target"].Value, source, int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture));
        }

        if (request.Query["version"] is { Count: > 0 } v && string.IsNullOrEmpty(request.Query["format"]))
        {
            return int.TryParse(v[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? Version(g, path, source, n)
                : BadRequest($"version 须为正整数，而不是“{v[0]}”。");
        }

        return asOf is not null && string.IsNullOrEmpty(request.Query["format"]) ? AsOf(g, path, asOf, source) : null;
    }

    /// <summary>The stored top-level document a path names, and the narrower part named (instrument or provision ID), or null.</summary>
    private static (DocumentWitnessLocation Where, string? Scope)? Locate(GongbaoServices g, string path)
    {
        var graph = g.Relations;
        string? candidate = null;
        if (g.Store.FindDocument(path) is { Count: > 0 } found)
        {
            candidate = found[0].Document.Id;
        }
        else if (g.Store.GetProvision(path) is { } hit)
        {
            candidate = hit.Provision.Id;
        }

        if (candidate is null)
        {
            return null;
        }

        // Instrument and provision IDs extend their document's ID.
        return graph.Owner(candidate) is { } w ? (new DocumentWitnessLocation(w.IssueId, w.Document), candidate == w.Document.Id ? null : candidate) : null;
    }

    private sealed record DocumentWitnessLocation(string IssueId, GazetteDocument Document);

    private static IResult Relations(GongbaoServices g, string path)
    {
        if (Locate(g, path) is not { } at)
        {
            return NotFound($"没有文件或条款“{path}”。");
        }

        var graph = g.Relations;
        var id = at.Where.Document.Id;
        var scope = at.Scope;
        var outgoing = graph.Outgoing(id).Where(r => scope is null || r.SourceInstrumentId == scope || r.SourceProvisionId == scope || r.SourceProvisionId.StartsWith(scope + "/", StringComparison.Ordinal));
        var incoming = graph.Incoming(id).Where(r => scope is null || !scope.Contains("/inst-", StringComparison.Ordinal) || r.TargetInstrumentId is null || scope.StartsWith(r.TargetInstrumentId, StringComparison.Ordinal));
        return Results.Ok(new RelationsView(id, scope, outgoing.Select(r => View(graph, r, incoming: false)).ToList(), incoming.Select(r => View(graph, r, incoming: true)).ToList()));
    }

    internal static RelationView View(RelationGraph graph, Relation r, bool incoming)
    {
        var source = graph.Document(r.SourceDocumentId)?.Document;
        var sourceTitle = r.SourceInstrumentId is { } si ? source?.Instruments.FirstOrDefault(i => i.Id == si)?.TitleZh ?? source?.TitleZh : source?.TitleZh;
        var target = r.TargetDocumentId is { } td ? graph.Document(td)?.Document : null;
        var resolved = r.TargetInstrumentId is { } ti ? target?.Instruments.FirstOrDefault(i => i.Id == ti)?.TitleZh ?? target?.TitleZh : target?.TitleZh;
        return new RelationView(r.Kind.ToString(), KindZh(r.Kind, incoming), r.SourceDocumentId, r.SourceInstrumentId, r.SourceProvisionId, r.SourceArticle,
            sourceTitle, source?.Number?.Canonical, r.SourceEffectiveFrom, r.Printed, r.Title, r.Number, r.TargetKey, r.TargetDocumentId, r.TargetInstrumentId,
            resolved, r.External, r.Trigger);
    }

    /// <summary>The reader's panel headings: 依据, 废止, 被…废止, 被引用, 引用.</summary>
    public static string KindZh(RelationKind kind, bool incoming) => (kind, incoming) switch
    {
        (RelationKind.LegalBasis, false) => "依据",
        (RelationKind.Repeals or RelationKind.Replaces, false) => "废止",
        (RelationKind.Repeals or RelationKind.Replaces, true) => "被废止",
        (RelationKind.Amends, false) => "修改",
        (RelationKind.Amends, true) => "被修改",
        (RelationKind.Issues, false) => "印发",
        (_, true) => "被引用",
        _ => "引用",
    };

    private static IResult Status(GongbaoServices g, string path, string? asOf)
    {
        if (ParseDate(asOf) is not { } date)
        {
            return BadRequest($"asOf 须为 yyyy-MM-dd 格式的日期，而不是“{asOf}”。");
        }

        var graph = g.Relations;
        string key;
        var stored = true;
        if (Locate(g, path) is { } at)
        {
            key = at.Where.Document.Id;
        }
        else
        {
            // A document not stored but cited by one (京建法〔2020〕5号): its status is what stored documents say about it.
            key = Relation.KeyOf(null, DocumentNumber.Find(path)) is { Length: > 0 } k ? k : path;
            stored = false;
            if (graph.Incoming(key).Count == 0)
            {
                return NotFound($"没有文件“{path}”，库中也没有文件引用它。");
            }
        }

        var s = new LegalStatusEvaluator(graph).Evaluate(key, date);
        return Results.Ok(new StatusView(key, stored, date, s.State, s.Badge, s.Reason, s.EffectiveFrom, s.EffectiveUntil,
            s.DecidedBy is { } by ? View(graph, by, incoming: true) : null));
    }

    /// <summary>Null (meaning today in Beijing) or a yyyy-MM-dd date; a malformed date is an error, never today.</summary>
    internal static DateOnly? ParseDate(string? asOf) =>
        string.IsNullOrEmpty(asOf) ? LegalStates.TodayInBeijing()
        : DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static IResult Versions(GongbaoServices g, string path, string? source)
    {
        if (Witness(g, path, source) is not { } w)
        {
            return NotFound($"没有文件“{path}”{(source is null ? "" : $"（来源 {source}）")}。");
        }

        return Results.Ok(new DocumentHistory(g.Store).Versions(w.IssueId));
    }

    private static IResult Diff(GongbaoServices g, string path, string? source, int from, int to)
    {
        if (Witness(g, path, source) is not { } w)
        {
            return NotFound($"没有文件“{path}”。");
        }

        return History(() => Results.Ok(new DocumentHistory(g.Store).Diff(w.IssueId, w.Document.Id, from, to)));
    }

    private static IResult AsOf(GongbaoServices g, string path, string asOf, string? source)
    {
        if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return BadRequest($"asOf 须为 yyyy-MM-dd 格式的日期，而不是“{asOf}”。");
        }

        if (Witness(g, path, source) is not { } w)
        {
            return NotFound($"没有文件“{path}”。");
        }

        var history = new DocumentHistory(g.Store);
        if (history.On(w.IssueId, date) is not { } version)
        {
            return NotFound($"{date:yyyy-MM-dd} 时库中还没有收录来源 {w.IssueId}。");
        }

        return History(() => Results.Ok(new DocumentAsOfView(w.IssueId, version.Version, version.IngestedAt, version.Current, date,
            history.At(w.IssueId, w.Document.Id, version.Version))));
    }

    private static IResult Version(GongbaoServices g, string path, string? source, int version)
    {
        if (Witness(g, path, source) is not { } w)
        {
            return NotFound($"没有文件“{path}”。");
        }

        var history = new DocumentHistory(g.Store);
        return History(() =>
        {
            var v = history.Versions(w.IssueId).FirstOrDefault(x => x.Version == version)
                ?? throw new DocumentHistoryException($"来源 {w.IssueId} 没有第 {version} 版。", notFound: true);
            return Results.Ok(new DocumentAsOfView(w.IssueId, v.Version, v.IngestedAt, v.Current, DateOnly.FromDateTime(v.IngestedAt.ToOffset(TimeSpan.FromHours(8)).DateTime),
                history.At(w.IssueId, w.Document.Id, version)));
        });
    }

    private static IResult History(Func<IResult> run)
    {
        try
        {
            return run();
        }
        catch (DocumentHistoryException ex)
        {
            return ex.NotFound ? NotFound(ex.Message)
                : Results.Problem(title: "Unprocessable", detail: ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity);
        }
    }

    /// <summary>The witness of the top-level document the path names (in <paramref name="source"/> when given).</summary>
    private static Storage.DocumentWitness? Witness(GongbaoServices g, string path, string? source)
    {
        if (Locate(g, path) is not { } at)
        {
            return null;
        }

        var witnesses = g.Store.FindDocument(at.Where.Document.Id);
        return source is null ? witnesses.FirstOrDefault() : witnesses.FirstOrDefault(w => w.IssueId == source);
    }

    /// <summary>IDs of the stored documents in <paramref name="state"/> on <paramref name="date"/>, for the search filter.</summary>
    public static HashSet<string> DocumentsIn(GongbaoServices g, LegalState state, DateOnly date) => g.Status.DocumentsIn(state, date);

    private static IResult NotFound(string detail) =>
        Results.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    private static IResult BadRequest(string detail) =>
        Results.Problem(title: "Bad request", detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
