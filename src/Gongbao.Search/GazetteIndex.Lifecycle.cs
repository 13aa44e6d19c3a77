using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Gongbao.Search;

/// <summary>
/// How the index is opened, written and checked: read-only opening (no lock file, no writer), write
/// batches that open a writer for one commit only, the content token of every indexed source kept in the
/// Lucene commit's user data (committed atomically with the entries, so a crash can never leave a token
/// that does not match the entries), and rebuilding an index that cannot be read.
/// </summary>
public sealed partial class GazetteIndex
{
    private const string SourceKeyPrefix = "gongbao.source:";

    private readonly SemaphoreSlim _batchGate = new(1, 1);
    private bool _readOnly;
    private long _addTicks;
    private long _commitTicks;

    /// <summary>Time spent by this instance's write batches adding entries (analysis, buffering) and committing (bench profiling).</summary>
    public IndexWriteTimes WriteTimes => new(TimeSpan.FromTicks(Interlocked.Read(ref _addTicks)), TimeSpan.FromTicks(Interlocked.Read(ref _commitTicks)));

    /// <summary>True when opened by <see cref="TryOpenReadOnly"/>: writes throw, nothing on disk changes.</summary>
    public bool IsReadOnly => _readOnly;

    /// <summary>
    /// Opens the index for writing, creating it if needed. An index that cannot be read (a deleted or
    /// truncated segment file, a corrupt <c>segments_N</c>) is emptied and re-created: the caller then
    /// reconciles it from the store. <paramref name="report"/> receives one line saying so.
    /// </summary>
    public static GazetteIndex OpenWritable(string path, Action<string>? report = null)
    {
        System.IO.Directory.CreateDirectory(path);
        try
        {
            var index = Open(path);
            index.CheckReadable();
            return index;
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            report?.Invoke($"the search index in {path} could not be read ({ex.GetType().Name}: {ex.Message}); rebuilding it from the store");
            foreach (var file in System.IO.Directory.EnumerateFiles(path))
            {
                File.Delete(file);
            }

            return Open(path);
        }
    }

    /// <summary>
    /// Opens an existing index without a writer and without creating or locking anything (works on a
    /// read-only directory). Null, with the reason, when there is no usable index there.
    /// </summary>
    public static GazetteIndex? TryOpenReadOnly(string path, out string? problem)
    {
        problem = null;
        if (!System.IO.Directory.Exists(path))
        {
            problem = $"no search index in {path} yet";
            return null;
        }

        var directory = FSDirectory.Open(new DirectoryInfo(path), NoLockFactory.GetNoLockFactory());
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                problem = $"no search index in {path} yet";
            }
            else if (FormatOf(directory) != FormatVersion)
            {
                problem = $"the search index in {path} has an older layout";
            }
            else
            {
                var index = new GazetteIndex(directory) { _readOnly = true };
                index.CheckReadable();
                return index;
            }
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            problem = $"the search index in {path} could not be read ({ex.GetType().Name}: {ex.Message})";
        }

        directory.Dispose();
        return null;
    }

    private static bool IsUnreadable(Exception ex) =>
        ex is (IOException and not LockObtainFailedException) or InvalidOperationException or ArgumentException
            or IndexOutOfRangeException or FormatException or OverflowException;

    // Opening a reader opens every segment file of the commit: a missing or truncated one fails here.
    private void CheckReadable()
    {
        var s = _searchers.Acquire();
        try
        {
            foreach (var leaf in s.IndexReader.Leaves)
            {
                _ = leaf.AtomicReader.NumDocs;
                _ = leaf.AtomicReader.Fields;
            }
        }
        finally
        {
            _searchers.Release(s);
        }
    }

    /// <summary>
    /// The content token (see the application's reconcile) of every source the latest commit holds, as
    /// committed together with its entries.
    /// </summary>
    public IReadOnlyDictionary<string, string> SourceTokens()
    {
        _searchers.MaybeRefreshBlocking();
        var s = _searchers.Acquire();
        try
        {
            var data = s.IndexReader is DirectoryReader reader ? reader.IndexCommit.UserData : new Dictionary<string, string>();
            return data.Where(kv => kv.Key.StartsWith(SourceKeyPrefix, StringComparison.Ordinal))
                .ToDictionary(kv => kv.Key[SourceKeyPrefix.Length..], kv => kv.Value, StringComparer.Ordinal);
        }
        finally
        {
            _searchers.Release(s);
        }
    }

    /// <summary>
    /// Per source, a digest of what the index holds for it (every entry's ID, type and stored text):
    /// compare with <see cref="DigestOf"/> over the store's documents to prove store and index agree by content.
    /// </summary>
    public IReadOnlyDictionary<string, string> ContentDigests()
    {
        _searchers.MaybeRefreshBlocking();
        var s = _searchers.Acquire();
        try
        {
            var entries = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var leaf in s.IndexReader.Leaves)
            {
                var reader = leaf.AtomicReader;
                var live = reader.LiveDocs;
                for (var doc = 0; doc < reader.MaxDoc; doc++)
                {
                    if (live is not null && !live.Get(doc))
                    {
                        continue;
                    }

                    var d = reader.Document(doc);
                    var issue = d.Get(SearchFields.Issue) ?? "";
                    if (!entries.TryGetValue(issue, out var list))
                    {
                        entries[issue] = list = [];
                    }

                    list.Add(EntryKey(d));
                }
            }

            return entries.ToDictionary(e => e.Key, e => Digest(e.Value), StringComparer.Ordinal);
        }
        finally
        {
            _searchers.Release(s);
        }
    }

    /// <summary>The digest <see cref="ContentDigests"/> reports for a source indexed from these witnesses.</summary>
    public static string DigestOf(IEnumerable<IndexedWitness> witnesses) =>
        Digest(witnesses.SelectMany(SearchDocumentBuilder.Build).Select(EntryKey).ToList());

    // Only stored values count: a document read back from the index holds nothing else, so a field that
    // is indexed but not stored (document entries' text) must not enter the digest of a built document.
    private static string EntryKey(Lucene.Net.Documents.Document d) =>
        string.Join('\u0001', Stored(d, SearchFields.Type), Stored(d, SearchFields.Id), Stored(d, SearchFields.Text));

    private static string Stored(Lucene.Net.Documents.Document d, string name) =>
        d.GetFields(name).FirstOrDefault(f => f.IndexableFieldType.IsStored)?.GetStringValue() ?? "";

    private static string Digest(List<string> keys)
    {
        keys.Sort(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', keys))));
    }

    /// <summary>
    /// Starts a write batch: one writer, opened now and closed by <see cref="IndexBatch.Dispose"/>, and one
    /// commit. Batches of one process run one at a time; across processes the caller holds the data
    /// directory's writer lock, and Lucene's own lock is waited for rather than broken.
    /// </summary>
    public IndexBatch BeginBatch()
    {
        if (_readOnly)
        {
            throw new InvalidOperationException("The search index was opened read-only; open it for writing to change it.");
        }

        _batchGate.Wait();
        try
        {
            var config = NewConfig(OpenMode.CREATE_OR_APPEND);
            config.WriteLockTimeout = 10_000;
            return new IndexBatch(this, new IndexWriter(_directory, config));
        }
        catch
        {
            _batchGate.Release();
            throw;
        }
    }

    /// <summary>Changes to the index that become visible together, with the content tokens, on <see cref="Commit"/>.</summary>
    public sealed class IndexBatch : IDisposable
    {
        private readonly GazetteIndex _owner;
        private readonly IndexWriter _writer;
        private readonly Dictionary<string, string> _data;
        private bool _committed;
        private bool _disposed;

        internal IndexBatch(GazetteIndex owner, IndexWriter writer)
        {
            _owner = owner;
            _writer = writer;
            _data = new Dictionary<string, string>(writer.CommitData ?? new Dictionary<string, string>(), StringComparer.Ordinal)
            {
                [FormatKey] = FormatVersion.ToString(CultureInfo.InvariantCulture),
            };
        }

        /// <summary>Replaces the source's entries; <paramref name="contentToken"/> null records no token (a later reconcile re-indexes it).</summary>
        public void Replace(string issueId, string? contentToken, IEnumerable<IndexedWitness> witnesses)
        {
            _writer.DeleteDocuments(new Term(SearchFields.Issue, issueId));
            Add(witnesses);
            if (contentToken is null)
            {
                _data.Remove(SourceKeyPrefix + issueId);
            }
            else
            {
                _data[SourceKeyPrefix + issueId] = contentToken;
            }
        }

        public void Add(IEnumerable<IndexedWitness> witnesses)
        {
            foreach (var witness in witnesses)
            {
                var started = Stopwatch.GetTimestamp();
                _writer.AddDocuments(SearchDocumentBuilder.Build(witness));
                Interlocked.Add(ref _owner._addTicks, Stopwatch.GetElapsedTime(started).Ticks);
            }
        }

        public void Delete(string issueId)
        {
            _writer.DeleteDocuments(new Term(SearchFields.Issue, issueId));
            _data.Remove(SourceKeyPrefix + issueId);
        }

        /// <summary>Removes every entry and token.</summary>
        public void Clear()
        {
            _writer.DeleteAll();
            foreach (var key in _data.Keys.Where(k => k.StartsWith(SourceKeyPrefix, StringComparison.Ordinal)).ToList())
            {
                _data.Remove(key);
            }
        }

        public void MergeSegments() => _writer.ForceMerge(1);

        public void Commit()
        {
            var started = Stopwatch.GetTimestamp();
            _writer.SetCommitData(_data);
            _writer.Commit();
            _committed = true;
            Interlocked.Add(ref _owner._commitTicks, Stopwatch.GetElapsedTime(started).Ticks);
        }

        /// <summary>Closes the writer; an uncommitted batch is rolled back, leaving the last commit as it was.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                if (_committed)
                {
                    _writer.Dispose();
                }
                else
                {
                    _writer.Rollback();
                }
            }
            finally
            {
                _owner._batchGate.Release();
            }

            if (_committed)
            {
                _owner._searchers.MaybeRefreshBlocking();
            }
        }
    }
}

/// <summary>Cumulative write time of an index instance: adding entries, and committing (flush, fsync).</summary>
public readonly record struct IndexWriteTimes(TimeSpan Add, TimeSpan Commit);
