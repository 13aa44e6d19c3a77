using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Gongbao.Web.Tests;

/// <summary>
/// The application <c>gongbao serve</c> builds (<see cref="GongbaoWebApp.Build"/>), on the in-process
/// test server of Microsoft.AspNetCore.TestHost (the package Mvc.Testing's factory is built on).
/// </summary>
public sealed class ApiFixture : IDisposable
{
    private readonly SampleServices _samples = new();
    private readonly WebApplication _app;

    public ApiFixture()
    {
        _app = GongbaoWebApp.Build(_samples.Services, quiet: true, configureHost: web => web.UseTestServer());
        _app.StartAsync().GetAwaiter().GetResult();
        Client = _app.GetTestClient();
    }

    public HttpClient Client { get; }

    public GongbaoServices Services => _samples.Services;

    public void Dispose()
    {
        Client.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)_app).Dispose();
        _samples.Dispose();
    }
}
