using System.Text.Json;

using Gongbao.Domain;
using Gongbao.Storage.Relational;

namespace Gongbao.Storage.Tests;

/// <summary>
/// The store contract, run against every backend (SQLite, PostgreSQL): round trip, idempotence,
/// replace, one transaction per issue, look-ups, and snapshot reads under a concurrent replace.
/// </summary>
public abstract class GazetteStoreContractTests : IDisposable
{
    private RelationalGazetteStore? _store;

    protected RelationalGazetteStore Store => _store ??= OpenStore();

    /// <summary>Opens a new store (a new connection) on this test's database.</summary>
    protected abstract RelationalGazetteStore OpenStore();

    protected RelationalGazetteStore Reopen()
    {
        _store?.Dispose();
        _store = OpenStore();
        return _store;
    }

    public void Dispose()
    {
        _store?.Dispose();
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    [Fact]
    public void RoundTrip_reproduces_every_provision_and_the_whole_model()
    {
        var issue = HandBuiltIssues.Issue();
        var result = Store.Ingest(issue);
        Assert.Equal(new IngestResult("beijing-2024-31", IngestOutcome.Added, 2, 18) { Version = 1 }, result);

        var back = Reopen().GetIssue("beijing-2024-31");
        Assert.NotNull(back);

        var expected = issue.Documents.SelectMany(Flatten).ToList();
        var actual = back.Documents.SelectMany(Flatten).ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal(e.Id, a.Id);
            Assert.Equal(e.Kind, a.Kind);
            Assert.Equal(e.Ordinal, a.Ordinal);
            Assert.Equal(e.Label, a.Label);
            Assert.Equal(e.Number, a.Number);
            Assert.Equal(e.Heading, a.Heading);
            Assert.Equal(e.Text, a.Text);
            Assert.Equal(e.Span, a.Span);
            Assert.Equal(e.Children.Select(c => c.Id), a.Children.Select(c => c.Id));
            Assert.Equal(Json(e.Cells), Json(a.Cells));
        }

        // Everything else (issue header, contents, diagnostics, documents, instruments, attachments) via the serialised form.
        Assert.Equal(Json(issue), Json(back));
        Assert.Equal("市经济和信息化局", back.Documents[1].Body.Children[1].Children[0].Cells![1][2]);
    }

    [Fact]
    public void Same_bytes_again_is_unchanged_and_writes_nothing()
    {
        Store.Ingest(HandBuiltIssues.Issue());
        var before = Store.ContentDigest();

        var again = Store.Ingest(HandBuiltIssues.Issue());

        Assert.Equal(IngestOutcome.Unchanged, again.Outcome);
        Assert.Equal(before, Store.ContentDigest());
        Assert.Equal("beijing-2024-31", Store.FindSourceBySha256("ab12"));
        Assert.Null(Store.FindSourceBySha256("ffff"));
    }

    [Fact]
    public void Changed_content_under_the_same_id_replaces_the_issue()
    {
        Store.Ingest(HandBuiltIssues.Issue());
        var counts = Store.Counts();

        var result = Store.Ingest(HandBuiltIssues.Issue(sha: "EF56", variant: "（修订）"));

        Assert.Equal(IngestOutcome.Replaced, result.Outcome);
        Assert.Equal(counts, Store.Counts());
        Assert.EndsWith("（修订）", Store.GetProvision(HandBuiltIssues.NoticeId + "/art-1")!.Provision.Text);
        Assert.Equal("EF56", Store.GetIssue("beijing-2024-31")!.SourceSha256);
    }

    [Fact]
    public void Force_rewrites_an_unchanged_issue()
    {
        Store.Ingest(HandBuiltIssues.Issue());
        Assert.Equal(IngestOutcome.Replaced, Store.Ingest(HandBuiltIssues.Issue(), force: true).Outcome);
        Assert.Equal(1, Store.Counts().Sources);
    }

    [Fact]
    public void The_change_marker_moves_with_every_content_write_seen_from_another_connection_and_only_then()
    {
        using var other = OpenStore(); // another process's view of the same database
        var seen = new List<string> { other.ChangeMarker() };
        void Moved() { var m = other.ChangeMarker(); Assert.DoesNotContain(m, seen); seen.Add(m); }
        void Stayed() => Assert.Equal(seen[^1], other.ChangeMarker());

        Store.Ingest(HandBuiltIssues.Issue());
        Moved();
        Store.Ingest(HandBuiltIssues.Issue());
        Stayed(); // unchanged bytes write nothing
        Store.Ingest(HandBuiltIssues.Standalone());
        Moved();
        Store.Ingest(HandBuiltIssues.Issue(sha: "EF56", variant: "（修订）"));
        Moved();
        Store.Ingest(HandBuiltIssues.Issue(sha: "EF56", variant: "（修订）"), force: true);
        Moved();

        Store.ProvisionWritten = n => throw new IOException("simulated crash");
        Assert.Throws<IOException>(() => Store.Ingest(HandBuiltIssues.Issue(sha: "9A9A", variant: "（再修订）")));
        Store.ProvisionWritten = null;
        Stayed(); // a rolled-back write changes nothing

        // The marker stands for the content: equal markers mean equal source states.
        Assert.Equal(Store.ChangeMarker(), other.ChangeMarker());
        Assert.Equal(
            string.Join('\n', Store.SourceStates().Select(s => s.Id + " " + s.ContentToken)),
            string.Join('\n', other.SourceStates().Select(s => s.Id + " " + s.ContentToken)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(18)]
    public void A_crash_mid_ingest_leaves_an_empty_store_empty(int failAfter)
    {
        var digest = Store.ContentDigest();
        Store.ProvisionWritten = n =>
        {
            if (n == failAfter)
            {
                throw new IOException("simulated crash");
            }
        };

        Assert.Throws<IOException>(() => Store.Ingest(HandBuiltIssues.Issue()));

        Assert.Equal(new StoreCounts(0, 0, 0, 0, 0, 0, 0), Store.Counts());
        Assert.Equal(digest, Store.ContentDigest());
        Store.ProvisionWritten = null;
        Assert.Equal(IngestOutcome.Added, Store.Ingest(HandBuiltIssues.Issue()).Outcome);
    }

    [Fact]
    public void A_crash_mid_replace_keeps_the_previous_version()
    {
        Store.Ingest(HandBuiltIssues.Issue());
        Store.Ingest(HandBuiltIssues.Standalone());
        var digest = Store.ContentDigest();
        Store.ProvisionWritten = n =>
        {
            if (n == 12)
            {
                throw new InvalidOperationException("simulated crash");
            }
        };

        Assert.Throws<InvalidOperationException>(() => Store.Ingest(HandBuiltIssues.Issue(sha: "EF56", variant: "（修订）")));

        Assert.Equal(digest, Reopen().ContentDigest());
        Assert.Equal("AB12", Store.GetIssue("beijing-2024-31")!.SourceSha256);
    }

    [Theory]
    [InlineData("jingguizifa-2024-122")]
    [InlineData("京规自发〔2024〕122号")]
    [InlineData("京规自发[2024]122号")]
    [InlineData("京规自发（２０２４）１２２号")]
    [InlineData(" 京规自发【2024】第122号 ")]
    public void FindDocument_accepts_the_id_or_any_printed_number_form(string query)
    {
        Store.Ingest(HandBuiltIssues.Standalone());
        Store.Ingest(HandBuiltIssues.Issue("beijing-2023-5", "OLD", 2023, 5));
        Store.Ingest(HandBuiltIssues.Issue());

        var witnesses = Store.FindDocument(query);

        // Gazette issues first, newest first, then the standalone text.
        Assert.Equal(["beijing-2024-31", "beijing-2023-5", "standalone-jingguizifa-2024-122"], witnesses.Select(w => w.IssueId));
        Assert.All(witnesses, w => Assert.Equal(HandBuiltIssues.NoticeId, w.Document.Id));
        Assert.Equal("北京市建设工程规划管理办法", witnesses[0].Document.Instruments.Single().TitleZh);
        Assert.EndsWith("(standalone)", witnesses[2].Document.Text);
    }

    [Fact]
    public void FindDocument_finds_instruments_and_numberless_documents_and_nothing_else()
    {
        Store.Ingest(HandBuiltIssues.Issue());

        Assert.Equal("北京市建设工程规划管理办法", Store.FindDocument("jingguizifa-2024-122/inst-1").Single().Document.TitleZh);
        Assert.Equal("行动方案", Store.FindDocument("beijing-2024-31/doc-2").Single().Document.TitleZh);
        Assert.Empty(Store.FindDocument("京规自发〔2024〕123号"));
        Assert.Empty(Store.FindDocument("nothing"));
    }

    [Fact]
    public void GetProvision_returns_the_subtree_from_the_preferred_or_the_named_witness()
    {
        Store.Ingest(HandBuiltIssues.Standalone());
        Store.Ingest(HandBuiltIssues.Issue());

        var hit = Store.GetProvision("jingguizifa-2024-122/art-2");
        Assert.NotNull(hit);
        Assert.Equal("beijing-2024-31", hit.IssueId);
        Assert.Equal("jingguizifa-2024-122/inst-1", hit.DocumentId);
        Assert.Equal("北京市建设工程规划管理办法", hit.DocumentTitle);
        Assert.Equal(["para-1", "item-1", "item-2"], hit.Provision.Children.Select(c => c.Id.Split('/')[^1]));
        Assert.Equal("住宅", hit.Provision.Children[1].Children.Single().Text);

        var standalone = Store.GetProvision("jingguizifa-2024-122/art-1", "standalone-jingguizifa-2024-122");
        Assert.EndsWith("(standalone)", standalone!.Provision.Text);
        Assert.Null(Store.GetProvision("jingguizifa-2024-122/art-99"));
    }

    [Fact]
    public void ListIssues_and_AllDocuments_cover_every_source()
    {
        Store.Ingest(HandBuiltIssues.Standalone());
        Store.Ingest(HandBuiltIssues.Issue());

        var issues = Store.ListIssues();
        Assert.Equal(["beijing-2024-31", "standalone-jingguizifa-2024-122"], issues.Select(i => i.Id));
        Assert.Equal(new IssueSummary("beijing-2024-31", SourceKind.Issue, 2024, 31, 931, new DateOnly(2024, 8, 9), "/tmp/beijing-2024-31.txt", 2, 1), issues[0]);
        Assert.Equal(["jingguizifa-2024-122", "beijing-2024-31/doc-2", "jingguizifa-2024-122"], Store.AllDocuments().Select(w => w.Document.Id));
        Assert.Equal(new StoreCounts(2, 3, 2, 31, 2, 2, 2), Store.Counts());
    }

    [Fact]
    public void Titles_read_without_bodies_equal_the_titles_of_AllDocuments_in_order()
    {
        foreach (var file in new[] { "2021-40.txt", "2024-31.txt", "2025-12.txt", "standalone-jingguangdianfa-2021-93.txt" })
        {
            Store.Ingest(new Parsing.GazetteParser().ParseFile(Parsing.SampleGazettes.File(file)));
        }

        // The interface's default reads every document; the store answers from the documents table alone.
        var fromDocuments = Store.AllDocuments().SelectMany(w => w.Document.Instruments
            .Select(i => new StoredTitle(w.IssueId, w.Document.Id, i.Id, i.TitleZh))
            .Prepend(new StoredTitle(w.IssueId, w.Document.Id, null, w.Document.TitleZh))).ToList();
        Assert.True(fromDocuments.Count(t => t.InstrumentId is not null) > 0);
        Assert.Equal(fromDocuments, Store.Titles().ToList());
    }

    [Fact]
    public void Bulk_ingest_of_a_large_issue_round_trips()
    {
        var articles = Enumerable.Range(1, 5000).Select(i => new Provision
        {
            Id = $"jingzhengfa-2024-1/art-{i}",
            Kind = ProvisionKind.Article,
            Ordinal = i,
            Label = $"第{i}条",
            Number = i,
            Text = new string('规', 80),
            Span = SourceSpan.Line(i),
            Children = [new Provision { Id = $"jingzhengfa-2024-1/art-{i}/para-1", Kind = ProvisionKind.Paragraph, Ordinal = 1, Text = "款", Span = SourceSpan.Line(i) }],
        }).ToList();
        var issue = new GazetteIssue
        {
            Id = "beijing-2024-1",
            SourceFile = "big.txt",
            SourceSha256 = "00",
            Documents = [new GazetteDocument { Id = "jingzhengfa-2024-1", Ordinal = 1, TitleZh = "大文件", Body = new Provision { Id = "jingzhengfa-2024-1", Kind = ProvisionKind.Document, Children = articles } }],
        };

        Assert.Equal(10_001, Store.Ingest(issue).Provisions);
        Assert.Equal(Json(issue), Json(Store.GetIssue("beijing-2024-1")));
    }


    [Theory]
    [InlineData("2021-40.txt", "beijing-2021-40")]
    [InlineData("2024-31.txt", "beijing-2024-31")]
    [InlineData("2025-12.txt", "beijing-2025-12")]
    [InlineData("standalone-jingguangdianfa-2021-93.txt", "standalone-jingguangdianfa-2021-93")]
    public void Parsed_sample_round_trips_through_the_store(string file, string id)
    {
        var parsed = new Parsing.GazetteParser().ParseFile(Parsing.SampleGazettes.File(file));
        Assert.Equal(id, parsed.Id);

        var result = Store.Ingest(parsed);
        var back = Reopen().GetIssue(id);

        Assert.Equal(IngestOutcome.Added, result.Outcome);
        Assert.NotNull(back);
        Assert.Equal(Json(parsed), Json(back));
        Assert.Equal(parsed.Documents.Sum(CountProvisions), result.Provisions);
    }

    [Fact]
    public void The_gazette_and_the_standalone_witness_of_one_document_are_both_found()
    {
        foreach (var file in new[] { "standalone-jingguangdianfa-2021-93.txt", "2021-40.txt" })
        {
            Store.Ingest(new Parsing.GazetteParser().ParseFile(Parsing.SampleGazettes.File(file)));
        }

        // 京广电发〔2021〕93号 is printed in issue 2021-40 and also stands alone.
        var witnesses = Store.FindDocument("京广电发[2021]93号");
        Assert.Equal(["beijing-2021-40", "standalone-jingguangdianfa-2021-93"], witnesses.Select(w => w.IssueId));
        Assert.All(witnesses, w => Assert.Equal("jingguangdianfa-2021-93", w.Document.Id));
    }

    private static int CountProvisions(GazetteDocument d) => d.AllProvisions().Count() + d.Instruments.Sum(CountProvisions);

    [Fact]
    public void Concurrent_readers_see_the_old_or_the_new_issue_never_half()
    {
        var a = HandBuiltIssues.Issue(sha: "AAAA", variant: "（甲）");
        var b = HandBuiltIssues.Issue(sha: "BBBB", variant: "（乙）");
        Store.Ingest(a);
        var articleTexts = Texts(a).Count(t => t.EndsWith("（甲）", StringComparison.Ordinal));
        Assert.True(articleTexts > 1, "the variant must mark several provisions for the check to mean anything");

        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            using var reader = OpenStore();
            var reads = 0;
            while (!stop.IsCancellationRequested || reads == 0)
            {
                var issue = reader.GetIssue("beijing-2024-31") ?? throw new InvalidOperationException("issue vanished during a replace");
                var texts = Texts(issue).ToList();
                var old = texts.Count(t => t.EndsWith("（甲）", StringComparison.Ordinal));
                var @new = texts.Count(t => t.EndsWith("（乙）", StringComparison.Ordinal));
                var expectedSha = old > 0 ? "AAAA" : "BBBB";
                if (!((old == articleTexts && @new == 0) || (@new == articleTexts && old == 0)) || issue.SourceSha256 != expectedSha)
                {
                    throw new InvalidOperationException($"half an issue: {old} old and {@new} new provisions, sha {issue.SourceSha256}");
                }

                reads++;
            }

            return reads;
        })).ToList();

        for (var i = 0; i < 30; i++)
        {
            Store.Ingest(i % 2 == 0 ? b : a);
        }

        stop.Cancel();
        Assert.All(readers, r => Assert.True(r.Result > 0));
    }

    private static StoredRelation Rel(string issueId, string kind, string provision, string key, string? target, int? article = null) => new()
    {
        IssueId = issueId,
        Kind = kind,
        SourceDocumentId = provision.Split('/')[0],
        SourceProvisionId = provision,
        SourceArticle = article,
        SourceEffectiveFrom = new DateOnly(2024, 5, 11),
        Printed = $"《{key}》",
        Title = key,
        Number = key.EndsWith('号') ? key : null,
        TargetKey = key,
        TargetDocumentId = target,
        Trigger = kind == "Repeals" ? "同时废止" : "根据",
    };

    [Fact]
    public void Relations_are_stored_with_the_issue_and_replaced_with_it()
    {
        var issueId = "beijing-2024-31";
        static RelationUpdate First(string issue) => new(1,
        [
            Rel(issue, "LegalBasis", HandBuiltIssues.NoticeId + "/art-1", "北京市测试条例", null, article: 1),
            Rel(issue, "Repeals", HandBuiltIssues.NoticeId + "/art-2", "京测发〔2020〕5号", "cefa-2020-5", article: 2),
        ], []);

        Store.Ingest(HandBuiltIssues.Issue(), force: false, sourceText: null, relations: First(issueId));

        var back = Reopen().Relations();
        Assert.Equal(First(issueId).Own.Select((r, i) => r with { Seq = i }), back);
        Assert.DoesNotContain(issueId, Store.SourcesWithoutRelations(1));
        Assert.Contains(issueId, Store.SourcesWithoutRelations(2));

        // The same bytes again change nothing; a replace swaps the relations for the new version's.
        Assert.Equal(IngestOutcome.Unchanged, Store.Ingest(HandBuiltIssues.Issue(), false, null, new RelationUpdate(1, [], [])).Outcome);
        Assert.Equal(2, Store.Relations().Count);
        var replaced = new RelationUpdate(1, [Rel(issueId, "Cites", HandBuiltIssues.NoticeId + "/art-3", "北京市另一规定", null, article: 3)], []);
        Assert.Equal(IngestOutcome.Replaced, Store.Ingest(HandBuiltIssues.Issue(sha: "EF56", variant: "（修订）"), false, null, replaced).Outcome);
        var after = Assert.Single(Reopen().Relations());
        Assert.Equal(("Cites", 3, "北京市另一规定"), (after.Kind, after.SourceArticle, after.TargetKey));

        // A forced re-ingest without relations leaves them missing (to be extracted), never silently empty.
        Store.Ingest(HandBuiltIssues.Issue(sha: "EF56", variant: "（修订）"), force: true);
        Assert.Empty(Store.Relations());
        Assert.Contains(issueId, Store.SourcesWithoutRelations(1));
    }

    [Fact]
    public void Relations_of_other_sources_are_retargeted_and_a_backfill_checks_the_hash()
    {
        var standalone = HandBuiltIssues.Standalone();
        Store.Ingest(HandBuiltIssues.Issue(), false, null,
            new RelationUpdate(1, [Rel("beijing-2024-31", "LegalBasis", HandBuiltIssues.NoticeId + "/art-1", "北京市测试条例", null, article: 1)], []));
        Store.Ingest(standalone);
        Assert.Equal([standalone.Id], Store.SourcesWithoutRelations(1));

        // A backfill for a version that is no longer stored writes nothing.
        var own = new RelationUpdate(1, [Rel(standalone.Id, "Cites", HandBuiltIssues.NoticeId + "/art-2", "京测发〔2020〕5号", HandBuiltIssues.NoticeId, article: 2)], []);
        Assert.False(Store.ReplaceRelations(standalone.Id, "0000", own));
        Assert.True(Store.ReplaceRelations(standalone.Id, standalone.SourceSha256, own));
        Assert.Empty(Store.SourcesWithoutRelations(1));

        // To resolve after an ingest of the standalone source: external targets, and those pointing into it.
        var toResolve = Store.RelationsToResolve(standalone.Id);
        Assert.Equal(["北京市测试条例", "京测发〔2020〕5号"], toResolve.Select(r => r.TargetKey).Order(StringComparer.Ordinal).Reverse());
        Store.RetargetRelations([new RelationRetarget("beijing-2024-31", 0, "ceshi-2023-1", "ceshi-2023-1/inst-1")]);
        var moved = Reopen().Relations().Single(r => r.IssueId == "beijing-2024-31");
        Assert.Equal(("ceshi-2023-1", "ceshi-2023-1/inst-1"), (moved.TargetDocumentId, moved.TargetInstrumentId));
    }

    [Fact]
    public void Many_relations_and_retargets_of_one_ingest_are_all_written_as_given()
    {
        // More rows than one PostgreSQL batch sends (RowBatch.Capacity), through the one prepared statement per kind of row.
        const int count = 1_203;
        var cited = HandBuiltIssues.Issue();
        StoredRelation Own(int i)
        {
            var r = Rel(cited.Id, i % 5 == 0 ? "Repeals" : "Cites", HandBuiltIssues.NoticeId + $"/art-{(i % 9) + 1}", $"北京市测试规定{i}",
                i % 3 == 0 ? null : $"target-{i}", article: i % 7 == 0 ? null : i);
            return r with { TargetInstrumentId = i % 6 == 1 ? $"target-{i}/inst-1" : null };
        }

        var own = Enumerable.Range(0, count).Select(Own).ToList();
        Store.Ingest(cited, false, null, new RelationUpdate(1, own, []));

        // Every second relation moves: to another document, to an instrument, or back to no target.
        var retargets = Enumerable.Range(0, count).Where(i => i % 2 == 0)
            .Select(i => new RelationRetarget(cited.Id, i, i % 4 == 0 ? null : $"moved-{i}", i % 8 == 2 ? $"moved-{i}/inst-2" : null))
            .ToList();
        var standalone = HandBuiltIssues.Standalone();
        Store.Ingest(standalone, false, null, new RelationUpdate(1, [], retargets));

        var stored = Reopen().Relations().Where(r => r.IssueId == cited.Id).OrderBy(r => r.Seq).ToList();
        Assert.Equal(Enumerable.Range(0, count), stored.Select(r => r.Seq));
        var moved = retargets.ToDictionary(t => t.Seq);
        for (var i = 0; i < count; i++)
        {
            var expected = moved.TryGetValue(i, out var t) ? (t.TargetDocumentId, t.TargetInstrumentId) : (own[i].TargetDocumentId, own[i].TargetInstrumentId);
            Assert.Equal(expected, (stored[i].TargetDocumentId, stored[i].TargetInstrumentId));
            Assert.Equal((own[i].Kind, own[i].SourceArticle, own[i].TargetKey, own[i].SourceProvisionId, own[i].Trigger),
                (stored[i].Kind, stored[i].SourceArticle, stored[i].TargetKey, stored[i].SourceProvisionId, stored[i].Trigger));
        }
    }

    [Fact]
    public void A_crash_mid_replace_keeps_the_previous_relations()
    {
        var issueId = "beijing-2024-31";
        Store.Ingest(HandBuiltIssues.Issue(), false, null,
            new RelationUpdate(1, [Rel(issueId, "LegalBasis", HandBuiltIssues.NoticeId + "/art-1", "北京市测试条例", null, article: 1)], []));
        var digest = Store.ContentDigest();
        Store.ProvisionWritten = n =>
        {
            if (n == 5)
            {
                throw new IOException("simulated crash");
            }
        };

        Assert.Throws<IOException>(() => Store.Ingest(HandBuiltIssues.Issue(sha: "EF56", variant: "（修订）"), false, null,
            new RelationUpdate(1, [], [new RelationRetarget(issueId, 0, "elsewhere", null)])));

        Assert.Equal(digest, Reopen().ContentDigest());
        Assert.Equal("北京市测试条例", Assert.Single(Store.Relations()).TargetKey);
    }

    // Document texts and provision texts: the variant marks rows in both tables.
    private static IEnumerable<string> Texts(GazetteIssue issue) =>
        issue.Documents.SelectMany(AllDocuments).Select(d => d.Text).Concat(issue.Documents.SelectMany(Flatten).Select(p => p.Text));

    private static IEnumerable<GazetteDocument> AllDocuments(GazetteDocument d) => d.Instruments.SelectMany(AllDocuments).Prepend(d);

    protected static IEnumerable<Provision> Flatten(GazetteDocument d) => d.AllProvisions().Concat(d.Instruments.SelectMany(Flatten));

    protected static string Json(object? value) => JsonSerializer.Serialize(value);
}
