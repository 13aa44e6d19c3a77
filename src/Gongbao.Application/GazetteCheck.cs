using Gongbao.Domain;

namespace Gongbao.Application;

/// <summary>
/// Is this a gazette (or a gazette document) at all? A parse always produces something, even from random
/// text or a password file; storing that as a "standalone document" would put junk into search and
/// citations. Input with no masthead, no contents and no recognisable document header is refused.
/// </summary>
public static class GazetteCheck
{
    /// <returns>Why the parsed input is not a gazette, or null when it is one.</returns>
    public static string? Problem(GazetteIssue issue)
    {
        if (issue.Documents.Count == 0)
        {
            return "no documents were found in it (a contents list alone is not an issue)";
        }

        var masthead = issue.Kind == SourceKind.Issue || issue.GazetteTitle is not null;
        if (masthead || issue.Contents.Count > 0 || issue.Documents.Any(HasHeader))
        {
            return null;
        }

        return "it has no gazette masthead, no contents (目录) and no recognisable document header " +
            "(a document number such as 京政发〔2024〕1号, an issuer, a signing date or a title naming the kind of document)";
    }

    private static bool HasHeader(GazetteDocument d) =>
        d.Number is not null || d.Kind != DocumentKind.Other || d.Issuers.Count > 0 || d.SignedOn is not null;
}
