using Gongbao.Domain;
using Gongbao.Storage;

namespace Gongbao.Citations.Relations;

/// <summary>
/// Keeps the store's relations right: what an ingest writes with the issue (its own relations, read against the
/// store as it will be once the issue is stored, and the retargets of other sources' relations), and the backfill of
/// sources whose relations are missing (stored before relations were kept, or by an older extractor).
/// </summary>
public static class StoredRelations
{
    /// <summary>Bumped whenever the extractor reads differently: stored relations of an older version are re-extracted.</summary>
    public const int ExtractorVersion = 1;

    public static StoredRelation ToStored(Relation r, string issueId) => new()
    {
        IssueId = issueId,
        Kind = r.Kind.ToString(),
        SourceDocumentId = r.SourceDocumentId,
        SourceInstrumentId = r.SourceInstrumentId,
        SourceProvisionId = r.SourceProvisionId,
        SourceArticle = r.SourceArticle,
        SourceEffectiveFrom = r.SourceEffectiveFrom,
        Printed = r.Printed,
        Title = r.Title,
        Number = r.Number,
        TargetKey = r.TargetKey,
        TargetDocumentId = r.TargetDocumentId,
        TargetInstrumentId = r.TargetInstrumentId,
        Trigger = r.Trigger,
    };

    public static Relation FromStored(StoredRelation r) => new()
    {
        Kind = Enum.Parse<RelationKind>(r.Kind),
        SourceDocumentId = r.SourceDocumentId,
        SourceInstrumentId = r.SourceInstrumentId,
        SourceProvisionId = r.SourceProvisionId,
        SourceArticle = r.SourceArticle,
        SourceEffectiveFrom = r.SourceEffectiveFrom,
        Printed = r.Printed,
        Title = r.Title,
        Number = r.Number,
        TargetKey = r.TargetKey,
        TargetDocumentId = r.TargetDocumentId,
        TargetInstrumentId = r.TargetInstrumentId,
        Trigger = r.Trigger,
    };

    /// <summary>
    /// The relations to write with <paramref name="issue"/>: its own, resolved against the store with the issue in place
    /// of its previous version, and every stored relation (of other sources) whose target that changes. Null when the
    /// store keeps no relations. Reads the store's titles and relations: an ingest of several sources keeps them in
    /// memory instead (<see cref="IngestRelations"/>).
    /// </summary>
    public static RelationUpdate? ForIngest(IGazetteStore store, GazetteIssue issue)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(issue);
        return IngestRelations.Load(store)?.Prepare(issue).Update;
    }

    /// <summary>
    /// Extracts and stores the relations of every source that has none (or only an older extractor's), each in its own
    /// transaction; returns the sources written. A read-only or failing store is left as it is: the caller computes
    /// the missing relations in memory instead (see <see cref="RelationGraph"/>).
    /// </summary>
    public static IReadOnlyList<string> Backfill(IGazetteStore store, CitationResolver resolver)
    {
        var written = new List<string>();
        if (!store.KeepsRelations)
        {
            return written;
        }

        var missing = store.SourcesWithoutRelations(ExtractorVersion);
        if (missing.Count == 0)
        {
            return written;
        }

        var extractor = new RelationExtractor(resolver);
        foreach (var id in missing)
        {
            if (store.GetIssue(id) is not { } issue)
            {
                continue;
            }

            var own = issue.Documents.SelectMany(d => extractor.Extract(new DocumentWitness(id, d))).Select(r => ToStored(r, id)).ToList();
            if (store.ReplaceRelations(id, issue.SourceSha256, new RelationUpdate(ExtractorVersion, own, [])))
            {
                written.Add(id);
            }
        }

        // Relations stored earlier may point at sources that were missing theirs only; one retarget pass settles them.
        if (written.Count > 0)
        {
            store.RetargetRelations(Retargets(store.Relations().Where(r => r.TargetDocumentId is null), resolver));
        }

        return written;
    }

    /// <summary>The stored relations whose target resolves differently now.</summary>
    private static List<RelationRetarget> Retargets(IEnumerable<StoredRelation> relations, CitationResolver resolver)
    {
        var list = new List<RelationRetarget>();
        foreach (var r in relations)
        {
            if (r.Kind == nameof(RelationKind.Issues) && r.TargetDocumentId == r.SourceDocumentId)
            {
                continue;
            }

            var (doc, inst) = Resolve(resolver, r);
            if (doc != r.TargetDocumentId || inst != r.TargetInstrumentId)
            {
                list.Add(new RelationRetarget(r.IssueId, r.Seq, doc, inst));
            }
        }

        return list;
    }

    /// <summary>As the extractor resolves: by number when one is printed (never a title guess then), otherwise by title.</summary>
    internal static (string? Document, string? Instrument) Resolve(CitationResolver resolver, StoredRelation r) =>
        RelationExtractor.ResolveTarget(resolver, r.Title, r.Number) is { } found && found.Document != r.SourceDocumentId ? found : (null, null);
}
