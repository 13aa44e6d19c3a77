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
/// An INSERT built once and executed per row inside one transaction: command text and parameters are
/// created once and only values change. Microsoft.Data.Sqlite compiles the statement on first execution
/// and reuses it; with Npgsql, enable <c>Max Auto Prepare</c> for the same effect. (No explicit Prepare():
/// Npgsql cannot prepare parameters whose values are still null and whose types are not set.)
/// </summary>
internal sealed class PreparedInsert : IDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    public PreparedInsert(DbConnection connection, DbTransaction transaction, string table, params string[] columns)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";
        _parameters = columns.Select(c => SqlParameters.Add(_command, "@" + c, null)).ToArray();
    }

    public void Execute(params object?[] values)
    {
        if (values.Length != _parameters.Length)
        {
            throw new ArgumentException($"expected {_parameters.Length} values, got {values.Length}", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }

        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
