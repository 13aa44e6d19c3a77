using System.CommandLine;

using Gongbao.Web;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

using Spectre.Console;

namespace Gongbao.Cli.Commands;

/// <summary><c>gongbao serve</c>: the HTTP API and web reader on a loopback address.</summary>
public static class ServeCommand
{
    public static Option<string> UrlOption() => new("--url")
    {
        Description = $"Address to listen on (default {GongbaoWebApp.DefaultUrl}; loopback unless you choose otherwise)",
        DefaultValueFactory = _ => GongbaoWebApp.DefaultUrl,
    };

    public static Command Create(CliContext context)
    {
        var url = UrlOption();
        var command = new Command("serve", "Serve the HTTP API (/api, /openapi/v1.json) and the web reader") { url };
        command.SetAction(parseResult =>
        {
            using var services = SearchServices.Open(context, parseResult);
            Serve(context, services, parseResult.GetValue(url)!);
            return ExitCodes.Success;
        });
        return command;
    }

    public static void Serve(CliContext context, SearchServices services, string url)
    {
        var app = GongbaoWebApp.Build(services.Services, url, quiet: true);
        app.Start();
        foreach (var address in app.Urls)
        {
            context.Console.MarkupLine($"Gongbao reader at [bold link]{Markup.Escape(address)}/[/]  (API {Markup.Escape(address)}/api/issues, OpenAPI {Markup.Escape(address)}/openapi/v1.json) — Ctrl+C to stop");
        }

        app.WaitForShutdown();
    }
}
