namespace Gongbao.Storage.Relational;

/// <summary>
/// How a provision is found by ID without a row per provision: its ID starts with the ID of its top-level
/// document (docs/identifiers.md), so the candidates are the documents whose ID is a '/'-prefix of it,
/// found through the documents index. Provisions that break the rule are listed in <c>provision_ids</c>.
/// </summary>
public static class ProvisionLookup
{
    public static bool UnderDocument(string provisionId, string documentId) =>
        provisionId.StartsWith(documentId, StringComparison.Ordinal)
        && (provisionId.Length == documentId.Length || provisionId[documentId.Length] == '/');

    /// <summary>The ID itself and every prefix of it that ends before a '/'.</summary>
    public static IReadOnlyList<string> DocumentIdCandidates(string provisionId)
    {
        var list = new List<string> { provisionId };
        for (var i = provisionId.IndexOf('/', StringComparison.Ordinal); i >= 0; i = provisionId.IndexOf('/', i + 1))
        {
            if (i > 0)
            {
                list.Add(provisionId[..i]);
            }
        }

        return list;
    }
}
