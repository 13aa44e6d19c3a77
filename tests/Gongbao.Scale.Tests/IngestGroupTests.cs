using System.Text;

using Gongbao.Application;
using Gongbao.Citations;
using Gongbao.Citations.Relations;
using Gongbao.Corpus;
using Gongbao.Parsing;
using Gongbao.Search;
using Gongbao.Storage;

namespace Gongbao.Scale.Tests;

/// <summary>
/// <c>gongbao ingest</c> stores several files in one SQLite transaction (a savepoint each, <see cref="IngestService.GroupSize"/>).
/// The guarantees of a transaction per file hold: a file is reported stored only once the transaction holding it committed;
/// a file that fails rolls back only itself and is reported for itself; a group whose commit fails is reported failed for
/// each of its files and leaves none of them stored or indexed; the relations written after a failed group are those of
/// the store as it is (the run's in-memory state follows the commit); a re-run completes the store.
/// (A killed run: <see cref="KilledIngestTests"/>.)
/// </summary>
public sealed class IngestGroupTests : IDisposable
{
    private const int IssueCount = 12;
    private readonly string _root = Directory.CreateTempSubdirectory("gongbao-group-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_file_failing_mid_group_rolls_back_only_itself_and_no_file_is_reported_before_its_group_commits()
    {
        var files = WriteIssues();
        var data = Path.Combine(_root, "data");
        using var store = SqliteGazetteStore.OpenDirectory(data);
        using var watcher = SqliteGazetteStore.OpenDirectoryReadOnly(data);
        using var index = GazetteIndex.InMemory();
        var services = new GongbaoServices(store, index);

        // The fourth file written fails after some of its provisions; each file is slowed so the reader runs ahead and groups fill.
        var ingests = 0;
        store.ProvisionWritten = n =>
        {
            if (n == 1)
            {
                ingests++;
                Thread.Sleep(60);
            }

            if (ingests == 4 && n == 5)
            {
                throw new IOException("simulated write failure");
            }
        };
        var commits = new List<int>();
        var reported = new List<SourceIngestResult>();
        store.GroupCommitting = () =>
        {
            // At each commit every file reported so far is committed (visible to another connection), and none of this group is.
            commits.Add(reported.Count);
            Assert.All(reported.Where(r => r.Stored is not null), r => Assert.NotNull(watcher.FindSourceState(r.Stored!.IssueId)));
        };

        var results = new IngestService(services).IngestFiles(files, force: false, r =>
        {
            if (r.Stored is { } stored)
            {
                Assert.NotNull(watcher.FindSourceState(stored.IssueId)); // reported only once committed
            }

            reported.Add(r);
        });

        Assert.Equal(files, results.Select(r => r.Source));
        Assert.Equal(IngestRefusal.StoreFailed, results[3].Refusal);
        Assert.Contains("simulated write failure", results[3].Error);
        Assert.All(results.Where((_, i) => i != 3), r => Assert.Equal(IngestOutcome.Added, r.Stored?.Outcome));
        Assert.True(commits.Count < IssueCount / 2, $"{commits.Count} commits for {IssueCount} files: the files were not grouped");

        // The failed file left nothing; the others are whole, indexed, and their relations are those a backfill reads.
        var stored = files.Where((_, i) => i != 3).ToList();
        Assert.Equal(stored.Count, store.ListIssues().Count);
        Assert.Null(store.FindSourceBySha256(GazetteReader.Read(files[3]).Sha256));
        Assert.Empty(services.Disagreements());
        Assert.Equal(Backfilled("expected", stored), Keys(store));
    }

    [Fact]
    public void A_failed_group_commit_is_reported_for_each_of_its_files_leaves_none_stored_or_indexed_and_a_rerun_completes()
    {
        var files = WriteIssues();
        var data = Path.Combine(_root, "data");
        using var store = SqliteGazetteStore.OpenDirectory(data);
        using var index = GazetteIndex.InMemory();
        var services = new GongbaoServices(store, index);
        store.ProvisionWritten = n =>
        {
            if (n == 1)
            {
                Thread.Sleep(60);
            }
        };

        // The second group with files in it fails to commit.
        var commits = 0;
        store.GroupCommitting = () =>
        {
            if (++commits == 2)
            {
                throw new IOException("simulated commit failure");
            }
        };

        var service = new IngestService(services) { GroupSize = 4 };
        var results = service.IngestFiles(files, force: false);

        Assert.Equal(files, results.Select(r => r.Source));
        var failed = results.Where(r => r.Failed).ToList();
        Assert.InRange(failed.Count, 1, 4);
        Assert.All(failed, r =>
        {
            Assert.Equal(IngestRefusal.StoreFailed, r.Refusal);
            Assert.Contains("simulated commit failure", r.Error);
            Assert.Null(r.Stored);
        });

        // The failed files are consecutive (one group), after the first group; nothing of them is stored or indexed.
        var first = results.ToList().FindIndex(r => r.Failed);
        Assert.True(first > 0, "the first group committed");
        Assert.All(results.Skip(first).Take(failed.Count), r => Assert.True(r.Failed));
        var stored = results.Where(r => !r.Failed).Select(r => r.Source).ToList();
        Assert.All(results.Where(r => !r.Failed), r => Assert.Equal(IngestOutcome.Added, r.Stored?.Outcome));
        Assert.Equal(stored.Count, store.ListIssues().Count);
        Assert.All(failed, r => Assert.Null(store.FindSourceBySha256(GazetteReader.Read(r.Source).Sha256)));
        Assert.Empty(services.Disagreements());

        // Later groups resolved their relations against the store as committed, not against the failed group's files.
        Assert.Equal(Backfilled("expected-partial", stored), Keys(store));

        // A re-run stores the failed files and leaves the rest unchanged.
        store.GroupCommitting = null;
        var again = service.IngestFiles(files, force: false);
        Assert.All(again, r => Assert.False(r.Failed, r.Error));
        Assert.Equal(failed.Select(r => r.Source), again.Where(r => r.Stored?.Outcome == IngestOutcome.Added).Select(r => r.Source));
        Assert.Equal(IssueCount, store.ListIssues().Count);
        Assert.Empty(services.Disagreements());
        Assert.Equal(Backfilled("expected-all", files), Keys(store));
    }

    [Fact]
    public void A_group_rolled_back_leaves_the_store_as_it_was_and_reads_inside_it_see_its_rows()
    {
        var files = WriteIssues().Take(3).ToList();
        using var store = SqliteGazetteStore.OpenDirectory(Path.Combine(_root, "direct"));
        var parsed = files.Select(f =>
        {
            var decoded = GazetteReader.Read(f);
            return (Issue: new GazetteParser().Parse(decoded.Text, f, decoded.Sha256), decoded.Text);
        }).ToList();
        store.Ingest(parsed[0].Issue, false, parsed[0].Text, null);
        var digest = store.ContentDigest();

        using (var group = store.BeginIngestGroup()!)
        {
            Assert.Throws<InvalidOperationException>(() => store.BeginIngestGroup());
            Assert.Equal(IngestOutcome.Added, store.Ingest(parsed[1].Issue, false, parsed[1].Text, null).Outcome);
            Assert.Equal(IngestOutcome.Unchanged, store.Ingest(parsed[0].Issue, false, parsed[0].Text, null).Outcome);
            Assert.NotNull(store.FindSourceState(parsed[1].Issue.Id));
            Assert.Equal(2, store.ListIssues().Count);
            Assert.Equal(1, group.Written);

            // Not disposed by a commit: rolled back.
        }

        Assert.Equal(digest, store.ContentDigest());
        Assert.Null(store.FindSourceState(parsed[1].Issue.Id));

        // After the rollback the store takes ingests and groups again.
        using (var group = store.BeginIngestGroup()!)
        {
            store.Ingest(parsed[2].Issue, false, parsed[2].Text, null);
            group.Commit();
        }

        Assert.Equal(2, store.ListIssues().Count);
    }

    private List<string> WriteIssues()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "gazettes")).FullName;
        var files = new List<string>();
        foreach (var generated in CorpusGenerator.FromSamples(seed: 5).Generate(IssueCount))
        {
            var path = Path.Combine(folder, generated.FileName);
            if (!File.Exists(path))
            {
                File.WriteAllText(path, generated.Text, Encoding.UTF8);
            }

            files.Add(path);
        }

        return files;
    }

    /// <summary>The relations of the files stored without relations, then every source's extracted from scratch over that store.</summary>
    private List<string> Backfilled(string name, IEnumerable<string> files)
    {
        using var store = SqliteGazetteStore.OpenDirectory(Path.Combine(_root, name));
        foreach (var file in files)
        {
            var decoded = GazetteReader.Read(file);
            store.Ingest(new GazetteParser().Parse(decoded.Text, file, decoded.Sha256), force: false, decoded.Text, relations: null);
        }

        StoredRelations.Backfill(store, new CitationResolver(store));
        return Keys(store);
    }

    private static List<string> Keys(IGazetteStore store) => store.Relations()
        .Select(r => $"{r.IssueId}|{r.Seq}|{r.Kind}|{r.SourceProvisionId}|{r.SourceInstrumentId}|{r.TargetKey}|{r.TargetDocumentId}|{r.TargetInstrumentId}|{r.Trigger}|{r.Printed}")
        .Order(StringComparer.Ordinal)
        .ToList();
}
