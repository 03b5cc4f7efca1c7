using Microsoft.Data.Sqlite;

namespace TsPmo.Core.Data;

/// <summary>
/// Copies the live database with SQLite's online backup API: a consistent snapshot, safe while the app
/// keeps reading and writing.
/// </summary>
public static class SqliteBackup
{
    public static async Task BackupAsync(SqliteConnectionFactory factory, string destinationPath, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(destinationPath);
        if (File.Exists(full))
            throw new IOException($"'{full}' already exists; choose a new file name so no backup is overwritten.");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);

        await using var source = (SqliteConnection)await factory.OpenAsync(ct);
        await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        await destination.OpenAsync(ct);
        source.BackupDatabase(destination);
    }
}
