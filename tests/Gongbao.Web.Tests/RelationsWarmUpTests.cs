using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Runtime.ExceptionServices;

using Gongbao.Citations;
using Gongbao.Citations.Relations;
using Gongbao.Parsing;
using Gongbao.Storage;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Gongbao.Web.Tests;

/// <summary>
/// The relation graph is built in the background when the server starts (first relations/status requests wait on that
/// build, never build again) and is dropped when another process changes the store.
/// </summary>
public sealed class RelationsWarmUpTests
{
    [Fact(DisplayName = "Server start builds the relation graph once in the background; concurrent first /relations and /status requests share that build")]
    public async Task ConcurrentFirstRequestsShareTheStartupBuild()
    {
        CountingStore? counting = null;
        using var samples = new SampleServices(wrapStore: s => (IGazetteStore)(counting = CountingStore.Wrap(s, TimeSpan.FromMilliseconds(300))));
        StoredRelations.Backfill(samples.Store, new CitationResolver(samples.Store)); // as an ingest stores them: the warm-up writes nothing
        Assert.Equal(0, counting!.GraphBuilds);
        await using var app = GongbaoWebApp.Build(samples.Services, quiet: true, configureHost: web => web.UseTestServer());
        await app.StartAsync();
        using var client = app.GetTestClient();

        // The build starts with the server, before any request (the scans are slowed, so the requests below arrive while it runs).
        var waited = Stopwatch.StartNew();
        while (counting.GraphBuilds == 0 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        Assert.Equal(1, counting.GraphBuilds);
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.GetAsync(i % 2 == 0
            ? "/api/documents/jingjianfa-2024-12/relations"
            : "/api/documents/jingjianfa-2024-12/status?asOf=2025-02-01")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        // A request waiting on the build can answer a moment before the warm-up task itself returns: wait for it, then
        // check that no request built the graph a second time meanwhile.
        Assert.True(await Task.WhenAny(samples.Services.WarmingUp, Task.Delay(TimeSpan.FromSeconds(10))) == samples.Services.WarmingUp);
        Assert.Equal(1, counting.GraphBuilds);
        await app.StopAsync();
    }

    [Fact(DisplayName = "A store change seen by FollowStore drops the warm relation graph (shared index too); the next use rebuilds it")]
    public async Task FollowStoreRebuildsTheGraphAfterAStoreChange()
    {
        using var samples = new SampleServices(files: ["2024-31.txt"]);
        StoredRelations.Backfill(samples.Store, new CitationResolver(samples.Store));
        await samples.Services.WarmUp();
        var documents = samples.Services.Relations.DocumentIds.Count();
        Assert.False(samples.Services.FollowStore()); // warm-up recorded this generation: the graph stays

        samples.Store.Ingest(new GazetteParser().ParseFile(SampleGazettes.File("2025-12.txt")));
        await Task.Delay(samples.Services.FollowInterval + TimeSpan.FromMilliseconds(100));
        Assert.True(samples.Services.FollowStore());
        Assert.True(samples.Services.Relations.DocumentIds.Count() > documents);
    }

    [Fact(DisplayName = "Server start writes nothing: a store whose relations were never stored is not backfilled by the warm-up")]
    public async Task WarmUpSkipsAStoreThatNeedsABackfill()
    {
        using var samples = new SampleServices(files: ["2024-31.txt"]);
        var digest = samples.Store.ContentDigest();
        await samples.Services.WarmUp();
        Assert.Equal(digest, samples.Store.ContentDigest());
        Assert.NotEmpty(samples.Store.SourcesWithoutRelations(StoredRelations.ExtractorVersion));
    }
}

/// <summary>Slows the store's full-document scans and counts the relation graph's builds by them; everything else passes through.</summary>
public class CountingStore : DispatchProxy
{
    private IGazetteStore _inner = null!;
    private TimeSpan _delay;
    private int _graphBuilds;

    public int GraphBuilds => Volatile.Read(ref _graphBuilds);

    public static CountingStore Wrap(IGazetteStore inner, TimeSpan delay)
    {
        var proxy = Create<IGazetteStore, CountingStore>();
        var counting = (CountingStore)(object)proxy;
        counting._inner = inner;
        counting._delay = delay;
        return counting;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IGazetteStore.AllDocuments))
        {
            // A scan made by RelationGraph.Build itself is one graph build (its resolver scans for titles too).
            var caller = new StackTrace().GetFrames().Select(f => f.GetMethod()).FirstOrDefault(m => m?.DeclaringType?.Namespace?.StartsWith("Gongbao.Citations", StringComparison.Ordinal) == true);
            if (caller is { Name: "Build" } && caller.DeclaringType == typeof(RelationGraph))
            {
                Interlocked.Increment(ref _graphBuilds);
            }

            Thread.Sleep(_delay);
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }
}
