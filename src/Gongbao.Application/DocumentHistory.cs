using Gongbao.Domain;
using Gongbao.Parsing;
using Gongbao.Storage;

namespace Gongbao.Application;

/// <summary>One stored version of the source a document is printed in, and whether the document is in it.</summary>
public sealed record DocumentVersion(string IssueId, int Version, string Sha256, DateTimeOffset IngestedAt, bool Current);

/// <summary>A provision whose text or heading differs between two versions.</summary>
public sealed record ChangedProvision(string Id, string? Label, string? Before, string? After);

/// <summary>Which provisions of a document were added, removed or changed from one stored version to another (by provision ID).</summary>
public sealed record ProvisionDiff(
    string DocumentId, string IssueId, int From, int To,
    IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<ChangedProvision> Changed, int Unchanged);

/// <summary>Why a version could not be shown.</summary>
public sealed class DocumentHistoryException(string message, bool notFound) : Exception(message)
{
    /// <summary>True when the version or the document in it does not exist (else: the stored text could not be parsed).</summary>
    public bool NotFound { get; } = notFound;
}

/// <summary>
/// A document as it stood in each stored version of its source: the version's text is parsed again (the store keeps
/// every version's text, not its rows). The newest version is the stored document itself.
/// </summary>
public sealed class DocumentHistory(IGazetteStore store)
{
    /// <summary>Gazette dates are Beijing dates: "stored on a date" is read in UTC+8.</summary>
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public IReadOnlyList<DocumentVersion> Versions(string issueId)
    {
        var versions = store.Versions(issueId);
        var latest = versions.Count == 0 ? 0 : versions.Max(v => v.Version);
        return versions.Select(v => new DocumentVersion(issueId, v.Version, v.Sha256, v.IngestedAt, v.Version == latest)).ToList();
    }

    /// <summary>The version the store held on <paramref name="date"/> (Beijing time): the newest ingested by the end of that day, or null.</summary>
    public DocumentVersion? On(string issueId, DateOnly date) =>
        Versions(issueId).Where(v => DateOnly.FromDateTime(v.IngestedAt.ToOffset(Beijing).DateTime) <= date).MaxBy(v => v.Version);

    /// <summary>The document as printed in one version of its source.</summary>
    public GazetteDocument At(string issueId, string documentId, int version)
    {
        var versions = Versions(issueId);
        var v = versions.FirstOrDefault(x => x.Version == version)
            ?? throw new DocumentHistoryException($"来源 {issueId} 没有第 {version} 版（共 {versions.Count} 版）。", notFound: true);
        GazetteDocument? found;
        if (v.Current && store.FindDocument(documentId).FirstOrDefault(w => w.IssueId == issueId) is { } stored)
        {
            found = stored.Document;
        }
        else
        {
            var text = store.VersionText(issueId, version) ?? throw new DocumentHistoryException($"来源 {issueId} 第 {version} 版的文本缺失。", notFound: true);
            GazetteIssue parsed;
            try
            {
                parsed = new GazetteParser().Parse(text, issueId + ".txt", v.Sha256);
            }
            catch (GazetteFormatException ex)
            {
                throw new DocumentHistoryException($"来源 {issueId} 第 {version} 版的文本无法解析：{ex.Diagnostic.Message}", notFound: false);
            }

            found = parsed.Documents.FirstOrDefault(d => d.Id == documentId);
        }

        return found ?? throw new DocumentHistoryException($"来源 {issueId} 第 {version} 版中没有文件 {documentId}。", notFound: true);
    }

    /// <summary>Provisions added, removed and changed from version <paramref name="from"/> to <paramref name="to"/>, matched by ID.</summary>
    public ProvisionDiff Diff(string issueId, string documentId, int from, int to)
    {
        var before = Provisions(At(issueId, documentId, from));
        var after = Provisions(At(issueId, documentId, to));
        var changed = new List<ChangedProvision>();
        var unchanged = 0;
        foreach (var (id, a) in after)
        {
            if (!before.TryGetValue(id, out var b))
            {
                continue;
            }

            if (b.Text == a.Text && b.Heading == a.Heading && b.Label == a.Label)
            {
                unchanged++;
            }
            else
            {
                changed.Add(new ChangedProvision(id, a.Label ?? b.Label, b.Text, a.Text));
            }
        }

        return new ProvisionDiff(documentId, issueId, from, to,
            after.Keys.Where(k => !before.ContainsKey(k)).ToList(),
            before.Keys.Where(k => !after.ContainsKey(k)).ToList(),
            changed, unchanged);
    }

    // Insertion-ordered by reading order; a damaged text may repeat an ID: the first occurrence counts.
    private static Dictionary<string, Provision> Provisions(GazetteDocument document)
    {
        var map = new Dictionary<string, Provision>(StringComparer.Ordinal);
        foreach (var p in document.AllProvisions().Concat(document.Instruments.SelectMany(i => i.AllProvisions())))
        {
            map.TryAdd(p.Id, p);
        }

        return map;
    }
}
