using System.CommandLine;

using Gongbao.Application;
using Gongbao.Search;
using Gongbao.Storage.Relational;

using Spectre.Console;

namespace Gongbao.Cli;

/// <summary>
/// The store with its search index (<c>&lt;data&gt;/index</c>). Writers (<see cref="OpenWritable"/>) hold the
/// data directory's writer lock, repair an unreadable index and reconcile it with the store by content;
/// readers (<see cref="OpenReadOnly"/>) open nothing for writing and, when the index on disk is missing or
/// behind the store, search an in-memory index built from the store instead.
/// </summary>
public sealed class SearchServices : IDisposable
{
    /// <summary>How long a writer waits for another writer of the same data directory.</summary>
    public static readonly TimeSpan WriterWait = TimeSpan.FromSeconds(30);

    private IDisposable? _writerLock;

    private SearchServices(RelationalGazetteStore store, GazetteIndex index, WriterLock writerLock, IDisposable? held, bool privateIndex = false)
    {
        Store = store;
        Index = index;
        Services = new GongbaoServices(store, index, writerLock) { PrivateIndex = privateIndex };
        _writerLock = held;
    }

    public RelationalGazetteStore Store { get; }

    public GazetteIndex Index { get; }

    public GongbaoServices Services { get; }

    public static string IndexDirectory(CliContext context, ParseResult parseResult) => Path.Combine(context.DataDirectory(parseResult), "index");

    /// <summary>Takes the writer lock (waiting up to <see cref="WriterWait"/>), opens store and index for writing and reconciles them.</summary>
    public static SearchServices OpenWritable(CliContext context, ParseResult parseResult)
    {
        var data = context.DataDirectory(parseResult);
        var writerLock = WriterLock.ForDirectory(data);
        IDisposable held;
        try
        {
            Directory.CreateDirectory(data);
            held = writerLock.Acquire(WriterWait, message => context.Error.WriteLine($"gongbao: {message}"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or WriterBusyException)
        {
            throw new CliException(ExitCodes.StoreError, ex is WriterBusyException ? ex.Message : $"cannot write to {data}: {ex.Message}");
        }

        RelationalGazetteStore? store = null;
        try
        {
            store = context.OpenStore(parseResult, write: true);
            var path = IndexDirectory(context, parseResult);
            GazetteIndex index;
            try
            {
                index = GazetteIndex.OpenWritable(path, message => context.Error.WriteLine($"gongbao: {message}"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException(ExitCodes.StoreError, $"cannot open the search index in {path}: {ex.Message}");
            }

            var services = new SearchServices(store, index, writerLock, held);
            var report = services.Services.ReconcileIndex();
            if (report.Warning is { } warning)
            {
                context.Error.WriteLine($"gongbao: {warning}");
            }

            if (report.Reindexed + report.Removed > 0)
            {
                context.Console.MarkupLine($"Indexed [bold]{report.Reindexed}[/] sources{(report.Removed > 0 ? $", removed {report.Removed}" : "")} into {Markup.Escape(path)}");
            }

            return services;
        }
        catch
        {
            store?.Dispose();
            held.Dispose();
            throw;
        }
    }

    /// <summary>Opens store and index without writing anything; a missing or stale index is replaced by an in-memory one.</summary>
    public static SearchServices OpenReadOnly(CliContext context, ParseResult parseResult)
    {
        var store = context.OpenStore(parseResult);
        var path = IndexDirectory(context, parseResult);
        var index = GazetteIndex.TryOpenReadOnly(path, out var problem);
        if (index is not null)
        {
            var probe = new GongbaoServices(store, index);
            var report = probe.ReconcileIndex();
            if (report.Stale == 0)
            {
                return new SearchServices(store, index, WriterLock.InProcess(), null);
            }

            problem = $"the search index in {path} is behind the store ({report.Stale} sources differ)";
            index.Dispose();
        }

        var stored = store.SourceStates().Count;
        if (stored > 0)
        {
            context.Error.WriteLine($"gongbao: {problem}; searching an index built in memory (run 'gongbao reindex' to repair the one on disk)");
        }

        var memory = GazetteIndex.InMemory();
        var services = new SearchServices(store, memory, WriterLock.InProcess(), null, privateIndex: true);
        services.Services.ReconcileIndex();
        return services;
    }

    /// <summary>Lets other writers in (a server that writes only per request re-acquires the lock for each ingest).</summary>
    public void ReleaseWriterLock()
    {
        _writerLock?.Dispose();
        _writerLock = null;
    }

    public void Dispose()
    {
        Index.Dispose();
        Store.Dispose();
        ReleaseWriterLock();
    }
}
