namespace Gongbao.Application;

/// <summary>
/// The one-writer-per-data-directory rule: a writer (ingest, reindex, a server ingesting) holds
/// <c>&lt;data&gt;/writer.lock</c> open exclusively while it writes. The operating system releases it when
/// the process ends, even by kill -9, so the file is never deleted and a stale lock cannot exist. A second
/// writer waits, then is refused; it never removes the other's lock.
/// </summary>
public sealed class WriterLock
{
    public const string FileName = "writer.lock";

    private readonly string? _path;
    private readonly SemaphoreSlim _local = new(1, 1);

    private WriterLock(string? path) => _path = path;

    public static WriterLock ForDirectory(string dataDirectory) => new(Path.Combine(dataDirectory, FileName));

    /// <summary>A lock for an in-memory or test setup: serialises writers of this process only.</summary>
    public static WriterLock InProcess() => new(null);

    /// <summary>
    /// Acquires the lock, waiting up to <paramref name="wait"/> (calling <paramref name="waiting"/> once when
    /// another writer holds it). Null when still held elsewhere after the wait.
    /// </summary>
    public IDisposable? TryAcquire(TimeSpan wait, Action<string>? waiting = null, CancellationToken cancellation = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (!_local.Wait(wait, cancellation))
        {
            return null;
        }

        if (_path is null)
        {
            return new Held(this, null);
        }

        var told = false;
        while (true)
        {
            try
            {
                var stream = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new Held(this, stream);
            }
            catch (IOException) when (clock.Elapsed < wait && !cancellation.IsCancellationRequested)
            {
                if (!told)
                {
                    waiting?.Invoke($"another gongbao process is writing to {Path.GetDirectoryName(_path)}; waiting up to {wait.TotalSeconds:0} s");
                    told = true;
                }

                Thread.Sleep(100);
            }
            catch (IOException)
            {
                _local.Release();
                return null;
            }
            catch
            {
                _local.Release();
                throw;
            }
        }
    }

    /// <summary>As <see cref="TryAcquire"/>, throwing <see cref="WriterBusyException"/> when the lock stays held.</summary>
    public IDisposable Acquire(TimeSpan wait, Action<string>? waiting = null, CancellationToken cancellation = default) =>
        TryAcquire(wait, waiting, cancellation) ?? throw new WriterBusyException(
            $"another gongbao process is writing to {(_path is null ? "this store" : Path.GetDirectoryName(_path))} (it holds {FileName}); " +
            "try again when it has finished");

    private sealed class Held(WriterLock owner, FileStream? stream) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stream?.Dispose();
                owner._local.Release();
            }
        }
    }
}

/// <summary>Another writer holds the data directory.</summary>
public sealed class WriterBusyException(string message) : Exception(message);
