using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gongbao.Web;

/// <summary>The web reader: one page and its script and style, embedded in the assembly (no build step).</summary>
internal static class ReaderEndpoints
{
    private static readonly Dictionary<string, (byte[] Bytes, string ContentType)> Files = Load();

    public static void Map(IEndpointRouteBuilder app)
    {
        // Every reader route serves the same page; the script renders by path.
        foreach (var route in new[] { "/", "/search", "/issues", "/issue/{id}", "/doc/{**id}", "/p/{**id}", "/diff/{**id}", "/match" })
        {
            app.MapGet(route, () => Serve("index.html")).ExcludeFromDescription();
        }

        app.MapGet("/static/{name}", (string name) => Files.ContainsKey(name) ? Serve(name) : Results.NotFound()).ExcludeFromDescription();
    }

    private static IResult Serve(string name)
    {
        var (bytes, type) = Files[name];
        return Results.Bytes(bytes, type);
    }

    private static Dictionary<string, (byte[], string)> Load()
    {
        var asm = typeof(ReaderEndpoints).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in asm.GetManifestResourceNames().Where(n => n.StartsWith("reader/", StringComparison.Ordinal)))
        {
            using var stream = asm.GetManifestResourceStream(resource)!;
            using var ms = new MemoryStream();
            stream.CopyTo(ms);
            var name = resource["reader/".Length..];
            var type = Path.GetExtension(name) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                _ => "application/octet-stream",
            };
            files[name] = (ms.ToArray(), type);
        }

        return files;
    }
}
