using Gongbao.Citations;
using Gongbao.Citations.Relations;
using Gongbao.Domain;
using Gongbao.Storage;

namespace Gongbao.Search.Tests;

/// <summary>Relations written with the issue on ingest follow the store: a target stored later is retargeted, a removed one becomes external.</summary>
public sealed class StoredRelationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gongbao-storedrel-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static void Ingest(IGazetteStore store, GazetteIssue issue, bool force = false) =>
        store.Ingest(issue, force, null, StoredRelations.ForIngest(store, issue));

    [Fact]
    public void AnExternalTargetStoredLaterIsRetargetedInTheSameIngest()
    {
        using var store = SqliteGazetteStore.OpenDirectory(_directory);
        // 第二条 of the later notice repeals 京规自发〔2024〕122号 before that document is stored: external.
        Ingest(store, RelationTests.LaterRepealingIssue());
        var repeal = Assert.Single(store.Relations(), r => r.Kind == "Repeals");
        Assert.Equal(("ceshifa-2025-1/art-2", 2, "京规自发〔2024〕122号"), (repeal.SourceProvisionId, repeal.SourceArticle, repeal.TargetKey));
        Assert.Null(repeal.TargetDocumentId);

        Ingest(store, SampleCorpus.Issues.Single(i => i.Id == "beijing-2024-31"));
        Assert.Equal("jingguizifa-2024-122", store.Relations().Single(r => r is { Kind: "Repeals", IssueId: "test-2025-1" }).TargetDocumentId);
        Assert.Empty(store.SourcesWithoutRelations(StoredRelations.ExtractorVersion));

        // The graph reads them from the store: the repeal decides the status from 2025-01-01.
        var status = new LegalStatusEvaluator(new RelationGraph(store, new CitationResolver(store))).Evaluate("jingguizifa-2024-122", new DateOnly(2025, 1, 1));
        Assert.Equal(LegalState.Repealed, status.State);

        // Replaced by a text without that document: the relation is external again, not left pointing at nothing.
        var without = SampleCorpus.Issues.Single(i => i.Id == "beijing-2024-31");
        without = without with { SourceSha256 = new string('b', 64), Documents = without.Documents.Where(d => d.Id != "jingguizifa-2024-122").ToList() };
        Ingest(store, without, force: true);
        Assert.Null(store.Relations().Single(r => r is { Kind: "Repeals", IssueId: "test-2025-1" }).TargetDocumentId);
    }

    [Fact]
    public void StoredRelationsEqualAFreshExtractionOverTheSamples()
    {
        using var store = SqliteGazetteStore.OpenDirectory(_directory);
        foreach (var issue in SampleCorpus.Issues)
        {
            Ingest(store, issue);
        }

        // What ingest stored (with retargets as later issues arrived) is what extracting over the whole store reads.
        var extractor = new RelationExtractor(new CitationResolver(store));
        var fresh = store.AllDocuments().SelectMany(w => extractor.Extract(w).Select(r => StoredRelations.ToStored(r, w.IssueId))).ToList();
        Assert.Equal(fresh.Select(Key).Order(StringComparer.Ordinal), store.Relations().Select(Key).Order(StringComparer.Ordinal));
        Assert.True(fresh.Count >= 100, $"{fresh.Count} relations");
    }

    [Fact]
    public void PartlyAmendedByArticle1OfALaterStoredDocument()
    {
        using var store = SqliteGazetteStore.OpenDirectory(_directory);
        Ingest(store, SampleCorpus.Issues.Single(i => i.Id == "beijing-2024-31"));
        // A made-up later decision whose 第一条 amends 京规自发〔2024〕122号 from 2025-03-01.
        var later = RelationTests.LaterRepealingIssue();
        var doc = later.Documents[0];
        var art1 = new Provision
        {
            Id = "ceshifa-2025-1/art-1",
            Kind = ProvisionKind.Article,
            Ordinal = 1,
            Number = 1,
            Label = "第一条",
            Text = "对《北京市规划自然资源领域信用评价及分级分类监管工作管理办法(试行)》(京规自发〔2024〕122号)第十四条作如下修改。"
        };
        var art2 = new Provision { Id = "ceshifa-2025-1/art-2", Kind = ProvisionKind.Article, Ordinal = 2, Number = 2, Label = "第二条", Text = "本决定自2025年3月1日起施行。" };
        var body = new Provision { Id = "ceshifa-2025-1", Kind = ProvisionKind.Document, Ordinal = 1, Children = [art1, art2] };
        later = later with { Documents = [doc with { EffectiveFrom = new DateOnly(2025, 3, 1), Body = body, Text = art1.Text + "\n" + art2.Text }] };
        Ingest(store, later);

        var status = new LegalStatusEvaluator(new RelationGraph(store, new CitationResolver(store)));
        Assert.Equal(LegalState.InForce, status.Evaluate("jingguizifa-2024-122", new DateOnly(2025, 2, 28)).State);
        var amended = status.Evaluate("jingguizifa-2024-122", new DateOnly(2025, 3, 1));
        Assert.Equal(LegalState.PartlyAmended, amended.State);
        Assert.Equal("部分修改", amended.Badge);
        Assert.Equal(("ceshifa-2025-1/art-1", 1), (amended.DecidedBy!.SourceProvisionId, amended.DecidedBy.SourceArticle));
    }

    private static string Key(StoredRelation r) =>
        $"{r.IssueId}|{r.Kind}|{r.SourceProvisionId}|{r.SourceInstrumentId}|{r.TargetKey}|{r.TargetDocumentId}|{r.TargetInstrumentId}|{r.Trigger}|{r.Printed}";
}
