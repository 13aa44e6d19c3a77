using System.Text.Json;

using Gongbao.Citations;
using Gongbao.Citations.Relations;
using Gongbao.Domain;
using Gongbao.Storage;

using Xunit.Abstractions;

namespace Gongbao.Search.Tests;

/// <summary>Relations read from the shared gazettes against a hand-labelled set, and status as of a date (issue 12).</summary>
public sealed class RelationTests(SampleStoreFixture fixture, ITestOutputHelper output) : IClassFixture<SampleStoreFixture>
{
    private readonly RelationGraph _graph = new(fixture.Store, fixture.Resolver);

    private sealed record Label(string Document, int? Article, string Kind, string Target);

    [Fact]
    public void ExtractionMeetsPrecisionAndRecallOnTheLabelledSet()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "relations-labelled.json")));
        var expected = json.RootElement.GetProperty("relations").EnumerateArray()
            .Select(e => new Label(e.GetProperty("document").GetString()!, e.GetProperty("article").ValueKind == JsonValueKind.Null ? null : e.GetProperty("article").GetInt32(), e.GetProperty("kind").GetString()!, e.GetProperty("target").GetString()!))
            .ToList();
        Assert.True(expected.Count >= 50, $"{expected.Count} labels");
        var found = _graph.All.Select(r => new Label(r.SourceDocumentId, r.SourceArticle, r.Kind.ToString(), r.TargetKey)).ToList();

        // Multiset match: the same relation stated twice (notice and instrument) counts twice.
        var remaining = expected.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        var truePositives = 0;
        var falsePositives = new List<Label>();
        foreach (var f in found)
        {
            if (remaining.TryGetValue(f, out var n) && n > 0)
            {
                remaining[f] = n - 1;
                truePositives++;
            }
            else
            {
                falsePositives.Add(f);
            }
        }

        var precision = (double)truePositives / found.Count;
        var recall = (double)truePositives / expected.Count;
        output.WriteLine($"labelled {expected.Count}, extracted {found.Count}, correct {truePositives}: precision {precision:F3}, recall {recall:F3}");
        foreach (var fp in falsePositives)
        {
            output.WriteLine($"not labelled: {fp}");
        }

        foreach (var (miss, n) in remaining.Where(kv => kv.Value > 0))
        {
            output.WriteLine($"missed ×{n}: {miss}");
        }

        Assert.True(precision >= 0.95, $"precision {precision:F3}");
        Assert.True(recall >= 0.9, $"recall {recall:F3}");
    }

    [Fact]
    public void RepealWithTongshiFeizhiInArticle16OfJingjianfa2024No12()
    {
        // 京建法〔2024〕12号 (the 办法 it issues), 第十六条: …施行。《关于印发〈北京市公共建筑电耗限额管理暂行办法〉的通知》(京建法〔2020〕5 号)同时废止。
        var r = Assert.Single(_graph.Outgoing("jingjianfa-2024-12"), r => r.Kind == RelationKind.Repeals);
        Assert.Equal(16, r.SourceArticle);
        Assert.Equal("jingjianfa-2024-12/inst-1", r.SourceInstrumentId);
        Assert.Equal("京建法〔2020〕5号", r.TargetKey);
        Assert.Equal("同时废止", r.Trigger);
        Assert.True(r.External);
        Assert.StartsWith("《关于印发〈北京市公共建筑电耗限额管理暂行办法〉的通知》", r.Printed);
    }

    [Fact]
    public void StoredTargetsResolveAndIncomingRelationsAreServed()
    {
        // 京广发〔2024〕65号 rests on the 行动计划 issued by 京广发〔2024〕60号 (根据…《北京市超高清视听先锋行动计划（2024—2026年）》).
        var incoming = _graph.Incoming("jingguangfa-2024-60");
        Assert.Contains(incoming, r => r is { Kind: RelationKind.LegalBasis, SourceDocumentId: "jingguangfa-2024-65" });
        Assert.All(incoming, r => Assert.Equal("jingguangfa-2024-60", r.TargetDocumentId));
    }

    [Fact]
    public void StatusBeforeEffectInForceAndExpiredByPeriod()
    {
        var status = new LegalStatusEvaluator(_graph);
        // 京建法〔2024〕12号, 办法 第十六条: 本办法自2025年2月1日起施行.
        Assert.Equal(LegalState.NotYetInForce, status.Evaluate("jingjianfa-2024-12", new DateOnly(2025, 1, 31)).State);
        var inForce = status.Evaluate("jingjianfa-2024-12", new DateOnly(2025, 2, 1));
        Assert.Equal(LegalState.InForce, inForce.State);
        Assert.Equal("现行有效", inForce.Badge);

        // 京规自发〔2024〕122号, 办法 第二十八条: 本办法自印发之日起施行,有效期3年 (印发 2024-05-11).
        Assert.Equal(LegalState.InForce, status.Evaluate("jingguizifa-2024-122", new DateOnly(2027, 5, 10)).State);
        var expired = status.Evaluate("jingguizifa-2024-122", new DateOnly(2027, 5, 11));
        Assert.Equal(LegalState.Expired, expired.State);
        Assert.Equal("已失效", expired.Badge);
        Assert.Contains("2027-05-10", expired.Reason);
    }

    [Fact]
    public void ExternalTargetRepealedByAStoredDocument()
    {
        // 京建法〔2020〕5号 is not stored; 京建法〔2024〕12号 第十六条 repeals it from 2025-02-01.
        var status = new LegalStatusEvaluator(_graph);
        Assert.Equal(LegalState.Undetermined, status.Evaluate("京建法〔2020〕5号", new DateOnly(2025, 1, 31)).State);
        var repealed = status.Evaluate("京建法〔2020〕5号", new DateOnly(2025, 2, 1));
        Assert.Equal(LegalState.Repealed, repealed.State);
        Assert.Equal(16, repealed.DecidedBy!.SourceArticle);
        Assert.Contains("京建法〔2024〕12号", repealed.Reason);
    }

    [Fact]
    public void StoredDocumentRepealedByALaterStoredDocument()
    {
        // A hand-built later notice whose 第二条 repeals 京规自发〔2024〕122号 from 2025-01-01.
        var dir = Directory.CreateTempSubdirectory("gongbao-rel-").FullName;
        try
        {
            using var store = SqliteGazetteStore.OpenDirectory(dir);
            store.Ingest(SampleCorpus.Issues.Single(i => i.Id == "beijing-2024-31"));
            store.Ingest(LaterRepealingIssue());
            var graph = new RelationGraph(store, new CitationResolver(store));
            var status = new LegalStatusEvaluator(graph);
            Assert.Equal(LegalState.InForce, status.Evaluate("jingguizifa-2024-122", new DateOnly(2024, 12, 31)).State);
            var repealed = status.Evaluate("jingguizifa-2024-122", new DateOnly(2025, 1, 1));
            Assert.Equal(LegalState.Repealed, repealed.State);
            Assert.Equal("已废止", repealed.Badge);
            Assert.Equal("ceshifa-2025-1", repealed.DecidedBy!.SourceDocumentId);
            Assert.Equal(2, repealed.DecidedBy.SourceArticle);
            Assert.Equal("ceshifa-2025-1/art-2", repealed.DecidedBy.SourceProvisionId);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    internal static GazetteIssue LaterRepealingIssue()
    {
        var art1 = new Provision { Id = "ceshifa-2025-1/art-1", Kind = ProvisionKind.Article, Ordinal = 1, Number = 1, Label = "第一条", Text = "为规范测试工作，制定本办法。" };
        var art2 = new Provision
        {
            Id = "ceshifa-2025-1/art-2",
            Kind = ProvisionKind.Article,
            Ordinal = 2,
            Number = 2,
            Label = "第二条",
            Text = "本办法自2025年1月1日起施行。《北京市规划自然资源领域信用评价及分级分类监管工作管理办法(试行)》(京规自发〔2024〕122号)同时废止。",
        };
        var body = new Provision { Id = "ceshifa-2025-1", Kind = ProvisionKind.Document, Ordinal = 1, Children = [art1, art2] };
        var doc = new GazetteDocument
        {
            Id = "ceshifa-2025-1",
            Ordinal = 1,
            TitleZh = "测试委员会关于信用评价的办法",
            Number = DocumentNumber.Find("测试发〔2025〕1号"),
            SignedOn = new DateOnly(2024, 12, 1),
            EffectiveFrom = new DateOnly(2025, 1, 1),
            Body = body,
            Text = art1.Text + "\n" + art2.Text,
        };
        return new GazetteIssue { Id = "test-2025-1", SourceFile = "test-2025-1.txt", SourceSha256 = new string('a', 64), Documents = [doc] };
    }
}
