using Gongbao.Storage;

namespace Gongbao.Cli.Rendering;

/// <summary>What a user-supplied reference names: a document (by ID or number, with all its witnesses) or a provision.</summary>
public sealed record StoredItem(DocumentWitness? Document, IReadOnlyList<DocumentWitness> Witnesses, ProvisionHit? Provision)
{
    /// <summary>
    /// Resolves a document number in any printed form, a document ID or a provision ID. Documents win
    /// over provisions (a document's root provision has the document's ID). With <paramref name="issueId"/>,
    /// only that source's witness is used.
    /// </summary>
    public static StoredItem Resolve(IGazetteStore store, string reference, string? issueId)
    {
        var witnesses = store.FindDocument(reference);
        if (witnesses.Count > 0)
        {
            var chosen = issueId is null ? witnesses[0] : witnesses.FirstOrDefault(w => w.IssueId == issueId)
                ?? throw new CliException(ExitCodes.NotFound, $"'{reference}' is not printed in {issueId}; it is in {string.Join(", ", witnesses.Select(w => w.IssueId))}");
            return new StoredItem(chosen, witnesses, null);
        }

        var hit = store.GetProvision(reference, issueId);
        return hit is not null
            ? new StoredItem(null, [], hit)
            : throw new CliException(ExitCodes.NotFound,
                $"nothing stored under '{reference}': give a document number (京规自发〔2024〕122号), a document ID (jingguizifa-2024-122) or a provision ID (jingguizifa-2024-122/art-3)");
    }
}
