using System.Text;

using Gongbao.Application;
using Gongbao.Citations;
using Gongbao.Citations.Relations;
using Gongbao.Corpus;
using Gongbao.Domain;
using Gongbao.Parsing;
using Gongbao.Search;
using Gongbao.Storage;

namespace Gongbao.Scale.Tests;

/// <summary>
/// An ingest run keeps titles and relations in memory across its files (<see cref="IngestRelations"/>) instead of
/// reading the store for each. What it stores must not depend on that, nor on how the files are split into runs or
/// ordered: one run, one run per file (in either order) and extracting every source from scratch over the final
/// store (<see cref="StoredRelations.Backfill"/>) store the same relations. Synthetic issues reuse documents under
/// new numbers, so titles repeat across issues and each new issue wins the title citations of the older ones.
/// </summary>
public sealed class IngestRelationsEquivalenceTests : IDisposable
{
    private const int IssueCount = 16;
    private readonly string _root = Directory.CreateTempSubdirectory("gongbao-relequiv-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private List<string> WriteIssues()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "gazettes")).FullName;
        var files = new List<string>();
        foreach (var generated in CorpusGenerator.FromSamples(seed: 7).Generate(IssueCount))
        {
            var path = Path.Combine(folder, generated.FileName);
            File.WriteAllText(path, generated.Text, Encoding.UTF8);
            files.Add(path);
        }

        return files;
    }

    private IGazetteStore Run(string name, IEnumerable<IEnumerable<string>> sessions)
    {
        var data = Path.Combine(_root, name);
        var store = SqliteGazetteStore.OpenDirectory(data);
        using var index = GazetteIndex.InMemory();
        var service = new IngestService(new GongbaoServices(store, index));
        foreach (var files in sessions)
        {
            var results = service.IngestFiles(files, force: false);
            Assert.All(results, r => Assert.Equal(IngestOutcome.Added, r.Stored?.Outcome));
        }

        return store;
    }

    [Fact]
    public void One_run_one_run_per_file_in_either_order_and_a_backfill_store_the_same_relations()
    {
        var files = WriteIssues();
        using var oneRun = Run("one-run", [files]);
        using var perFile = Run("per-file", files.Select(f => new[] { f }));
        using var perFileReversed = Run("per-file-reversed", Enumerable.Reverse(files).Select(f => new[] { f }));

        // From scratch: the issues stored without relations, then every source extracted over the whole store.
        using var backfilled = SqliteGazetteStore.OpenDirectory(Path.Combine(_root, "backfill"));
        foreach (var file in files)
        {
            var decoded = GazetteReader.Read(file);
            backfilled.Ingest(new GazetteParser().Parse(decoded.Text, file, decoded.Sha256), force: false, decoded.Text, relations: null);
        }

        Assert.Equal(IssueCount, StoredRelations.Backfill(backfilled, new CitationResolver(backfilled)).Count);

        var expected = Keys(backfilled);
        Assert.Equal(expected, Keys(oneRun));
        Assert.Equal(expected, Keys(perFile));
        Assert.Equal(expected, Keys(perFileReversed));

        // What makes the order matter: relations resolved to a document of another issue (stored before or after them).
        var sourceOf = backfilled.ListIssues().SelectMany(i => backfilled.GetIssue(i.Id)!.Documents.Select(d => (d.Id, i.Id)))
            .ToLookup(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
        var acrossIssues = backfilled.Relations()
            .Where(r => r.TargetDocumentId is { } t && sourceOf[t].Any(s => s != r.IssueId))
            .ToList();
        Assert.True(acrossIssues.Count >= 4, $"{acrossIssues.Count} relations resolve to another issue");
        Assert.Contains(backfilled.Relations(), r => r.TargetDocumentId is null);
    }

    [Fact]
    public void A_reader_backfilling_relations_in_the_middle_of_a_run_is_followed_by_the_run()
    {
        var files = WriteIssues();
        var (before, during) = (files.Take(IssueCount / 2).ToList(), files.Skip(IssueCount / 2).ToList());

        // Half the issues stored as before relations were kept.
        using var store = SqliteGazetteStore.OpenDirectory(Path.Combine(_root, "mixed"));
        foreach (var file in before)
        {
            var decoded = GazetteReader.Read(file);
            store.Ingest(new GazetteParser().Parse(decoded.Text, file, decoded.Sha256), force: false, decoded.Text, relations: null);
        }

        // One run of the other half; after its first file a reader's relation graph (no writer lock) backfills the rest.
        using (var index = GazetteIndex.InMemory())
        using (var session = new IngestService(new GongbaoServices(store, index)).Begin())
        {
            Assert.Equal(IngestOutcome.Added, session.AddFile(during[0], force: false).Stored?.Outcome);
            using (var reader = SqliteGazetteStore.OpenDirectory(Path.Combine(_root, "mixed")))
            {
                Assert.Equal(before.Count, StoredRelations.Backfill(reader, new CitationResolver(reader)).Count);
            }

            foreach (var file in during.Skip(1))
            {
                Assert.Equal(IngestOutcome.Added, session.AddFile(file, force: false).Stored?.Outcome);
            }

            session.Complete();
        }

        // The later files re-resolved the backfilled relations too: the store holds what one run of every file stores.
        Assert.Empty(store.SourcesWithoutRelations(StoredRelations.ExtractorVersion));
        using var oneRun = Run("one-run", [files]);
        Assert.Equal(Keys(oneRun), Keys(store));
    }

    [Fact]
    public void A_replaced_issue_in_the_same_run_leaves_the_relations_a_backfill_reads()
    {
        var issues = WriteIssues().Select(f =>
        {
            var decoded = GazetteReader.Read(f);
            return (Issue: new GazetteParser().Parse(decoded.Text, f, decoded.Sha256), decoded.Text);
        }).ToList();

        // All stored in one run; then the issue most other issues' relations resolve to is replaced by a text without those documents.
        using var run = SqliteGazetteStore.OpenDirectory(Path.Combine(_root, "run"));
        var state = IngestRelations.Load(run)!;
        var retargets = 0;
        foreach (var (issue, text) in issues)
        {
            var pending = state.Prepare(issue);
            retargets += pending.Update.Retargets.Count;
            run.Ingest(issue, force: false, text, pending.Update);
            pending.Stored();
        }

        HashSet<string> TargetsOfOthers(GazetteIssue issue) =>
            run.Relations().Where(r => r.IssueId != issue.Id && r.TargetDocumentId is not null).Select(r => r.TargetDocumentId!)
                .Intersect(issue.Documents.Select(d => d.Id)).ToHashSet(StringComparer.Ordinal);
        var (replaced, replacedText) = issues.MaxBy(i => TargetsOfOthers(i.Issue).Count);
        var targets = TargetsOfOthers(replaced);
        Assert.NotEmpty(targets);
        var replacement = replaced with
        {
            SourceSha256 = new string('c', 64),
            Documents = replaced.Documents.Where(d => !targets.Contains(d.Id)).ToList(),
        };

        // A refused write leaves the state as it was: the replacement is prepared, abandoned, then prepared again.
        state.Prepare(replacement).Abandon();
        var replace = state.Prepare(replacement);
        Assert.NotEmpty(replace.Update.Retargets);
        run.Ingest(replacement, force: true, replacedText, replace.Update);
        replace.Stored();
        Assert.True(retargets > 0);

        using var backfilled = SqliteGazetteStore.OpenDirectory(Path.Combine(_root, "backfill"));
        foreach (var (issue, text) in issues.Select(i => i.Issue.Id == replaced.Id ? (replacement, replacedText) : i))
        {
            backfilled.Ingest(issue, force: false, text, relations: null);
        }

        StoredRelations.Backfill(backfilled, new CitationResolver(backfilled));
        Assert.Equal(Keys(backfilled), Keys(run));

        // The state kept in memory is what a new run reads from the store: both prepare the same update.
        var reloaded = IngestRelations.Load(run)!;
        Assert.Equal((reloaded.RelationCount, reloaded.TitleCount), (state.RelationCount, state.TitleCount));
        var again = issues[0].Issue with { SourceSha256 = new string('d', 64) };
        var (kept, read) = (state.Prepare(again).Update, reloaded.Prepare(again).Update);
        Assert.Equal(kept.Own, read.Own);
        Assert.Equal(kept.Retargets, read.Retargets);
    }

    private static List<string> Keys(IGazetteStore store) => store.Relations()
        .Select(r => $"{r.IssueId}|{r.Seq}|{r.Kind}|{r.SourceProvisionId}|{r.SourceInstrumentId}|{r.TargetKey}|{r.TargetDocumentId}|{r.TargetInstrumentId}|{r.Trigger}|{r.Printed}")
        .Order(StringComparer.Ordinal)
        .ToList();
}
