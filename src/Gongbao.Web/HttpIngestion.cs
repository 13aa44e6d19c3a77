using System.Security.Cryptography;
using System.Text;

using Gongbao.Domain;
using Gongbao.Parsing;
using Gongbao.Storage;

namespace Gongbao.Web;

/// <summary>
/// What <c>POST /api/ingest</c> did: the stored source, its counts, its version and the parser's diagnostics.
/// <c>Index</c> is <c>updated</c>, <c>unchanged</c> or <c>pending</c> (stored, but the search index could not be
/// updated yet; it is repaired by the next reconcile); <c>Incomplete</c> means the parser reported errors.
/// </summary>
public sealed record IngestResponse(
    string IssueId, IngestOutcome Outcome, int Documents, int Provisions, string Source, IReadOnlyList<string> Diagnostics,
    int Version, string Index, bool Incomplete, string? Warning);

/// <summary>
/// Ingest over HTTP through the application's <see cref="IngestService"/>, as <c>gongbao ingest</c> does it.
/// Each request holds the data directory's writer lock while it writes (waiting a little for a CLI
/// ingest beside the server), reconciles the index first, then stores and indexes the source.
/// </summary>
public sealed class HttpIngestion(GongbaoServices services, ServerOptions options)
{
    private readonly IngestService _ingest = new(services);
    private readonly byte[]? _tokenHash = options.IngestToken is { } t ? SHA256.HashData(Encoding.UTF8.GetBytes(t)) : null;

    /// <summary>How long a request waits for another writer (a CLI ingest) to finish before answering 503.</summary>
    public static readonly TimeSpan WriterWait = TimeSpan.FromSeconds(20);

    public bool Enabled => _tokenHash is not null;

    /// <summary>
    /// Compares in constant time: both sides are hashed first, so neither the content nor the length of the
    /// configured token leaks through timing.
    /// </summary>
    public bool TokenMatches(string presented) =>
        _tokenHash is not null && CryptographicOperations.FixedTimeEquals(_tokenHash, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));

    /// <summary>Stores and indexes one upload; a refused source comes back with its reason and the store unchanged.</summary>
    public Task<SourceIngestResult> Ingest(byte[] bytes, string? sourceName, bool force, CancellationToken cancellation) =>
        Task.Run(() =>
        {
            using var held = services.WriterLock.TryAcquire(WriterWait, cancellation: cancellation)
                ?? throw new IngestRequestException(503,
                    "Nothing was stored: another gongbao process is writing to this data directory; retry when it has finished.");
            cancellation.ThrowIfCancellationRequested();
            try
            {
                services.ReconcileIndex();
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The ingest below still stores the source and reports the index as pending.
            }

            return _ingest.IngestBytes(bytes, sourceName, force, cancellation);
        }, cancellation);

    /// <summary>Reads <paramref name="name"/> from the ingest inbox (see <see cref="IngestInbox.Resolve"/>).</summary>
    public string ResolveInboxFile(string name) =>
        options.IngestInbox is { } inbox ? IngestInbox.Resolve(inbox, name) : throw new IngestRequestException(
            400, "No ingest inbox is configured (Gongbao:IngestInbox), so ?file= cannot be used; send the text as the request body instead.");
}

/// <summary>A refused ingest request: the status code and the message for the client.</summary>
public sealed class IngestRequestException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>
/// The ingest inbox: <c>?file=</c> names a file directly inside it. Anything that could reach elsewhere
/// (separators, <c>..</c>, absolute or drive paths, control characters, percent signs left by double
/// encoding, symbolic links leading out) is refused before the file system is touched beyond the inbox.
/// </summary>
public static class IngestInbox
{
    public const int MaxNameLength = 255;

    public static string Resolve(string inbox, string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new IngestRequestException(400, "file is empty; name a file in the ingest inbox, e.g. ?file=2024-31.txt.");
        }

        if (name.Length > MaxNameLength || name.Any(char.IsControl) || name.IndexOfAny(['/', '\\', ':', '%']) >= 0
            || name is "." or ".." || Path.IsPathRooted(name) || Path.GetFileName(name) != name)
        {
            throw new IngestRequestException(400,
                $"file must be the name of a file directly inside the ingest inbox (no directories, '..', drive or absolute paths); got '{Printable(name)}'.");
        }

        var root = Path.GetFullPath(inbox);
        var path = Path.GetFullPath(Path.Combine(root, name));
        if (!string.Equals(Path.GetDirectoryName(path), Path.TrimEndingDirectorySeparator(root), StringComparison.Ordinal))
        {
            throw new IngestRequestException(400, $"file '{Printable(name)}' is not inside the ingest inbox.");
        }

        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            var realRoot = Directory.ResolveLinkTarget(root, returnFinalTarget: true)?.FullName ?? root;
            if (target is null || !string.Equals(Path.GetDirectoryName(target.FullName), Path.TrimEndingDirectorySeparator(realRoot), StringComparison.Ordinal))
            {
                throw new IngestRequestException(400, $"file '{name}' is a symbolic link leading out of the ingest inbox.");
            }

            info = new FileInfo(target.FullName);
        }

        if (!info.Exists)
        {
            throw new IngestRequestException(404, $"No file '{name}' in the ingest inbox.");
        }

        return info.FullName;
    }

    private static string Printable(string name)
    {
        var shown = new string(name.Take(80).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return name.Length > 80 ? shown + "…" : shown;
    }
}
