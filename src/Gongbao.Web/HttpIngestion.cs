using System.Security.Cryptography;
using System.Text;

using Gongbao.Domain;
using Gongbao.Parsing;
using Gongbao.Storage;

namespace Gongbao.Web;

/// <summary>What <c>POST /api/ingest</c> did: the stored source, its counts and the parser's diagnostics.</summary>
public sealed record IngestResponse(string IssueId, IngestOutcome Outcome, int Documents, int Provisions, string Source, IReadOnlyList<string> Diagnostics);

/// <summary>
/// Ingest over HTTP, as <c>gongbao ingest</c> does it: parse, store in one transaction (a failure changes
/// nothing), then bring the search index and the citation resolver up to date. Ingests are serialised.
/// </summary>
public sealed class HttpIngestion(GongbaoServices services, ServerOptions options)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly GazetteParser _parser = new();
    private readonly byte[]? _tokenHash = options.IngestToken is { } t ? SHA256.HashData(Encoding.UTF8.GetBytes(t)) : null;

    public bool Enabled => _tokenHash is not null;

    /// <summary>
    /// Compares in constant time: both sides are hashed first, so neither the content nor the length of the
    /// configured token leaks through timing.
    /// </summary>
    public bool TokenMatches(string presented) =>
        _tokenHash is not null && CryptographicOperations.FixedTimeEquals(_tokenHash, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));

    /// <summary>Throws <see cref="GazetteFormatException"/> for unusable input; the store is then unchanged.</summary>
    public async Task<IngestResponse> Ingest(byte[] bytes, string sourceName, bool force, CancellationToken cancellation)
    {
        await _gate.WaitAsync(cancellation);
        try
        {
            var store = services.Store;
            var issue = _parser.ParseBytes(bytes, sourceName);

            // Last point at which a timed-out request is abandoned: once stored, the index must follow.
            cancellation.ThrowIfCancellationRequested();
            var result = store.Ingest(issue, force);
            if (result.Outcome != IngestOutcome.Unchanged && store.GetIssue(result.IssueId) is { } storedIssue)
            {
                services.Index.IndexIssue(storedIssue);
                services.Resolver.Invalidate();
            }

            return new IngestResponse(result.IssueId, result.Outcome, result.Documents, result.Provisions, sourceName,
                issue.Diagnostics.Select(d => d.ToString()).ToList());
        }
        finally
        {
            _gate.Release();
        }
    }

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
