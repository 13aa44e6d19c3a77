using Gongbao.Application.Export;
using Gongbao.Citations;
using Gongbao.Citations.Relations;
using Gongbao.Domain;
using Gongbao.Search;
using Gongbao.Storage;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gongbao.Web;

public sealed record PagedList<T>(int Total, int Page, int PageSize, IReadOnlyList<T> Items);

public sealed record TocLine(
    int Ordinal, string SectionZh, string? SectionEn, string TitleZh, string? TitleEn,
    string? Number, string? NumberEn, int? Page, string? DocumentId);

public sealed record IssueView(
    string Id, SourceKind Kind, string? GazetteTitle, int? Year, int? Number, int? CumulativeNumber,
    DateOnly? PublicationDate, string? Sponsor, string? SponsorEn, string SourceFile,
    IReadOnlyList<TocLine> Contents, IReadOnlyList<DocumentLink> Documents, IReadOnlyList<ParseDiagnostic> Diagnostics);

public sealed record DocumentLink(string Id, string Title, string? Number);

public sealed record LocatedReference(string ProvisionId, CrossReference Reference);

public sealed record DocumentView(
    string IssueId, IReadOnlyList<string> Witnesses, GazetteDocument Document, IReadOnlyList<LocatedReference> CrossReferences);

public sealed record ProvisionView(
    string Id, string IssueId, string DocumentId, string DocumentTitle, ProvisionKind Kind, string? Label, string? Heading,
    string Text, Provision Provision, IReadOnlyList<CrossReference> CrossReferences);

/// <summary>The JSON API: thin endpoints over the store, the index and the citation resolver.</summary>
internal static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter(ServerHardening.ObserveTimeout);

        api.MapGet("/issues", (GongbaoServices g, ServerOptions limits, int? page, int? pageSize) =>
        {
            if (page > limits.MaxPage)
            {
                return BadRequest($"page is 1..{limits.MaxPage}.");
            }

            var all = g.Store.ListIssues();
            var (p, size) = Paging(page, pageSize, 50);
            // The file name only: where the server's files live is not the client's business.
            return TypedResults.Ok(new PagedList<IssueSummary>(all.Count, p, size,
                all.Skip((p - 1) * size).Take(size).Select(i => i with { SourceFile = Path.GetFileName(i.SourceFile) }).ToList()));
        }).WithSummary("Stored sources (gazette issues and standalone texts), paged; incomplete ones carry their parser errors");

        api.MapGet("/issues/{id}/versions", (GongbaoServices g, string id) =>
        {
            var versions = g.Store.Versions(id);
            return versions.Count == 0 && g.Store.FindSourceState(id) is null
                ? NotFound($"No issue '{id}'. List them at /api/issues.")
                : Results.Ok(versions.Select(v => v with { SourceFile = Path.GetFileName(v.SourceFile) }).ToList());
        }).WithSummary("Every stored version of a source (hash, time, size), oldest first");

        api.MapGet("/issues/{id}/versions/{version:int}", (GongbaoServices g, string id, int version) =>
            g.Store.VersionText(id, version) is { } text
                ? Results.Text(text, "text/plain; charset=utf-8")
                : NotFound($"No version {version} of '{id}'. List them at /api/issues/{id}/versions."))
            .WithSummary("The text of one stored version of a source");

        api.MapGet("/issues/{id}", (GongbaoServices g, string id) =>
            g.Store.GetIssue(id) is { } issue ? Results.Ok(ToView(issue)) : NotFound($"No issue '{id}'. List them at /api/issues."))
            .WithSummary("One source with its bilingual table of contents");

        api.MapGet("/documents/{**path}", async (GongbaoServices g, ServerOptions limits, HttpContext http, string path, string? source, bool? ignoreWidth, string? format) =>
        {
            var decoded = Uri.UnescapeDataString(path).Trim('/');
            if (RelationEndpoints.Dispatch(g, decoded, http.Request) is { } handled)
            {
                return handled; // …/relations, …/status, …/versions[/a/diff/b], ?asOf=
            }

            var diffAt = decoded.IndexOf("/diff/", StringComparison.Ordinal);
            if (diffAt >= 0)
            {
                return await Diff(g, limits, decoded[..diffAt], decoded[(diffAt + 6)..], source, ignoreWidth ?? false, http.RequestAborted);
            }

            return format switch
            {
                null or "" or "view" => Document(g, decoded, source),
                "json" or "akn" => Export(g, decoded, source, format),
                _ => BadRequest($"format must be 'json' or 'akn' (Akoma Ntoso XML), not '{format}'."),
            };
        }).WithSummary("A document by ID or number (京规自发〔2024〕122号); ?format=json|akn exports it; …/{id}/diff/{source} compares two witnesses; " +
            "…/{id}/relations, …/{id}/status?asOf=yyyy-MM-dd, …/{id}/versions, …/{id}/versions/{a}/diff/{b} and ?asOf= (the document as stored on that date)");

        api.MapGet("/provisions/{**id}", (GongbaoServices g, string id, string? source) =>
        {
            var pid = Uri.UnescapeDataString(id).Trim('/');
            var hit = g.Store.GetProvision(pid, source);
            if (hit is null)
            {
                return NotFound($"No provision '{pid}'. Provision IDs look like jingguizifa-2024-122/art-8.");
            }

            var text = ProvisionRendering.PlainText(hit.Provision);
            return Results.Ok(new ProvisionView(hit.Provision.Id, hit.IssueId, hit.DocumentId, hit.DocumentTitle, hit.Provision.Kind,
                hit.Provision.Label, hit.Provision.Heading, text, hit.Provision, g.CrossReferences.Find(text, hit.DocumentId)));
        }).WithSummary("A provision by its stable ID, with its sub-units and cross-references");

        api.MapGet("/search", (GongbaoServices g, ServerOptions limits, string? q, int? year, string? issuer, string? kind, string? section, string? level, int? page, int? pageSize,
            int? issueYear, DateOnly? signedFrom, DateOnly? signedTo, string? sort, string? status, string? asOf) =>
        {
            if (string.IsNullOrWhiteSpace(q))
            {
                return BadRequest("The query parameter q is required, e.g. /api/search?q=信用评价.");
            }

            if (TooLong(limits, ("q", q)) is { } tooLong)
            {
                return tooLong;
            }

            SearchLevel lvl;
            switch (level?.ToLowerInvariant())
            {
                case null or "" or "document":
                    lvl = SearchLevel.Document;
                    break;
                case "provision":
                    lvl = SearchLevel.Provision;
                    break;
                default:
                    return BadRequest($"level must be 'document' or 'provision', not '{level}'.");
            }

            if (page < 1 || page > limits.MaxPage || pageSize is < 1 or > 100)
            {
                return BadRequest($"page is 1..{limits.MaxPage}; pageSize is 1..100.");
            }

            if (!Enum.TryParse<SearchSort>(sort ?? nameof(SearchSort.Relevance), ignoreCase: true, out var order) || !Enum.IsDefined(order))
            {
                return BadRequest($"sort is one of {string.Join(", ", Enum.GetNames<SearchSort>())}, not '{sort}'.");
            }

            // status=现行有效 (or InForce) as of asOf (default today in Beijing): the documents in that state, filtered in the index.
            HashSet<string>? inState = null;
            if (status is not null || asOf is not null)
            {
                if (!LegalStates.TryParse(status, out var state))
                {
                    return BadRequest($"status 须为 {LegalStates.Names} 之一，而不是“{status}”。");
                }

                if (RelationEndpoints.ParseDate(asOf) is not { } date)
                {
                    return BadRequest($"asOf 须为 yyyy-MM-dd 格式的日期，而不是“{asOf}”。");
                }

                inState = RelationEndpoints.DocumentsIn(g, state, date);
            }

            // A citation typed into the search box (京规自发〔2024〕122号第十四条) leads the hits.
            var cited = Citation.Parse(q) is { } c && (c.Number is not null || c.Article is not null) ? g.Resolver.Resolve(q).Result : null;
            return Results.Ok(g.Index.Search(new SearchRequest
            {
                Query = q,
                Level = lvl,
                Year = year,
                IssueYear = issueYear,
                SignedFrom = signedFrom,
                SignedTo = signedTo,
                Sort = order,
                Citation = cited is null ? null : new CitationTarget(cited.DocumentId, cited.ProvisionId),
                Issuer = issuer,
                Kind = kind,
                Section = section,
                Page = page ?? 1,
                PageSize = pageSize ?? 10,
                DocumentIds = inState,
            }));
        }).WithSummary("Full-text search of documents or provisions with facets and highlighted snippets");

        api.MapGet("/cite", (GongbaoServices g, ServerOptions limits, string? q, string? context) =>
        {
            if (string.IsNullOrWhiteSpace(q))
            {
                return BadRequest("The query parameter q is required, e.g. /api/cite?q=京规自发〔2024〕122号第八条.");
            }

            if (TooLong(limits, ("q", q), ("context", context)) is { } tooLong)
            {
                return tooLong;
            }

            var r = g.Resolver.Resolve(q, context);
            if (r.Citation is null)
            {
                return BadRequest(r.Error!);
            }

            // The typed failure (reason, valid range, closest documents) travels with the problem details.
            return r.Resolved ? Results.Ok(r) : Results.Problem(title: "Not found", detail: r.Error, statusCode: StatusCodes.Status404NotFound,
                extensions: new Dictionary<string, object?> { ["failure"] = r.Failure });
        }).WithSummary("Resolves a citation as people write it to the provision it names");
    }

    private static IResult Document(GongbaoServices g, string id, string? source)
    {
        var witnesses = g.Store.FindDocument(id);
        if (witnesses.Count == 0)
        {
            return NotFound($"No document '{id}'. Use a document ID (jingguizifa-2024-122) or number (京规自发〔2024〕122号).");
        }

        var w = source is null ? witnesses[0] : witnesses.FirstOrDefault(x => x.IssueId == source);
        if (w is null)
        {
            return NotFound($"Document '{id}' is not printed in source '{source}'; it is in {string.Join(", ", witnesses.Select(x => x.IssueId))}.");
        }

        var finder = g.CrossReferences;
        var refs = new List<LocatedReference>();
        foreach (var root in new[] { w.Document.Body }.Concat(w.Document.Instruments.Select(i => i.Body)))
        {
            foreach (var p in root.DescendantsAndSelf().Where(p => p.Text.Contains('《') || p.Text.Contains('〔')))
            {
                refs.AddRange(finder.Find(p.Text, w.Document.Id).Select(r => new LocatedReference(p.Id, r)));
            }
        }

        return Results.Ok(new DocumentView(w.IssueId, witnesses.Select(x => x.IssueId).ToList(), w.Document, refs));
    }

    private static IResult Export(GongbaoServices g, string id, string? source, string format)
    {
        var witnesses = g.Store.FindDocument(id);
        var w = source is null ? witnesses.FirstOrDefault() : witnesses.FirstOrDefault(x => x.IssueId == source);
        if (w is null)
        {
            return NotFound($"No document '{id}'{(source is null ? "" : $" in source '{source}'")}.");
        }

        if (format == "json")
        {
            return Results.Text(JsonDocumentExporter.Document(w.IssueId, w.Document), "application/json; charset=utf-8");
        }

        var published = g.Store.ListIssues().FirstOrDefault(i => i.Id == w.IssueId)?.PublicationDate;
        var xml = AkomaNtosoExporter.Export(w.IssueId, w.Document, published);
        return Results.Text(xml.Declaration + "\n" + xml, "application/akn+xml; charset=utf-8");
    }

    private static async Task<IResult> Diff(GongbaoServices g, ServerOptions limits, string id, string other, string? source, bool ignoreWidth, CancellationToken cancellation)
    {
        var gate = limits.ExpensiveGate;
        if (!await gate.WaitAsync(TimeSpan.FromSeconds(2), cancellation))
        {
            return Results.Problem(title: "Busy", detail: $"{limits.MaxConcurrentExpensive} comparisons are already running; retry shortly.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        try
        {
            return DiffWitnesses(g, limits, id, other, source, ignoreWidth, cancellation);
        }
        finally
        {
            gate.Release();
        }
    }

    private static IResult DiffWitnesses(GongbaoServices g, ServerOptions limits, string id, string other, string? source, bool ignoreWidth, CancellationToken cancellation)
    {
        var witnesses = g.Store.FindDocument(id);
        if (witnesses.Count == 0)
        {
            return NotFound($"No document '{id}'.");
        }

        var newer = witnesses.FirstOrDefault(w => w.IssueId == other);
        if (newer is null)
        {
            return NotFound($"Document '{id}' has no witness in source '{other}'; its witnesses are {string.Join(", ", witnesses.Select(w => w.IssueId))}.");
        }

        var older = source is null ? witnesses.FirstOrDefault(w => w.IssueId != other) : witnesses.FirstOrDefault(w => w.IssueId == source);
        if (older is null)
        {
            return source is null
                ? BadRequest($"Document '{id}' has only one witness ({other}); there is nothing to compare.")
                : NotFound($"Document '{id}' has no witness in source '{source}'.");
        }

        var longest = Math.Max(older.Document.Text.Length, newer.Document.Text.Length);
        if (longest > limits.MaxDiffCharacters)
        {
            return Results.Problem(title: "Too large to compare",
                detail: $"A witness of '{id}' has {longest:N0} characters; comparisons are limited to {limits.MaxDiffCharacters:N0} (Gongbao:MaxDiffCharacters).",
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        // The request's token (aborted, or timed out by the middleware) stops the comparison itself.
        return Results.Ok(WitnessComparison.Compare(older, newer, ignoreWidth: ignoreWidth, cancellation: cancellation));
    }

    private static IssueView ToView(GazetteIssue issue)
    {
        var byNumber = issue.Documents.Where(d => d.Number is not null)
            .GroupBy(d => d.Number!.Canonical).ToDictionary(x => x.Key, x => x.First().Id);
        var toc = issue.Contents.Select((t, i) => new TocLine(t.Ordinal, t.SectionZh, t.SectionEn, t.TitleZh, t.TitleEn, t.Number?.Canonical, t.NumberEn, t.Page,
            t.Number is { } n && byNumber.TryGetValue(n.Canonical, out var docId) ? docId
            : issue.Documents.FirstOrDefault(d => TitleIndex.Normalize(d.TitleZh) == TitleIndex.Normalize(t.TitleZh))?.Id
            ?? (issue.Contents.Count == issue.Documents.Count ? issue.Documents[i].Id : null))).ToList();
        return new IssueView(issue.Id, issue.Kind, issue.GazetteTitle, issue.Year, issue.Number, issue.CumulativeNumber, issue.PublicationDate,
            issue.Sponsor, issue.SponsorEn, Path.GetFileName(issue.SourceFile), toc,
            issue.Documents.Select(d => new DocumentLink(d.Id, d.TitleZh, d.Number?.Canonical)).ToList(), issue.Diagnostics);
    }

    private static (int Page, int Size) Paging(int? page, int? pageSize, int defaultSize) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? defaultSize, 1, 500));

    /// <summary>Query text is bounded: analysis and matching cost grows with it.</summary>
    private static IResult? TooLong(ServerOptions limits, params (string Name, string? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            if (value is { } v && v.Length > limits.MaxQueryLength)
            {
                return BadRequest($"{name} is {v.Length} characters long; the limit is {limits.MaxQueryLength}.");
            }
        }

        return null;
    }

    private static IResult NotFound(string detail) =>
        Results.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    private static IResult BadRequest(string detail) =>
        Results.Problem(title: "Bad request", detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
