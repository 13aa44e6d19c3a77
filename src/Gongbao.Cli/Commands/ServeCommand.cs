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
        var tokenFile = new Option<string?>("--ingest-token-file")
        {
            Description = "Enable POST /api/ingest with the bearer token in this file (first line, 16+ characters); without a token the server is read-only",
        };
        var inbox = new Option<string?>("--inbox") { Description = "Directory POST /api/ingest?file=<name> may read gazettes from" };
        var command = new Command("serve", "Serve the HTTP API (/api, /openapi/v1.json) and the web reader; read-only unless an ingest token is configured")
        {
            url, tokenFile, inbox,
        };
        command.SetAction(parseResult =>
        {
            // A server that can ingest is a writer: it repairs the index on start, then takes the writer lock per
            // ingest request only, so 'gongbao ingest' can run beside it. A read-only server writes nothing.
            var file = parseResult.GetValue(tokenFile);
            var writes = file is { Length: > 0 } || Environment.GetEnvironmentVariable("GONGBAO__INGESTTOKEN") is { Length: > 0 };
            using var services = writes ? SearchServices.OpenWritable(context, parseResult) : SearchServices.OpenReadOnly(context, parseResult);
            services.ReleaseWriterLock();
            var directory = parseResult.GetValue(inbox);
            Serve(context, services, parseResult.GetValue(url)!, options =>
            {
                if (file is { Length: > 0 })
                {
                    options.IngestTokenFile = file;
                }

                if (directory is { Length: > 0 })
                {
                    options.IngestInbox = directory;
                }
            });
            return ExitCodes.Success;
        });
        return command;
    }

    public static void Serve(CliContext context, SearchServices services, string url, Action<ServerOptions>? configure = null)
    {
        WebApplication app;
        try
        {
            app = GongbaoWebApp.Build(services.Services, url, quiet: true, configureOptions: configure);
        }
        catch (InvalidOperationException ex)
        {
            throw new CliException(ExitCodes.Usage, ex.Message);
        }

        app.Start();
        foreach (var address in app.Urls)
        {
            context.Console.MarkupLine($"Gongbao reader at [bold link]{Markup.Escape(address)}/[/]  (API {Markup.Escape(address)}/api/issues, OpenAPI {Markup.Escape(address)}/openapi/v1.json) — Ctrl+C to stop");
        }

        var options = app.Services.GetService(typeof(ServerOptions)) as ServerOptions;
        context.Console.MarkupLine(options is { IngestEnabled: true }
            ? $"Ingest enabled: POST /api/ingest with the bearer token{(options.IngestInbox is { } dir ? $"; inbox {Markup.Escape(dir)}" : "")}"
            : "Read-only: no ingest token configured");
        app.WaitForShutdown();
    }
}
