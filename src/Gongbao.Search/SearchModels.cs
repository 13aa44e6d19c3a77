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

    /// <summary>Year of the gazette issue that printed the document (<see cref="Year"/> is the document's own year).</summary>
    public int? IssueYear { get; init; }

    /// <summary>Inclusive bounds on the document's signing date.</summary>
    public DateOnly? SignedFrom { get; init; }

    public DateOnly? SignedTo { get; init; }

    /// <summary>Inclusive bounds on the publication date of the printing issue.</summary>
    public DateOnly? PublishedFrom { get; init; }

    public DateOnly? PublishedTo { get; init; }

    /// <summary>Inclusive bounds on the date the document takes effect.</summary>
    public DateOnly? EffectiveFrom { get; init; }

    public DateOnly? EffectiveTo { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>
    /// A citation or document number the caller recognised in <see cref="Query"/> (see <see cref="ICitationShortcut"/>):
    /// its target is the first hit.
    /// </summary>
    public CitationTarget? Citation { get; init; }

    /// <summary>
    /// Only hits in these documents (by document ID), when set: filters computed outside the index (legal status as of
    /// a date) narrow the search here, so totals, facets and paging stay exact. Empty: no hits.
    /// </summary>
    public IReadOnlyCollection<string>? DocumentIds { get; init; }

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 10;
}

/// <summary>Order of hits: by relevance, or newest first by one of the document's dates.</summary>
public enum SearchSort
{
    Relevance,
    SignedOn,
    PublishedOn,
    EffectiveFrom,
}

/// <summary>Where a citation typed into the search box points: a document, or one of its provisions.</summary>
public sealed record CitationTarget(string DocumentId, string? ProvisionId);

/// <summary>
/// Recognises a citation (京规自发〔2024〕122号第十四条, 《…办法》第五条) in a search query. Search does not
/// parse citations itself; the host plugs in its resolver (<see cref="GazetteIndex.CitationShortcut"/>).
/// </summary>
public interface ICitationShortcut
{
    CitationTarget? Resolve(string query);
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

    /// <summary>For provisions: the labels from the top of the document down to this one (二、 › (三) › 11.).</summary>
    public string? Path { get; init; }

    /// <summary>The document's own year (signing date, else number).</summary>
    public int? Year { get; init; }

    /// <summary>Year of the gazette issue that printed the witness shown.</summary>
    public int? IssueYear { get; init; }

    /// <summary>True when the hit is the target of a citation recognised in the query.</summary>
    public bool Cited { get; init; }

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

    /// <summary>Counts per facet field (year, issue year, issuer, kind, section) over all matches.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets { get; init; }

    /// <summary>When nothing matched: titles closest to the query, best first.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    public double ElapsedMilliseconds { get; init; }
}
