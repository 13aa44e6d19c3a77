using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Gongbao.Web.Tests;

/// <summary>
/// The application <c>gongbao serve</c> builds, with chosen <see cref="ServerOptions"/>, either on a real
/// Kestrel server on a free loopback port (body limits and client addresses are Kestrel's) or on the
/// in-process test server.
/// </summary>
public sealed class HardenedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HardenedServer(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<HardenedServer> Kestrel(GongbaoServices services, Action<ServerOptions>? configure = null)
    {
        var app = GongbaoWebApp.Build(services, "http://127.0.0.1:0", quiet: true, configureOptions: configure);
        await app.StartAsync();
        return new HardenedServer(app, new HttpClient { BaseAddress = new Uri(app.Urls.First()) });
    }

    public static async Task<HardenedServer> InProcess(GongbaoServices services, Action<ServerOptions>? configure = null)
    {
        var app = GongbaoWebApp.Build(services, quiet: true, configureHost: web => web.UseTestServer(), configureOptions: configure);
        await app.StartAsync();
        return new HardenedServer(app, app.GetTestClient());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
