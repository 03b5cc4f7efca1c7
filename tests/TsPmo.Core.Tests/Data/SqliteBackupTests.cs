using Dapper;
using Microsoft.Data.Sqlite;
using TsPmo.Core.Data;
using TsPmo.Core.Tests.Support;

namespace TsPmo.Core.Tests.Data;

public sealed class SqliteBackupTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await _db.MigrateCoreAsync();
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private async Task InsertSettingsAsync(int count)
    {
        await using var connection = await _db.OpenAsync();
        for (var i = 0; i < count; i++)
            await connection.ExecuteAsync(
                "INSERT INTO core_setting (module_id, key, value, updated_at) VALUES ('demo', @key, @value, '2025-01-01T00:00:00.0000000Z')",
                new { key = "k" + i, value = "v" + i });
    }

    [Fact]
    public async Task Backup_is_a_valid_database_holding_the_rows_even_those_still_in_the_wal()
    {
        await InsertSettingsAsync(25);
        var destination = Path.Combine(_db.Folder, "backups", "copy.db");

        await SqliteBackup.BackupAsync(_db.Connections, destination);

        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await copy.OpenAsync();
        Assert.Equal("ok", await copy.ExecuteScalarAsync<string>("PRAGMA integrity_check;"));
        Assert.Equal(25L, await copy.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM core_setting"));
        Assert.Equal("v24", await copy.ExecuteScalarAsync<string>("SELECT value FROM core_setting WHERE key = 'k24'"));
        Assert.Equal(1L, await copy.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM core_migration WHERE module_id = 'core' AND name = '0001_init.sql'"));
    }

    [Fact]
    public async Task Backup_is_a_snapshot_later_writes_do_not_reach()
    {
        await InsertSettingsAsync(1);
        var destination = Path.Combine(_db.Folder, "snapshot.db");
        await SqliteBackup.BackupAsync(_db.Connections, destination);

        await using (var connection = await _db.OpenAsync())
            await connection.ExecuteAsync("DELETE FROM core_setting");

        await using var copy = new SqliteConnection($"Data Source={destination};Pooling=False;Mode=ReadOnly");
        await copy.OpenAsync();
        Assert.Equal(1L, await copy.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM core_setting"));
    }

    [Fact]
    public async Task Backup_refuses_to_overwrite_an_existing_file()
    {
        var destination = Path.Combine(_db.Folder, "existing.db");
        await File.WriteAllTextAsync(destination, "an older backup");

        var ex = await Assert.ThrowsAsync<IOException>(() => SqliteBackup.BackupAsync(_db.Connections, destination));

        Assert.Contains("already exists", ex.Message);
        Assert.Equal("an older backup", await File.ReadAllTextAsync(destination));
    }
}
