namespace Gongbao.Search;

public enum SearchLevel
{
    Document,
    Provision,
}

public sealed record SearchRequest
{
    public required string Query { get; init; }

    public SearchLevel Level { get; init; } = SearchLevel.Document;

    public int? Year { get; init; }

    public string? Issuer { get; init; }

    public string? Kind { get; init; }

    public string? Section { get; init; }

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 10;
}

public sealed record SearchHit
{
    public required string Id { get; init; }

    public required string DocumentId { get; init; }

    /// <summary>The source (issue) of the witness that matched; other witnesses of the same document are folded into this hit.</summary>
    public required string IssueId { get; init; }

    public required string Title { get; init; }

    public string? TitleEn { get; init; }

    public string? Number { get; init; }

    public string? Label { get; init; }

    public string? Heading { get; init; }

    public int? Year { get; init; }

    public string? Kind { get; init; }

    public string? Section { get; init; }

    public IReadOnlyList<string> Issuers { get; init; } = [];

    public float Score { get; init; }

    /// <summary>HTML: escaped text with matches in &lt;mark&gt;.</summary>
    public required string Snippet { get; init; }
}

public sealed record FacetValue(string Value, int Count);

public sealed record SearchResults
{
    public required string Query { get; init; }

    public required SearchLevel Level { get; init; }

    /// <summary>Distinct documents (or provisions) matching, witnesses folded.</summary>
    public required int Total { get; init; }

    public required int Page { get; init; }

    public required int PageSize { get; init; }

    public required IReadOnlyList<SearchHit> Hits { get; init; }

    /// <summary>Counts per facet field (year, issuer, kind, section) over all matches.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets { get; init; }

    public double ElapsedMilliseconds { get; init; }
}
