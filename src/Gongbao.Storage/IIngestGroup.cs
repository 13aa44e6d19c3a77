namespace Gongbao.Storage;

/// <summary>
/// Several ingests in one store transaction (<see cref="IGazetteStore.BeginIngestGroup"/>), each in a savepoint of its
/// own: an ingest that fails undoes only its own rows, and nothing of the group is stored until <see cref="Commit"/>
/// returns. A group disposed without a commit, a failed commit or a killed process leaves none of it stored.
/// </summary>
public interface IIngestGroup : IDisposable
{
    /// <summary>Ingests written in the group (added or replaced), which the commit stores.</summary>
    int Written { get; }

    /// <summary>Stores the group's ingests; on failure nothing of the group is stored, and the exception says why.</summary>
    void Commit();
}
