using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Gongbao.Web.Tests;

/// <summary>
/// Debian's Chromium (scripts/install-deps.sh installs it; Playwright's own download is blocked here) against a real
/// Kestrel server over the sample gazettes on a free loopback port: the harness every reader browser test shares.
/// </summary>
public abstract class ReaderBrowserTest : IAsyncLifetime
{
    private readonly SampleServices _samples = new();
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    protected IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser starts in InitializeAsync.");

    protected string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _app = GongbaoWebApp.Build(_samples.Services, "http://127.0.0.1:0", quiet: true);
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _samples.Dispose();
    }
}
