using Gongbao.Domain;

namespace Gongbao.Search;

/// <summary>A document as printed in one source, with the source facts the index needs.</summary>
public sealed record IndexedWitness(string IssueId, SourceKind SourceKind, int? IssueYear, GazetteDocument Document)
{
    public static IEnumerable<IndexedWitness> FromIssue(GazetteIssue issue) =>
        issue.Documents.Select(d => new IndexedWitness(issue.Id, issue.Kind, issue.Year, d) { PublishedOn = issue.PublicationDate });

    /// <summary>Publication date of the issue that printed this witness, when known.</summary>
    public DateOnly? PublishedOn { get; init; }

    /// <summary>The document's own year: its signing date's, else its number's, else the printing issue's.</summary>
    public int? DocumentYear => Document.SignedOn?.Year ?? Document.Number?.Year ?? IssueYear;
}
