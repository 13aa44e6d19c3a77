using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Gongbao.Web;

/// <summary>
/// The server's defences, all ASP.NET Core built-ins configured from <see cref="ServerOptions"/>: Kestrel
/// size and header limits, a fixed-window rate limiter per client address (429 + Retry-After), request
/// timeouts (504), and security headers on every response.
/// </summary>
public static class ServerHardening
{
    /// <summary>Name of the request-timeout policy of <c>POST /api/ingest</c>.</summary>
    public const string IngestTimeoutPolicy = "ingest";

    /// <summary>
    /// The reader is one page with its own script and style files: nothing inline, nothing from elsewhere,
    /// never framed. JSON responses carry the same header, harmlessly.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void ConfigureKestrel(KestrelServerOptions kestrel, ServerOptions options)
    {
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        kestrel.Limits.MaxRequestLineSize = 8 * 1024;
        kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
        kestrel.Limits.MaxRequestHeaderCount = 64;
        kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
        kestrel.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(60);
        kestrel.Limits.MaxConcurrentConnections = options.MaxConcurrentConnections;
    }

    public static IServiceCollection AddServerHardening(this IServiceCollection services, ServerOptions options)
    {
        services.Configure<ExceptionHandlerOptions>(o =>
            // Kestrel reports limits it enforces (body too large, body too slow) as BadHttpRequestException.
            o.StatusCodeSelector = ex => ex is Microsoft.AspNetCore.Http.BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
        services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            r.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, options));
            r.OnRejected = (rejected, _) => Reject(rejected, options);
        });
        services.AddRequestTimeouts(t =>
        {
            t.DefaultPolicy = TimeoutPolicy(options.RequestTimeout);
            t.AddPolicy(IngestTimeoutPolicy, TimeoutPolicy(options.IngestTimeout));
        });
        return services;
    }

    /// <summary>Security headers (added as the response starts, so error and timeout responses carry them too), then the limits.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(http);
    });

    /// <summary>
    /// Endpoint filter: a handler that returns after its request timed out does not get its result written;
    /// the timeout middleware answers 504 instead (handlers run synchronously over the store and index).
    /// </summary>
    public static async ValueTask<object?> ObserveTimeout(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        context.HttpContext.RequestAborted.ThrowIfCancellationRequested();
        return result;
    }

    private static RateLimitPartition<string> Partition(HttpContext http, ServerOptions options)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is { IsIPv4MappedToIPv6: true })
        {
            address = address.MapToIPv4();
        }

        if (options.RateLimitPermits == 0 || options.RateLimitExemptLoopback && address is not null && IPAddress.IsLoopback(address))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        return RateLimitPartition.GetFixedWindowLimiter(address?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.RateLimitPermits,
            Window = options.RateLimitWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask Reject(OnRejectedContext rejected, ServerOptions options)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : options.RateLimitWindow;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var http = rejected.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            title: "Too many requests",
            detail: $"This address made more than {options.RateLimitPermits} requests in {Seconds(options.RateLimitWindow)} s; retry after {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
    }

    private static RequestTimeoutPolicy TimeoutPolicy(TimeSpan timeout) => new()
    {
        Timeout = timeout,
        TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
        WriteTimeoutResponse = http => Results.Problem(
            title: "Request timed out",
            detail: $"The request took longer than the server's limit of {Seconds(timeout)} s and was abandoned.",
            statusCode: StatusCodes.Status504GatewayTimeout).ExecuteAsync(http),
    };

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
