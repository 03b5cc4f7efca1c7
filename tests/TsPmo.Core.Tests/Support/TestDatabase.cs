using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using TsPmo.Core.Data;

namespace TsPmo.Core.Tests.Support;

/// <summary>
/// A real SQLite file in a folder of its own under the temp directory, deleted on dispose. Create one per
/// test (xunit makes a new test-class instance per test, so a field initialized in the constructor is).
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public TestDatabase(TimeSpan? busyTimeout = null, string? fileName = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "tspmo-core-tests", Guid.NewGuid().ToString("N"));
        FilePath = System.IO.Path.Combine(Folder, fileName ?? "tspmo.db");
        var options = new DatabaseOptions { ConnectionString = "Data Source=" + FilePath };
        if (busyTimeout is { } t) options.BusyTimeout = t;
        DapperTypeHandlers.Register();
        Connections = new SqliteConnectionFactory(options);
    }

    /// <summary>The folder holding the database file and anything else a test writes (backups).</summary>
    public string Folder { get; }

    public string FilePath { get; }

    public SqliteConnectionFactory Connections { get; }

    public Task InitializeAsync() => Connections.InitializeAsync();

    /// <summary>Applies core's own migrations, as the host does at start.</summary>
    public Task<int> MigrateCoreAsync() =>
        new MigrationRunner(Connections, TimeProvider.System)
            .ApplyAsync("core", MigrationScript.FromAssembly(typeof(MigrationRunner).Assembly, "core"));

    public Task<DbConnection> OpenAsync() => Connections.OpenAsync();

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync();
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException($"No value from: {sql}");
    }

    public async Task<bool> TableExistsAsync(string table) =>
        await ScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @table", new { table }) == 1;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
