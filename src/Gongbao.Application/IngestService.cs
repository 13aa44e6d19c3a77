using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;

using Gongbao.Citations.Relations;
using Gongbao.Domain;
using Gongbao.Parsing;
using Gongbao.Search;
using Gongbao.Storage;

namespace Gongbao.Application;

/// <summary>Why a source was not stored.</summary>
public enum IngestRefusal
{
    /// <summary>Missing, not a regular file, too large or unreadable.</summary>
    Unreadable,

    /// <summary>The parser could not use the text at all.</summary>
    Unparseable,

    /// <summary>Parsed, but nothing in it looks like a gazette or a gazette document.</summary>
    NotAGazette,

    /// <summary>A different text is stored under the same ID; replacing it needs force.</summary>
    ReplaceNeedsForce,

    /// <summary>The store's transaction failed and rolled back.</summary>
    StoreFailed,
}

/// <summary>The outcome for one source: stored (possibly with the index update still pending) or refused, with the reason.</summary>
public sealed record SourceIngestResult
{
    /// <summary>The file path or upload label the source came from.</summary>
    public required string Source { get; init; }

    /// <summary>What the store did (Added, Replaced, Unchanged); null when nothing was stored.</summary>
    public IngestResult? Stored { get; init; }

    public IReadOnlyList<ParseDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>
    /// Why nothing was stored (null when stored or unchanged); for <see cref="IngestRefusal.Unparseable"/> the
    /// diagnostic, for <see cref="IngestRefusal.StoreFailed"/> the store's own message.
    /// </summary>
    public string? Error { get; init; }

    public IngestRefusal? Refusal { get; init; }

    /// <summary>The source is stored, but the search index could not be updated yet; the next reconcile repairs it.</summary>
    public bool IndexPending { get; init; }

    /// <summary>Why the index update is pending.</summary>
    public string? IndexProblem { get; init; }

    public TimeSpan Elapsed { get; init; }

    public bool Failed => Error is not null;

    /// <summary>Stored, but the parser reported errors (e.g. a contents entry not found in the body): parts may be missing.</summary>
    public bool Incomplete => Stored is { Outcome: not IngestOutcome.Unchanged } && Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>
/// The one ingest path of CLI <c>ingest</c>, <c>demo</c> and <c>POST /api/ingest</c>: content hash check →
/// parse → is it a gazette → replace guard → store (one transaction, with a history version) → index
/// (one commit per session, with the source's content token) → refresh caches. The caller holds
/// <see cref="GongbaoServices.WriterLock"/> for the session.
/// </summary>
public sealed class IngestService(GongbaoServices services)
{
    /// <summary>Largest source file read from disk.</summary>
    public long MaxSourceBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// Most files stored in one store transaction by <see cref="IngestSession.AddFiles"/> (a savepoint each, where the
    /// store groups ingests); a group is committed sooner when no read file is waiting. 1: a transaction per file.
    /// </summary>
    public int GroupSize { get; init; } = 16;

    /// <summary>Parses decoded text (tests substitute a parser that returns hand-built issues).</summary>
    public Func<DecodedText, string, GazetteIssue> Parse { get; init; } = DefaultParse;

    private static GazetteIssue DefaultParse(DecodedText decoded, string sourceName)
    {
        var issue = new GazetteParser().Parse(decoded.Text, sourceName, decoded.Sha256);
        return decoded.Diagnostics.Count == 0 ? issue : issue with { Diagnostics = decoded.Diagnostics.Concat(issue.Diagnostics).ToList() };
    }

    public GongbaoServices Services => services;

    /// <summary>Starts a session: sources added to it are stored one by one and indexed in one commit by <see cref="IngestSession.Complete"/>.</summary>
    public IngestSession Begin() => new(this);

    /// <summary>Ingests files (one store transaction each, one index commit for all), calling <paramref name="each"/> as each is stored.</summary>
    public IReadOnlyList<SourceIngestResult> IngestFiles(IEnumerable<string> paths, bool force, Action<SourceIngestResult>? each = null)
    {
        using var session = Begin();
        session.AddFiles(paths, force, each);
        return session.Complete();
    }

    /// <summary>Ingests one uploaded text; <paramref name="name"/> labels it (null: a name derived from the content).</summary>
    public SourceIngestResult IngestBytes(byte[] bytes, string? name, bool force, CancellationToken cancellation = default)
    {
        using var session = Begin();
        session.AddBytes(bytes, name, force, cancellation);
        return session.Complete()[0];
    }

    /// <summary>The label of an unlabelled upload: derived from its bytes, so two different uploads never share an ID.</summary>
    public static string ContentName(byte[] bytes) => $"upload-{Convert.ToHexStringLower(SHA256.HashData(bytes))[..12]}.txt";

    /// <summary>Stored sources in one session; the index is written once, on <see cref="Complete"/>.</summary>
    public sealed class IngestSession : IDisposable
    {
        private readonly IngestService _owner;
        private readonly List<SourceIngestResult> _results = [];
        private GazetteIndex.IndexBatch? _batch;
        private BlockingCollection<(GazetteIssue Issue, IngestResult Stored)>? _indexQueue;
        private TimeSpan _handoverWait;
        private IngestRelations? _relationState;
        private HashSet<string> _withoutRelations = new(StringComparer.Ordinal);
        private string? _indexProblem;
        private bool _completed;

        // The open group of AddFiles: its results and index hand-overs wait for its commit.
        private IIngestGroup? _group;
        private readonly List<SourceIngestResult> _groupResults = [];
        private readonly List<(GazetteIssue Issue, IngestResult Stored)> _groupHandovers = [];

        internal IngestSession(IngestService owner) => _owner = owner;

        private IGazetteStore Store => _owner.Services.Store;

        /// <summary>
        /// Titles and relations read from the store at the session's first stored source, then kept in memory as
        /// sources are stored (the caller holds the writer lock): each source's relations cost what it holds, not what the store holds.
        /// </summary>
        private IngestRelations? RelationState()
        {
            if (!Store.KeepsRelations)
            {
                return null;
            }

            // Sources stored without relations (before relations were kept, or by an older extractor) are the one thing a
            // reader writes without the writer lock: its relation graph backfills them. If that happened behind this run,
            // its state lacks those relations and later sources would not re-resolve them, so the state is read again.
            if (_relationState is not null && _withoutRelations.Count > 0
                && !Store.SourcesWithoutRelations(StoredRelations.ExtractorVersion).ToHashSet(StringComparer.Ordinal).SetEquals(_withoutRelations))
            {
                _relationState = null;
            }

            if (_relationState is null)
            {
                _withoutRelations = [.. Store.SourcesWithoutRelations(StoredRelations.ExtractorVersion)];
                _relationState = IngestRelations.Load(Store);
            }

            return _relationState;
        }

        public SourceIngestResult AddFile(string path, bool force) => Admit(Read(path, knownCheck: !force), force, CancellationToken.None);

        public SourceIngestResult AddBytes(byte[] bytes, string? name, bool force, CancellationToken cancellation = default)
        {
            var label = string.IsNullOrWhiteSpace(name) ? ContentName(bytes) : name;
            return Admit(Prepare(bytes, label, label, Stopwatch.StartNew(), knownCheck: !force), force, cancellation);
        }

        /// <summary>
        /// Adds files in order, on both cores: a reader thread reads, hashes and parses the next files while this thread
        /// stores them (in order, exactly as <see cref="AddFile"/> would, but up to <see cref="GroupSize"/> files in one
        /// store transaction with a savepoint each), and an indexing thread adds what was stored to the index batch.
        /// Results are recorded, and <paramref name="each"/> called, in file order and only once the transaction holding
        /// the file committed; a file that fails rolls back its own savepoint, a group that fails to commit is reported
        /// failed for each of its files. Only committed sources reach the index, and the batch is committed by
        /// <see cref="Complete"/> after them.
        /// </summary>
        public void AddFiles(IEnumerable<string> paths, bool force, Action<SourceIngestResult>? each = null)
        {
            using var stop = new CancellationTokenSource();
            using var read = new BlockingCollection<ReadSource>(boundedCapacity: 2);
            // Room for a whole group's hand-over, so a commit does not wait for the indexing thread to catch up.
            using var stored = new BlockingCollection<(GazetteIssue Issue, IngestResult Stored)>(boundedCapacity: Math.Max(1, _owner.GroupSize) + 4);
            var reader = Task.Factory.StartNew(() =>
            {
                try
                {
                    foreach (var path in paths)
                    {
                        read.Add(Read(path, knownCheck: !force), stop.Token);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // This thread stopped (it failed): nothing more is read.
                }
                finally
                {
                    read.CompleteAdding();
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            var indexer = Task.Factory.StartNew(() =>
            {
                // IndexSource turns every failure but running out of memory into a pending index; after that one the
                // queue is still drained, so this thread never blocks a store waiting to hand over.
                ExceptionDispatchInfo? failure = null;
                foreach (var (issue, result) in stored.GetConsumingEnumerable())
                {
                    try
                    {
                        if (failure is null)
                        {
                            IndexSource(issue, result);
                        }
                    }
                    catch (OutOfMemoryException ex)
                    {
                        failure = ExceptionDispatchInfo.Capture(ex);
                    }
                }

                failure?.Throw();
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

            _indexQueue = stored;
            try
            {
                foreach (var source in read.GetConsumingEnumerable())
                {
                    if (_group is null && _owner.GroupSize > 1)
                    {
                        _group = BeginGroup();
                    }

                    var result = AdmitUnrecorded(source, force, CancellationToken.None);
                    if (_group is null)
                    {
                        Record(result);
                        each?.Invoke(result);
                        continue;
                    }

                    _groupResults.Add(result);
                    if (_groupResults.Count >= _owner.GroupSize || read.Count == 0)
                    {
                        CommitGroup(each);
                    }
                }

                CommitGroup(each);
            }
            catch
            {
                // Nothing of an unfinished group is reported or indexed: it is rolled back.
                AbandonGroup();
                throw;
            }
            finally
            {
                _indexQueue = null;
                stop.Cancel();
                stored.CompleteAdding();
                WaitAll(reader, indexer);
            }
        }

        /// <summary>A new ingest group, or null (the store commits each file, or could not begin one: each file then reports it).</summary>
        private IIngestGroup? BeginGroup()
        {
            try
            {
                return Store.BeginIngestGroup();
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
            {
                return null;
            }
        }

        /// <summary>
        /// Commits the open group, then reports its files in order and hands its stored sources to the index. When the
        /// commit fails, nothing of the group is stored: every file the store took is reported failed (also one found unchanged
        /// or needing force, as that answer may have rested on the group's rows), nothing reaches the index, and the
        /// run's relation state, which followed the group's rows, is read again from the store.
        /// </summary>
        private void CommitGroup(Action<SourceIngestResult>? each)
        {
            if (_group is not { } group)
            {
                return;
            }

            _group = null;
            var clock = Stopwatch.StartNew();
            Exception? failure = null;
            try
            {
                group.Commit();
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or InvalidOperationException)
            {
                failure = ex;
            }
            catch
            {
                // Rolled back (below) and not reported: the run fails.
                _relationState = null;
                _groupResults.Clear();
                _groupHandovers.Clear();
                throw;
            }
            finally
            {
                group.Dispose();
            }

            var results = _groupResults.ToList();
            var handovers = _groupHandovers.ToList();
            _groupResults.Clear();
            _groupHandovers.Clear();
            if (failure is not null)
            {
                _relationState = null;
                var others = results.Count - 1;
                // A file refused for itself (unreadable, not a gazette, its own store failure) keeps its reason.
                results = results.Select(r => r.Refusal is IngestRefusal.Unreadable or IngestRefusal.Unparseable or IngestRefusal.NotAGazette or IngestRefusal.StoreFailed
                    ? r
                    : RefusalOf(r.Source, IngestRefusal.StoreFailed,
                        $"stored in one transaction with {others} other file(s), which failed to commit: {failure.Message}; nothing of it was stored",
                        r.Diagnostics, r.Elapsed)).ToList();
            }
            else
            {
                // The commit is the stored files' time, shared among them; waiting for the indexing thread is nobody's.
                var share = handovers.Count == 0 ? TimeSpan.Zero : clock.Elapsed / handovers.Count;
                results = results.Select(r => r.Stored is { Outcome: not IngestOutcome.Unchanged } ? r with { Elapsed = r.Elapsed + share } : r).ToList();
                foreach (var (issue, written) in handovers)
                {
                    if (_indexQueue is { } queue)
                    {
                        queue.Add((issue, written));
                    }
                    else
                    {
                        IndexSource(issue, written);
                    }
                }
            }

            foreach (var result in results)
            {
                Record(result);
                each?.Invoke(result);
            }
        }

        /// <summary>Rolls the open group back without reporting it (the run is failing); the relation state is read again.</summary>
        private void AbandonGroup()
        {
            if (_group is { } group)
            {
                _group = null;
                _relationState = null;
                _groupResults.Clear();
                _groupHandovers.Clear();
                group.Dispose();
            }
        }

        // Both threads are waited for before either's failure is rethrown: neither outlives the session's batch.
        private static void WaitAll(Task reader, Task indexer)
        {
            try
            {
                indexer.GetAwaiter().GetResult();
            }
            finally
            {
                reader.GetAwaiter().GetResult();
            }
        }

        /// <summary>What the reader thread hands over: the bytes and their hash, and the parsed issue or the refusal.</summary>
        private sealed record ReadSource(string Source, string SourceName, Stopwatch Clock)
        {
            public byte[]? Bytes { get; init; }

            public string? Sha256 { get; init; }

            /// <summary>Unreadable, or (with bytes) unparseable or not a gazette.</summary>
            public SourceIngestResult? Refused { get; init; }

            /// <summary>Not parsed: the store already held these bytes when they were read (checked again when storing).</summary>
            public bool KnownWhenRead { get; init; }

            public GazetteIssue? Issue { get; init; }

            public DecodedText? Decoded { get; init; }

            /// <summary>The issue's compressed values, encoded where it was parsed (the reader thread), not on the store's.</summary>
            public IssueEncoding? Encoded { get; init; }

            /// <summary>Time spent reading and parsing, not waiting.</summary>
            public TimeSpan Spent { get; init; }
        }

        private ReadSource Read(string path, bool knownCheck)
        {
            var clock = Stopwatch.StartNew();
            byte[] bytes;
            try
            {
                bytes = SourceFiles.Read(path, _owner.MaxSourceBytes);
            }
            catch (SourceFileException ex)
            {
                return new ReadSource(path, path, clock)
                {
                    Refused = new SourceIngestResult { Source = path, Error = ex.Message, Refusal = IngestRefusal.Unreadable, Elapsed = clock.Elapsed },
                    Spent = clock.Elapsed,
                };
            }

            return Prepare(bytes, path, path, clock, knownCheck);
        }

        /// <summary>
        /// Hash, then parse unless the store already holds these bytes (re-running an ingest costs one hash per file).
        /// Changes nothing; on the reader thread the store is only asked whether it knows the hash, a hint that
        /// <see cref="Admit"/> checks again.
        /// </summary>
        private ReadSource Prepare(byte[] bytes, string source, string sourceName, Stopwatch clock, bool knownCheck)
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var known = false;
            if (knownCheck)
            {
                try
                {
                    known = Store.FindSourceBySha256(sha) is not null;
                }
                catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
                {
                    // Admit asks again and reports it.
                }
            }

            var read = new ReadSource(source, sourceName, clock) { Bytes = bytes, Sha256 = sha, KnownWhenRead = known };
            return known ? read with { Spent = clock.Elapsed } : Parse(read);
        }

        private ReadSource Parse(ReadSource read)
        {
            var started = read.Clock.Elapsed;
            try
            {
                var decoded = GazetteReader.Decode(read.Bytes!, read.SourceName);
                var issue = _owner.Parse(decoded, read.SourceName);
                if (GazetteCheck.Problem(issue) is { } problem)
                {
                    return read with
                    {
                        Refused = RefusalOf(read.Source, IngestRefusal.NotAGazette, $"not a gazette: {problem}; nothing was stored", issue.Diagnostics, read.Clock),
                        Spent = read.Spent + read.Clock.Elapsed - started,
                    };
                }

                return read with
                {
                    Issue = issue,
                    Decoded = decoded,
                    Encoded = EncodeOrLeaveToStore(issue, decoded.Text),
                    KnownWhenRead = false,
                    Spent = read.Spent + read.Clock.Elapsed - started,
                };
            }
            catch (GazetteFormatException ex)
            {
                return read with
                {
                    Refused = RefusalOf(read.Source, IngestRefusal.Unparseable, ex.Diagnostic.ToString(), [ex.Diagnostic], read.Clock),
                    Spent = read.Spent + read.Clock.Elapsed - started,
                };
            }
        }

        /// <summary>
        /// The compressed values, or null when encoding failed here: the store then encodes in its transaction and
        /// reports the failure for this source, as it would without an encoding.
        /// </summary>
        private static IssueEncoding? EncodeOrLeaveToStore(GazetteIssue issue, string text)
        {
            try
            {
                return IssueEncoding.Encode(issue, text);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return null;
            }
        }

        /// <summary>Stores one read source (its own transaction, or a savepoint of the open group), in order; the result's time is this and the reading, not waits.</summary>
        private SourceIngestResult Admit(ReadSource read, bool force, CancellationToken cancellation) =>
            Record(AdmitUnrecorded(read, force, cancellation));

        private SourceIngestResult AdmitUnrecorded(ReadSource read, bool force, CancellationToken cancellation)
        {
            var clock = Stopwatch.StartNew();
            _handoverWait = TimeSpan.Zero;
            var result = AdmitTimed(read, force, cancellation);
            return result with { Elapsed = read.Spent + clock.Elapsed - _handoverWait };
        }

        private SourceIngestResult AdmitTimed(ReadSource read, bool force, CancellationToken cancellation)
        {
            var source = read.Source;
            var clock = read.Clock;
            if (read.Bytes is null)
            {
                return read.Refused!;
            }

            try
            {
                // Asked again here, in order: an earlier file of this run may have stored the same bytes since they were read.
                if (!force && Store.FindSourceBySha256(read.Sha256!) is { } known)
                {
                    var state = Store.FindSourceState(known);
                    return new SourceIngestResult
                    {
                        Source = source,
                        Stored = new IngestResult(known, IngestOutcome.Unchanged, state?.DocumentCount ?? 0, 0) { Version = state?.Version ?? 0 },
                    };
                }

                if (read.KnownWhenRead)
                {
                    // Known when read, not now (replaced since, or forced): parse it here.
                    var parsed = Parse(read);
                    read = parsed with { Spent = read.Spent };
                }

                if (read.Refused is { } refused)
                {
                    return refused;
                }

                var issue = read.Issue!;
                var decoded = read.Decoded!;
                var existing = Store.FindSourceState(issue.Id);
                if (existing is not null && !force && !string.Equals(existing.Sha256, issue.SourceSha256, StringComparison.OrdinalIgnoreCase))
                {
                    var fewer = issue.Documents.Count < existing.DocumentCount
                        ? $" (it has {issue.Documents.Count} documents, the stored version {existing.DocumentCount})"
                        : "";
                    return RefusalOf(source, IngestRefusal.ReplaceNeedsForce,
                        $"'{issue.Id}' is already stored from a different text{fewer}; nothing was replaced. " +
                        $"Replace it with --force (HTTP: force=true); the stored text stays in its history (gongbao issues {issue.Id} --history).",
                        issue.Diagnostics, clock);
                }

                // Last point at which a cancelled request is abandoned: once stored, the index must follow.
                cancellation.ThrowIfCancellationRequested();
                IngestResult? written = null;
                IngestRelations.Pending? relations = null;
                try
                {
                    // The issue's relations (and retargets of relations elsewhere) go into the same transaction.
                    relations = RelationState()?.Prepare(issue);
                    written = Store.Ingest(issue, force, decoded.Text, relations?.Update, read.Encoded);
                }
                catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or InvalidOperationException or StoreDamagedException)
                {
                    // Read again for the next source rather than trusted after a failure.
                    _relationState = null;
                    return RefusalOf(source, IngestRefusal.StoreFailed, ex.Message, issue.Diagnostics, clock);
                }
                finally
                {
                    // The run's relation state follows what the store wrote, and nothing else.
                    if (written is { Outcome: not IngestOutcome.Unchanged })
                    {
                        relations?.Stored();
                    }
                    else
                    {
                        relations?.Abandon();
                    }
                }

                if (written.Outcome != IngestOutcome.Unchanged)
                {
                    if (_group is not null)
                    {
                        // Indexed once the group commits, not before.
                        _groupHandovers.Add((issue, written));
                    }
                    else if (_indexQueue is { } queue)
                    {
                        // Waiting for the indexing thread to take it is not this source's time.
                        var handover = Stopwatch.GetTimestamp();
                        queue.Add((issue, written));
                        _handoverWait = Stopwatch.GetElapsedTime(handover);
                    }
                    else
                    {
                        IndexSource(issue, written);
                    }
                }

                return new SourceIngestResult { Source = source, Stored = written, Diagnostics = issue.Diagnostics };
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
            {
                return RefusalOf(source, IngestRefusal.StoreFailed, $"the store could not be read: {ex.Message}", [], clock);
            }
        }

        private void IndexSource(GazetteIssue issue, IngestResult stored)
        {
            if (_indexProblem is not null)
            {
                return;
            }

            try
            {
                _batch ??= _owner.Services.Index.BeginBatch();
                var token = new SourceState(issue.Id, issue.SourceSha256, stored.Version, issue.Documents.Count).ContentToken;
                _batch.Replace(issue.Id, stored.Version > 0 ? token : null, IndexedWitness.FromIssue(issue));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The store already holds the source: say so, and leave the index to the next reconcile.
                _indexProblem = $"{ex.GetType().Name}: {ex.Message}";
                DisposeBatch();
            }
        }

        private static SourceIngestResult RefusalOf(string source, IngestRefusal refusal, string error, IReadOnlyList<ParseDiagnostic> diagnostics, Stopwatch clock) =>
            RefusalOf(source, refusal, error, diagnostics, clock.Elapsed);

        private static SourceIngestResult RefusalOf(string source, IngestRefusal refusal, string error, IReadOnlyList<ParseDiagnostic> diagnostics, TimeSpan elapsed) =>
            new() { Source = source, Error = error, Refusal = refusal, Diagnostics = diagnostics, Elapsed = elapsed };

        private SourceIngestResult Record(SourceIngestResult result)
        {
            _results.Add(result);
            return result;
        }

        /// <summary>
        /// Commits the index once for the whole session and refreshes the caches; sources stored while the
        /// index could not follow come back with <see cref="SourceIngestResult.IndexPending"/>.
        /// </summary>
        public IReadOnlyList<SourceIngestResult> Complete()
        {
            if (_completed)
            {
                return _results;
            }

            _completed = true;
            if (_batch is not null && _indexProblem is null)
            {
                try
                {
                    _batch.Commit();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    _indexProblem = $"{ex.GetType().Name}: {ex.Message}";
                }
            }

            DisposeBatch();
            if (_results.Any(r => r.Stored is { Outcome: not IngestOutcome.Unchanged }))
            {
                _owner.Services.Relations.Refresh();
            }

            if (_indexProblem is not null)
            {
                for (var i = 0; i < _results.Count; i++)
                {
                    if (_results[i].Stored is { Outcome: not IngestOutcome.Unchanged })
                    {
                        _results[i] = _results[i] with { IndexPending = true, IndexProblem = _indexProblem };
                    }
                }
            }

            return _results;
        }

        private void DisposeBatch()
        {
            try
            {
                _batch?.Dispose();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _indexProblem ??= $"{ex.GetType().Name}: {ex.Message}";
            }

            _batch = null;
        }

        /// <summary>An uncompleted session rolls the index batch back; what was stored stays stored and is reconciled later.</summary>
        public void Dispose() => DisposeBatch();
    }
}
