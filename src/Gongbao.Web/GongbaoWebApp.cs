using System.Text.Encodings.Web;
using System.Text.Json.Serialization;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
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
    public static WebApplication Build(GongbaoServices services, string url = DefaultUrl, bool quiet = false, Action<IWebHostBuilder>? configureHost = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(url);
        configureHost?.Invoke(builder.WebHost);
        if (quiet)
        {
            builder.Logging.ClearProviders();
        }

        builder.Services.AddGongbao(services);
        var app = builder.Build();
        app.UseGongbao();
        return app;
    }

    public static IServiceCollection AddGongbao(this IServiceCollection services, GongbaoServices gongbao)
    {
        services.AddSingleton(gongbao);
        services.AddRouting();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            // Chinese text stays readable in responses instead of \uXXXX escapes.
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        return services;
    }

    public static IApplicationBuilder UseGongbao(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseEndpoints(endpoints => endpoints.MapGongbao());
        return app;
    }

    public static IEndpointRouteBuilder MapGongbao(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        ApiEndpoints.Map(endpoints);
        endpoints.MapSchemeEndpoints();
        ReaderEndpoints.Map(endpoints);
        return endpoints;
    }
}
