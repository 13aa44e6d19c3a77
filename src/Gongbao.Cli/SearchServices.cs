using System.CommandLine;

using Gongbao.Search;
using Gongbao.Storage.Relational;
using Gongbao.Web;

using Spectre.Console;

namespace Gongbao.Cli;

/// <summary>Opens the store with its search index (<c>&lt;data&gt;/index</c>), brought up to date with the store.</summary>
public sealed class SearchServices : IDisposable
{
    private SearchServices(RelationalGazetteStore store, GazetteIndex index)
    {
        Store = store;
        Index = index;
        Services = new GongbaoServices(store, index);
    }

    public RelationalGazetteStore Store { get; }

    public GazetteIndex Index { get; }

    public GongbaoServices Services { get; }

    public static string IndexDirectory(CliContext context, ParseResult parseResult) => Path.Combine(context.DataDirectory(parseResult), "index");

    public static SearchServices Open(CliContext context, ParseResult parseResult, RelationalGazetteStore? store = null)
    {
        store ??= context.OpenStore(parseResult);
        GazetteIndex index;
        var path = IndexDirectory(context, parseResult);
        try
        {
            index = GazetteIndex.Open(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Lucene.Net.Store.LockObtainFailedException)
        {
            store.Dispose();
            throw new CliException(ExitCodes.StoreError, $"cannot open the search index in {path}: {ex.Message}");
        }

        var services = new SearchServices(store, index);
        var added = services.Services.SynchronizeIndex();
        if (added > 0)
        {
            context.Console.MarkupLine($"Indexed [bold]{added}[/] sources into {Markup.Escape(path)}");
        }

        return services;
    }

    public void Dispose()
    {
        Index.Dispose();
        Store.Dispose();
    }
}
