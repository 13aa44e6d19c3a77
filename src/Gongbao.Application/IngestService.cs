using System.Diagnostics;
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
        foreach (var path in paths)
        {
            var result = session.AddFile(path, force);
            each?.Invoke(result);
        }

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
        private IngestRelations? _relationState;
        private string? _indexProblem;
        private bool _completed;

        internal IngestSession(IngestService owner) => _owner = owner;

        private IGazetteStore Store => _owner.Services.Store;

        /// <summary>
        /// Titles and relations read from the store at the session's first stored source, then kept in memory as
        /// sources are stored (the caller holds the writer lock): each source's relations cost what it holds, not what the store holds.
        /// </summary>
        private IngestRelations? RelationState()
        {
            if (_relationState is null && Store.KeepsRelations)
            {
                _relationState = IngestRelations.Load(Store);
            }

            return _relationState;
        }

        public SourceIngestResult AddFile(string path, bool force)
        {
            var clock = Stopwatch.StartNew();
            byte[] bytes;
            try
            {
                bytes = SourceFiles.Read(path, _owner.MaxSourceBytes);
            }
            catch (SourceFileException ex)
            {
                return Record(new SourceIngestResult { Source = path, Error = ex.Message, Refusal = IngestRefusal.Unreadable, Elapsed = clock.Elapsed });
            }

            return Add(bytes, path, path, force, clock, CancellationToken.None);
        }

        public SourceIngestResult AddBytes(byte[] bytes, string? name, bool force, CancellationToken cancellation = default)
        {
            var label = string.IsNullOrWhiteSpace(name) ? ContentName(bytes) : name;
            return Add(bytes, label, label, force, Stopwatch.StartNew(), cancellation);
        }

        private SourceIngestResult Add(byte[] bytes, string source, string sourceName, bool force, Stopwatch clock, CancellationToken cancellation)
        {
            // Unchanged bytes are recognised before parsing: re-running an ingest costs one hash per file.
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            try
            {
                if (!force && Store.FindSourceBySha256(sha) is { } known)
                {
                    var state = Store.FindSourceState(known);
                    return Record(new SourceIngestResult
                    {
                        Source = source,
                        Stored = new IngestResult(known, IngestOutcome.Unchanged, state?.DocumentCount ?? 0, 0) { Version = state?.Version ?? 0 },
                        Elapsed = clock.Elapsed,
                    });
                }

                GazetteIssue issue;
                DecodedText decoded;
                try
                {
                    decoded = GazetteReader.Decode(bytes, sourceName);
                    issue = _owner.Parse(decoded, sourceName);
                }
                catch (GazetteFormatException ex)
                {
                    return Refuse(source, IngestRefusal.Unparseable, ex.Diagnostic.ToString(), [ex.Diagnostic], clock);
                }

                if (GazetteCheck.Problem(issue) is { } problem)
                {
                    return Refuse(source, IngestRefusal.NotAGazette, $"not a gazette: {problem}; nothing was stored", issue.Diagnostics, clock);
                }

                var existing = Store.FindSourceState(issue.Id);
                if (existing is not null && !force && !string.Equals(existing.Sha256, issue.SourceSha256, StringComparison.OrdinalIgnoreCase))
                {
                    var fewer = issue.Documents.Count < existing.DocumentCount
                        ? $" (it has {issue.Documents.Count} documents, the stored version {existing.DocumentCount})"
                        : "";
                    return Refuse(source, IngestRefusal.ReplaceNeedsForce,
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
                    written = Store.Ingest(issue, force, decoded.Text, relations?.Update);
                }
                catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or InvalidOperationException or StoreDamagedException)
                {
                    // Read again for the next source rather than trusted after a failure.
                    _relationState = null;
                    return Refuse(source, IngestRefusal.StoreFailed, ex.Message, issue.Diagnostics, clock);
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

                var stored = written;

                if (stored.Outcome != IngestOutcome.Unchanged)
                {
                    IndexSource(issue, stored);
                }

                return Record(new SourceIngestResult { Source = source, Stored = stored, Diagnostics = issue.Diagnostics, Elapsed = clock.Elapsed });
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
            {
                return Refuse(source, IngestRefusal.StoreFailed, $"the store could not be read: {ex.Message}", [], clock);
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

        private SourceIngestResult Refuse(string source, IngestRefusal refusal, string error, IReadOnlyList<ParseDiagnostic> diagnostics, Stopwatch clock) =>
            Record(new SourceIngestResult { Source = source, Error = error, Refusal = refusal, Diagnostics = diagnostics, Elapsed = clock.Elapsed });

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
