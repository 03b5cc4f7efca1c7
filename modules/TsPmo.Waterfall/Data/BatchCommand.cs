using System.Data.Common;


namespace TsPmo.Waterfall.Data;

/// <summary>
/// One parameterized statement prepared once and executed for many rows in a transaction: how an import of
/// thousands of tasks or a reschedule of the whole plan stays one round of statement compilation, not N.
/// </summary>
internal sealed class BatchCommand : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    public BatchCommand(DbConnection connection, DbTransaction tx, string sql, params string[] parameterNames)
    {
        _command = connection.CreateCommand();
        _command.Transaction = tx;
        _command.CommandText = sql;
        _parameters = parameterNames.Select(name =>
        {
            var p = _command.CreateParameter();
            p.ParameterName = "@" + name;
            _command.Parameters.Add(p);
            return p;
        }).ToArray();
    }

    private void Bind(object?[] values)
    {
        for (var i = 0; i < _parameters.Length; i++) _parameters[i].Value = values[i] switch
        {
            null => DBNull.Value,
            bool b => b ? 1 : 0,
            decimal d => (double)d,
            Enum e => e.ToString(),
            var v => v,
        };
    }

    public async Task<int> ExecuteAsync(CancellationToken ct, params object?[] values)
    {
        Bind(values);
        return await _command.ExecuteNonQueryAsync(ct);
    }

    public async Task<long> ScalarAsync(CancellationToken ct, params object?[] values)
    {
        Bind(values);
        return Convert.ToInt64(await _command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
