using System.Text.Json.Serialization;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gongbao.Web;

/// <summary>
/// Builds the Gongbao web application (HTTP API, OpenAPI description and the embedded reader).
/// <c>gongbao serve</c> and the tests share it: <see cref="Build"/> for a real server, or
/// <see cref="AddGongbao"/> + <see cref="UseGongbao"/> on any host (the test server).
/// </summary>
public static class GongbaoWebApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <param name="configureHost">Adjusts the host before it is built (tests put it on the in-process test server).</param>
    /// <param name="configureOptions">
    /// Adjusts the server options after they are bound from configuration (section <c>Gongbao</c>); the command line's
    /// <c>serve</c> options and tests use it.
    /// </param>
    public static WebApplication Build(
        GongbaoServices services, string url = DefaultUrl, bool quiet = false, Action<IWebHostBuilder>? configureHost = null,
        Action<ServerOptions>? configureOptions = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(url);
        var options = ServerOptions.From(builder.Configuration);
        configureOptions?.Invoke(options);
        options.Validate();
        builder.WebHost.ConfigureKestrel(kestrel => ServerHardening.ConfigureKestrel(kestrel, options));
        configureHost?.Invoke(builder.WebHost);
        if (quiet)
        {
            builder.Logging.ClearProviders();
        }

        builder.Services.AddGongbao(services, options);
        var app = builder.Build();
        app.UseGongbao();
        return app;
    }

    public static IServiceCollection AddGongbao(this IServiceCollection services, GongbaoServices gongbao, ServerOptions? options = null)
    {
        options ??= new ServerOptions().Validate();
        services.AddSingleton(gongbao);
        services.AddSingleton(options);
        services.AddSingleton(new HttpIngestion(gongbao, options));
        services.AddServerHardening(options);
        services.AddRouting();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.Encoder = SafeJson.Encoder;
        });
        return services;
    }

    public static IApplicationBuilder UseGongbao(this IApplicationBuilder app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStoreFollowing();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        app.UseEndpoints(endpoints => endpoints.MapGongbao());
        return app;
    }

    /// <summary>
    /// Before an API request, notices ingests by other processes (<c>gongbao ingest</c> beside the server) so
    /// that citation titles and search answer from the store as it is now (see <see cref="GongbaoServices.FollowStore"/>).
    /// </summary>
    public static IApplicationBuilder UseStoreFollowing(this IApplicationBuilder app)
    {
        var gongbao = app.ApplicationServices.GetRequiredService<GongbaoServices>();

        // Build the relation graph while the server starts, not within the first relations/status request's timeout;
        // a stopping server waits (bounded) for the build so the store is not closed under it.
        var lifetime = app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStarted.Register(() => gongbao.WarmUp());
        lifetime.ApplicationStopping.Register(() => gongbao.WarmingUp.Wait(TimeSpan.FromSeconds(10)));
        return app.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                gongbao.FollowStore();
            }

            return next(http);
        });
    }

    public static IEndpointRouteBuilder MapGongbao(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        ApiEndpoints.Map(endpoints);
        IngestEndpoints.Map(endpoints);
        endpoints.MapSchemeEndpoints();
        ReaderEndpoints.Map(endpoints);
        return endpoints;
    }
}
