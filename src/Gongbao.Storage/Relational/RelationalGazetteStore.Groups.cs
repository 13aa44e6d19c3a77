using System.Data.Common;

namespace Gongbao.Storage.Relational;

public abstract partial class RelationalGazetteStore
{
    private IngestGroup? _group;

    /// <summary>
    /// Whether <see cref="BeginIngestGroup"/> opens groups. SQLite: a commit writes every page the transaction changed to
    /// the WAL, so files sharing index and table pages write them once per group instead of once per file.
    /// </summary>
    protected virtual bool GroupsIngests => false;

    /// <summary>
    /// Test hook: called inside the group's commit, before the database commits. An exception thrown here fails the
    /// commit exactly like a database refusing it would.
    /// </summary>
    public Action? GroupCommitting { get; set; }

    /// <inheritdoc/>
    /// <remarks>
    /// The transaction is begun in SQL, not through the provider's transaction object, so the store's reads (which run
    /// without a transaction object) keep working inside it and see the group's rows; a read snapshot begins nothing then.
    /// </remarks>
    public IIngestGroup? BeginIngestGroup()
    {
        if (!GroupsIngests)
        {
            return null;
        }

        lock (_gate)
        {
            if (_group is not null)
            {
                throw new InvalidOperationException("An ingest group is already open on this store.");
            }

            Execute("BEGIN IMMEDIATE");
            return _group = new IngestGroup(this);
        }
    }

    private void Execute(string sql)
    {
        using var cmd = GazetteRowReader.Command(Connection, sql);
        cmd.ExecuteNonQuery();
    }

    private sealed class IngestGroup(RelationalGazetteStore store) : IIngestGroup
    {
        private const string Savepoint = "ingest_source";

        // Set when a source's savepoint could not be rolled back: the group's transaction may hold part of it.
        private Exception? _broken;

        public int Written { get; private set; }

        /// <summary>Runs one ingest in its own savepoint (the caller holds the store's gate): a failure undoes only its rows.</summary>
        public IngestResult InSavepoint(Func<IngestResult> ingest)
        {
            if (_broken is not null)
            {
                throw new InvalidOperationException("The ingest group could not undo a failed source and stores nothing: " + _broken.Message, _broken);
            }

            store.Execute("SAVEPOINT " + Savepoint);
            IngestResult result;
            try
            {
                result = ingest();
            }
            catch (Exception failure)
            {
                try
                {
                    store.Execute("ROLLBACK TO " + Savepoint);
                    store.Execute("RELEASE " + Savepoint);
                }
                catch (Exception ex) when (ex is DbException or InvalidOperationException)
                {
                    _broken = failure;
                }

                throw;
            }

            store.Execute("RELEASE " + Savepoint);
            if (result.Outcome != IngestOutcome.Unchanged)
            {
                Written++;
            }

            return result;
        }

        public void Commit()
        {
            lock (store._gate)
            {
                if (store._group != this)
                {
                    throw new InvalidOperationException("The ingest group is no longer open.");
                }

                try
                {
                    if (_broken is not null)
                    {
                        throw new InvalidOperationException("The ingest group could not undo a failed source and stores nothing: " + _broken.Message, _broken);
                    }

                    store.GroupCommitting?.Invoke();
                    store.Execute("COMMIT");
                    store._group = null;
                }
                catch
                {
                    Rollback();
                    throw;
                }
            }
        }

        public void Dispose()
        {
            lock (store._gate)
            {
                if (store._group == this)
                {
                    Rollback();
                }
            }
        }

        private void Rollback()
        {
            store._group = null;
            try
            {
                store.Execute("ROLLBACK");
            }
            catch (DbException)
            {
                // A failed COMMIT may have ended the transaction itself (SQLite rolls back on some errors): nothing is left
                // to roll back. A connection still inside it fails every later write (no nested BEGIN), so this cannot pass silently.
            }
        }
    }
}
