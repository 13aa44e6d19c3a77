using System.Text.Json;

namespace Gongbao.Cli.Load;

/// <summary>The kinds of request a load test mixes.</summary>
public enum LoadKind
{
    SearchDocuments,
    SearchProvisions,
    Document,
    Provision,
    Cite,
}

/// <summary>
/// The URLs a load test requests, found through the API itself (so a remote server is tested the same
/// way as an in-process one): issues → documents → provisions, citations built from document numbers
/// and article labels, and a fixed list of Chinese queries. Every target is requested once here and kept
/// only if it answered 2xx, so the measurement does not count the test's own bad guesses as errors.
/// </summary>
public sealed class LoadTargets
{
    /// <summary>Queries of different shapes: one word, two words, a phrase, a document number, rare and common terms.</summary>
    public static readonly string[] Queries =
    [
        "信用评价", "熔断机制", "公共建筑 能效", "补贴", "管理办法", "未成年人 监护", "超高清", "\"数据安全\"", "京规自发〔2024〕122号", "医疗保障",
    ];

    private const int MaxDocuments = 12;
    private const int MaxCitations = 12;

    private LoadTargets(Dictionary<LoadKind, List<string>> urls, int discoveryRequests)
    {
        Urls = urls;
        DiscoveryRequests = discoveryRequests;
    }

    public IReadOnlyDictionary<LoadKind, List<string>> Urls { get; }

    /// <summary>Requests made while finding the targets (they also warm the server up).</summary>
    public int DiscoveryRequests { get; }

    public static async Task<LoadTargets> Discover(HttpClient client, CancellationToken cancellation)
    {
        var requests = 0;
        async Task<JsonElement?> Get(string url, bool required)
        {
            requests++;
            using var response = await client.GetAsync(url, cancellation);
            if (!response.IsSuccessStatusCode)
            {
                return required
                    ? throw new LoadTestException($"finding targets: GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}")
                    : null;
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellation);
            return (await JsonDocument.ParseAsync(stream, cancellationToken: cancellation)).RootElement.Clone();
        }

        var urls = Enum.GetValues<LoadKind>().ToDictionary(k => k, _ => new List<string>());
        var issues = (await Get("/api/issues?pageSize=500", required: true))!.Value.GetProperty("items")
            .EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        if (issues.Count == 0)
        {
            throw new LoadTestException("the server's store is empty: ingest gazettes first (gongbao demo, or gongbao ingest <files>)");
        }

        var documents = new List<(string Id, string? Number)>();
        foreach (var issue in issues)
        {
            var view = (await Get("/api/issues/" + Uri.EscapeDataString(issue), required: true))!.Value;
            foreach (var d in view.GetProperty("documents").EnumerateArray())
            {
                documents.Add((d.GetProperty("id").GetString()!, d.TryGetProperty("number", out var n) ? n.GetString() : null));
            }
        }

        // An even spread over the stored documents, not just the first issue's.
        var step = Math.Max(1, documents.Count / MaxDocuments);
        var citations = new List<string>();
        foreach (var (id, number) in documents.Where((_, i) => i % step == 0).Take(MaxDocuments))
        {
            var url = "/api/documents/" + Uri.EscapeDataString(id);
            if (await Get(url, required: false) is not { } doc)
            {
                continue;
            }

            urls[LoadKind.Document].Add(url);
            var d = doc.GetProperty("document");
            var provisions = Provisions(d.GetProperty("body")).ToList();
            if (d.TryGetProperty("instruments", out var instruments))
            {
                foreach (var instrument in instruments.EnumerateArray())
                {
                    var articles = Provisions(instrument.GetProperty("body")).ToList();
                    provisions.AddRange(articles);
                    if (instrument.TryGetProperty("titleZh", out var title) && articles.FirstOrDefault(a => a.Kind == "Article") is { Label: { } label })
                    {
                        citations.Add($"{title.GetString()}{label}");
                    }
                }
            }

            // A few provisions of each document, from the start, middle and end of its tree.
            var picked = provisions.Where(p => p.Kind != "Document").ToList();
            foreach (var p in new[] { picked.Count / 4, picked.Count / 2, picked.Count * 3 / 4 }.Distinct().Where(i => i < picked.Count))
            {
                urls[LoadKind.Provision].Add("/api/provisions/" + picked[p].Id);
            }

            if (number is not null && provisions.FirstOrDefault(p => p.Kind == "Article") is { Label: { } articleLabel })
            {
                citations.Add(number + articleLabel);
            }
        }

        foreach (var citation in citations.Distinct().Take(MaxCitations))
        {
            var url = "/api/cite?q=" + Uri.EscapeDataString(citation);
            if (await Get(url, required: false) is not null)
            {
                urls[LoadKind.Cite].Add(url);
            }
        }

        foreach (var query in Queries)
        {
            foreach (var (kind, level) in new[] { (LoadKind.SearchDocuments, "document"), (LoadKind.SearchProvisions, "provision") })
            {
                var url = $"/api/search?q={Uri.EscapeDataString(query)}&level={level}";
                if (await Get(url, required: false) is not null)
                {
                    urls[kind].Add(url);
                }
            }
        }

        foreach (var (kind, list) in urls)
        {
            if (list.Count == 0)
            {
                throw new LoadTestException($"finding targets: no {kind} request answered 2xx");
            }
        }

        return new LoadTargets(urls, requests);
    }

    private static IEnumerable<(string Id, string Kind, string? Label)> Provisions(JsonElement provision)
    {
        yield return (provision.GetProperty("id").GetString()!, provision.GetProperty("kind").GetString()!,
            provision.TryGetProperty("label", out var label) ? label.GetString() : null);
        if (provision.TryGetProperty("children", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                foreach (var p in Provisions(child))
                {
                    yield return p;
                }
            }
        }
    }
}

/// <summary>A load test that cannot run (no targets, server unreachable): one line for the user.</summary>
public sealed class LoadTestException(string message) : Exception(message);
