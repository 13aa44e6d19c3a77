namespace Gongbao.Storage.Tests;

/// <summary>A store in a fresh temporary folder, deleted afterwards.</summary>
internal sealed class TempStore : IDisposable
{
    public TempStore()
    {
        Directory = Path.Combine(Path.GetTempPath(), "gongbao-store-" + Guid.NewGuid().ToString("N"));
        Store = SqliteGazetteStore.OpenDirectory(Directory);
    }

    public string Directory { get; }

    public SqliteGazetteStore Store { get; private set; }

    public SqliteGazetteStore Reopen()
    {
        Store.Dispose();
        Store = SqliteGazetteStore.OpenDirectory(Directory);
        return Store;
    }

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}
