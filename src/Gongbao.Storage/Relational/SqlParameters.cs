using System.Data.Common;

namespace Gongbao.Storage.Relational;

internal static class SqlParameters
{
    public static DbParameter Add(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
        return p;
    }
}

/// <summary>
/// Rows on their way to the database inside one transaction. Where the provider supports
/// <see cref="DbBatch"/> (Npgsql), rows are sent in batches of <see cref="Capacity"/> statements per
/// round trip, in the order they were written (so rows referring to earlier rows stay valid); otherwise
/// (Microsoft.Data.Sqlite: in-process, no round trips to save) every row executes at once.
/// </summary>
internal sealed class RowBatch(DbConnection connection, DbTransaction? transaction) : IDisposable
{
    public const int Capacity = 500;

    private DbBatch? _batch;

    public DbConnection Connection { get; } = connection;

    /// <summary>The transaction the rows go into; null inside an ingest group (<see cref="RelationalGazetteStore.BeginIngestGroup"/>), whose transaction the provider does not track.</summary>
    public DbTransaction? Transaction { get; } = transaction;

    public bool Batching { get; } = connection.CanCreateBatch;

    public void Add(string commandText, IReadOnlyList<string> names, object?[] values)
    {
        if (_batch is null)
        {
            _batch = Connection.CreateBatch();
            _batch.Transaction = Transaction;
        }

        var command = _batch.CreateBatchCommand();
        command.CommandText = commandText;
        for (var i = 0; i < values.Length; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = names[i];
            p.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(p);
        }

        _batch.BatchCommands.Add(command);
        if (_batch.BatchCommands.Count >= Capacity)
        {
            Flush();
        }
    }

    /// <summary>Sends the rows still buffered. Call before reading or committing.</summary>
    public void Flush()
    {
        if (_batch is { BatchCommands.Count: > 0 } batch)
        {
            batch.ExecuteNonQuery();
            batch.Dispose();
            _batch = null;
        }
    }

    public void Dispose() => _batch?.Dispose();
}

/// <summary>
/// A statement built once and executed per row inside one transaction: command text and parameters are
/// created once and only values change. Microsoft.Data.Sqlite compiles the statement on first execution
/// and reuses it; with Npgsql the rows go through the shared <see cref="RowBatch"/> (and <c>Max Auto
/// Prepare</c> prepares the statement server-side). No explicit Prepare(): Npgsql cannot prepare
/// parameters whose values are still null and whose types are not set.
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly RowBatch _rows;
    private readonly string[] _names;
    private readonly DbCommand? _command;
    private readonly DbParameter[] _parameters = [];

    public PreparedStatement(RowBatch rows, string commandText, params string[] parameterNames)
    {
        _rows = rows;
        _names = parameterNames;
        CommandText = commandText;
        if (!rows.Batching)
        {
            _command = rows.Connection.CreateCommand();
            _command.Transaction = rows.Transaction;
            _command.CommandText = CommandText;
            _parameters = _names.Select(n => SqlParameters.Add(_command, n, null)).ToArray();
        }
    }

    public string CommandText { get; }

    public void Execute(params object?[] values)
    {
        if (values.Length != _names.Length)
        {
            throw new ArgumentException($"expected {_names.Length} values, got {values.Length}", nameof(values));
        }

        if (_command is null)
        {
            _rows.Add(CommandText, _names, values);
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }

        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command?.Dispose();
}

/// <summary>An INSERT of the given columns as a <see cref="PreparedStatement"/> (parameters named <c>@column</c>).</summary>
internal sealed class PreparedInsert(RowBatch rows, string table, params string[] columns) : IDisposable
{
    private readonly PreparedStatement _statement = new(rows, InsertText(table, columns), [.. columns.Select(c => "@" + c)]);

    public string CommandText => _statement.CommandText;

    public void Execute(params object?[] values) => _statement.Execute(values);

    public void Dispose() => _statement.Dispose();

    private static string InsertText(string table, string[] columns) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";
}
