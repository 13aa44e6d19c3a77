using Gongbao.Domain;

namespace Gongbao.Search;

/// <summary>A document as printed in one source, with the source facts the index needs.</summary>
public sealed record IndexedWitness(string IssueId, SourceKind SourceKind, int? IssueYear, GazetteDocument Document)
{
    public static IEnumerable<IndexedWitness> FromIssue(GazetteIssue issue) =>
        issue.Documents.Select(d => new IndexedWitness(issue.Id, issue.Kind, issue.Year, d));

    /// <summary>Year used for filtering: the issue's, else the document number's, else the signing date's.</summary>
    public int? Year => IssueYear ?? Document.Number?.Year ?? Document.SignedOn?.Year;
}
