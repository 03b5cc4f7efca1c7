using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using TsPmo.Sdk.Data;

namespace TsPmo.Core.Data;

/// <summary>
/// Opens SQLite connections with the pragmas every caller relies on. WAL is persistent in the file, so it
/// is set once by <see cref="InitializeAsync"/>; foreign keys and the busy timeout are per connection.
/// </summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;

    public SqliteConnectionFactory(DatabaseOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString)
        {
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = (int)options.BusyTimeout.TotalSeconds,
        };
        DataSource = builder.DataSource;
        _connectionString = builder.ToString();
        _busyTimeoutMs = (int)options.BusyTimeout.TotalMilliseconds;
    }

    public string DataSource { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await connection.ExecuteAsync($"PRAGMA busy_timeout = {_busyTimeoutMs};");
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates the folder of the database file and switches the file to WAL.</summary>
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        if (!string.IsNullOrEmpty(DataSource) && DataSource != ":memory:" && !DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(DataSource));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        await using var connection = await OpenAsync(ct);
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
    }
}
