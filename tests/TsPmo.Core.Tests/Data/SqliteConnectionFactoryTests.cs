using Dapper;
using TsPmo.Core.Tests.Support;

namespace TsPmo.Core.Tests.Data;

public sealed class SqliteConnectionFactoryTests : IAsyncLifetime
{
    // A nested, not-yet-existing folder: InitializeAsync must create it.
    private readonly TestDatabase _db = new(TimeSpan.FromSeconds(3), fileName: Path.Combine("nested", "deeper", "tspmo.db"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task InitializeAsync_creates_the_missing_folder_and_the_file()
    {
        Assert.False(Directory.Exists(Path.GetDirectoryName(_db.FilePath)));

        await _db.Connections.InitializeAsync();

        Assert.True(File.Exists(_db.FilePath));
        Assert.Equal(_db.FilePath, _db.Connections.DataSource);
    }

    [Fact]
    public async Task InitializeAsync_switches_the_file_to_wal()
    {
        await _db.Connections.InitializeAsync();

        // journal_mode is a property of the file: a fresh connection still sees it.
        await using var connection = await _db.OpenAsync();
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Opened_connections_enforce_foreign_keys()
    {
        await _db.Connections.InitializeAsync();
        await using var connection = await _db.OpenAsync();

        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys;"));

        await connection.ExecuteAsync("CREATE TABLE t_parent (id INTEGER PRIMARY KEY); CREATE TABLE t_child (parent_id INTEGER REFERENCES t_parent (id));");
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            connection.ExecuteAsync("INSERT INTO t_child (parent_id) VALUES (99);"));
    }

    [Fact]
    public async Task Opened_connections_carry_the_configured_busy_timeout()
    {
        await _db.Connections.InitializeAsync();

        // Twice: a pooled connection handed out again must still have it.
        for (var i = 0; i < 2; i++)
        {
            await using var connection = await _db.OpenAsync();
            Assert.Equal(3000L, await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout;"));
        }
    }

    [Fact]
    public async Task Connections_come_open()
    {
        await _db.Connections.InitializeAsync();
        await using var connection = await _db.OpenAsync();

        Assert.Equal(System.Data.ConnectionState.Open, connection.State);
    }
}
