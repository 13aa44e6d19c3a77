using System.Globalization;

using Microsoft.Extensions.Configuration;

namespace Gongbao.Web;

/// <summary>
/// Limits and switches of the HTTP server, bound from the configuration section <c>Gongbao</c>
/// (appsettings.json next to the binary, or environment variables such as <c>GONGBAO__INGESTTOKEN</c>,
/// <c>GONGBAO__RATELIMITPERMITS</c>). The defaults suit a reader on loopback; the server is read-only
/// unless an ingest token is configured.
/// </summary>
public sealed class ServerOptions
{
    public const string Section = "Gongbao";

    /// <summary>Tokens shorter than this are refused at start-up: a guessable token is no protection.</summary>
    public const int MinimumTokenLength = 16;

    /// <summary>Largest request body outside ingest (scheme evaluation cases are a few hundred bytes).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest gazette accepted by <c>POST /api/ingest</c> (issues are well below 1 MB).</summary>
    public long MaxIngestBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Longest search or citation query (<c>q</c>, <c>context</c>), in characters.</summary>
    public int MaxQueryLength { get; set; } = 200;

    /// <summary>Longest witness text (characters) a diff compares: the comparison's cost grows with the product of the lengths.</summary>
    public int MaxDiffCharacters { get; set; } = 200_000;

    /// <summary>Expensive requests (diffs) running at once; more wait briefly, then get 503.</summary>
    public int MaxConcurrentExpensive { get; set; } = 2;

    /// <summary>Highest page number of a paged listing or search (deep paging costs work per page skipped).</summary>
    public int MaxPage { get; set; } = 1000;

    /// <summary>Requests one client address may make per <see cref="RateLimitWindowSeconds"/>; 0 turns the limiter off.</summary>
    public int RateLimitPermits { get; set; } = 200;

    public double RateLimitWindowSeconds { get; set; } = 10;

    /// <summary>
    /// Loopback clients (127.0.0.1, ::1) bypass the rate limiter. Off by default, since behind a reverse proxy
    /// on the same machine every client is loopback; the load test turns it on for its own server.
    /// </summary>
    public bool RateLimitExemptLoopback { get; set; }

    /// <summary>Time limit of a request (504 after it).</summary>
    public double RequestTimeoutSeconds { get; set; } = 10;

    /// <summary>Time limit of an ingest request (upload, parse, store and index).</summary>
    public double IngestTimeoutSeconds { get; set; } = 120;

    /// <summary>Most simultaneous connections Kestrel accepts.</summary>
    public long MaxConcurrentConnections { get; set; } = 512;

    /// <summary>Bearer token that enables <c>POST /api/ingest</c>; absent means the server is read-only.</summary>
    public string? IngestToken { get; set; }

    /// <summary>A file holding the ingest token (first line), instead of <see cref="IngestToken"/> in plain configuration.</summary>
    public string? IngestTokenFile { get; set; }

    /// <summary>The only directory <c>POST /api/ingest?file=name</c> may read from; absent means no file ingest.</summary>
    public string? IngestInbox { get; set; }

    public bool IngestEnabled => !string.IsNullOrEmpty(IngestToken);

    private SemaphoreSlim? _expensiveGate;

    /// <summary>The gate of expensive requests of the server these options configure (one per server, not per process).</summary>
    internal SemaphoreSlim ExpensiveGate => LazyInitializer.EnsureInitialized(ref _expensiveGate, () => new SemaphoreSlim(MaxConcurrentExpensive));

    public TimeSpan RateLimitWindow => TimeSpan.FromSeconds(RateLimitWindowSeconds);

    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(RequestTimeoutSeconds);

    public TimeSpan IngestTimeout => TimeSpan.FromSeconds(IngestTimeoutSeconds);

    /// <summary>The options of the <c>Gongbao</c> section, or the defaults.</summary>
    public static ServerOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ServerOptions>() ?? new ServerOptions();

    /// <summary>
    /// Reads <see cref="IngestTokenFile"/> and checks every value, so a misconfigured server refuses to start
    /// with a message naming the setting rather than misbehaving later.
    /// </summary>
    public ServerOptions Validate()
    {
        if (IngestTokenFile is { Length: > 0 } file)
        {
            if (!File.Exists(file))
            {
                throw new InvalidOperationException($"{Section}:IngestTokenFile: no such file {file}");
            }

            IngestToken = File.ReadLines(file).FirstOrDefault()?.Trim();
            if (string.IsNullOrEmpty(IngestToken))
            {
                throw new InvalidOperationException($"{Section}:IngestTokenFile: {file} is empty");
            }
        }

        if (IngestToken is { Length: > 0 } token && (token.Length < MinimumTokenLength || token.Any(char.IsWhiteSpace)))
        {
            throw new InvalidOperationException(
                $"{Section}:IngestToken must be at least {MinimumTokenLength} characters without spaces (it is {token.Length})");
        }

        if (IngestToken is { Length: 0 })
        {
            IngestToken = null;
        }

        Require(MaxRequestBodyBytes > 0, nameof(MaxRequestBodyBytes), MaxRequestBodyBytes);
        Require(MaxIngestBytes > 0, nameof(MaxIngestBytes), MaxIngestBytes);
        Require(MaxQueryLength > 0, nameof(MaxQueryLength), MaxQueryLength);
        Require(MaxPage > 0, nameof(MaxPage), MaxPage);
        Require(RateLimitPermits >= 0, nameof(RateLimitPermits), RateLimitPermits, "zero (no limit) or more");
        Require(RateLimitWindowSeconds > 0, nameof(RateLimitWindowSeconds), RateLimitWindowSeconds);
        Require(RequestTimeoutSeconds > 0, nameof(RequestTimeoutSeconds), RequestTimeoutSeconds);
        Require(IngestTimeoutSeconds > 0, nameof(IngestTimeoutSeconds), IngestTimeoutSeconds);
        Require(MaxConcurrentConnections > 0, nameof(MaxConcurrentConnections), MaxConcurrentConnections);
        if (IngestInbox is { Length: > 0 } inbox)
        {
            if (!Directory.Exists(inbox))
            {
                throw new InvalidOperationException($"{Section}:IngestInbox: no such directory {inbox}");
            }

            IngestInbox = Path.GetFullPath(inbox);
        }
        else
        {
            IngestInbox = null;
        }

        return this;
    }

    private static void Require(bool ok, string name, double value, string expected = "positive")
    {
        if (!ok)
        {
            throw new InvalidOperationException(
                $"{Section}:{name} must be {expected} (it is {value.ToString(CultureInfo.InvariantCulture)})");
        }
    }
}
