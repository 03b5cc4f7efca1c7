using System.Data.Common;
using Dapper;
using TsPmo.Announcements.Domain;

namespace TsPmo.Announcements.Data;

/// <summary>The SQL of <c>announcements_item</c>; every statement runs on the connection (and transaction) it is given.</summary>
public static class AnnouncementStore
{
    private const string Columns = "id, title, body, pinned, author, created_at AS CreatedAt, updated_at AS UpdatedAt, version";

    public static async Task<IReadOnlyList<Announcement>> ListAsync(DbConnection connection, int take) =>
        (await connection.QueryAsync<Announcement>($"SELECT {Columns} FROM announcements_item ORDER BY pinned DESC, created_at DESC LIMIT @take", new { take })).AsList();

    public static Task<Announcement?> FindAsync(DbConnection connection, DbTransaction? tx, long id) =>
        connection.QuerySingleOrDefaultAsync<Announcement>($"SELECT {Columns} FROM announcements_item WHERE id = @id", new { id }, tx);

    public static Task<Announcement> InsertAsync(DbConnection connection, DbTransaction tx, ValidAnnouncement a, string author, string now) =>
        connection.QuerySingleAsync<Announcement>($"""
            INSERT INTO announcements_item (title, body, pinned, author, created_at, updated_at, version)
            VALUES (@Title, @Body, @Pinned, @author, @now, @now, 1) RETURNING {Columns}
            """, new { a.Title, a.Body, a.Pinned, author, now }, tx);

    /// <summary>The updated row, or null when <paramref name="version"/> is stale.</summary>
    public static Task<Announcement?> UpdateAsync(DbConnection connection, DbTransaction tx, long id, long version, ValidAnnouncement a, string now) =>
        connection.QuerySingleOrDefaultAsync<Announcement>($"""
            UPDATE announcements_item SET title = @Title, body = @Body, pinned = @Pinned, updated_at = @now, version = version + 1
            WHERE id = @id AND version = @version RETURNING {Columns}
            """, new { a.Title, a.Body, a.Pinned, now, id, version }, tx);

    public static Task<int> DeleteAsync(DbConnection connection, DbTransaction tx, long id) =>
        connection.ExecuteAsync("DELETE FROM announcements_item WHERE id = @id", new { id }, tx);
}
