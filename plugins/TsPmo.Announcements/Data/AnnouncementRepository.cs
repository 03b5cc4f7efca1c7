using Dapper;
using TsPmo.Announcements.Domain;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Time;

namespace TsPmo.Announcements.Data;

/// <summary>Announcements in <c>announcements_item</c>; every change audited, edits checked against their version.</summary>
public sealed class AnnouncementRepository(IDbConnectionFactory connections, IAuditLog audit, ICurrentUser user, IOrganizationClock clock)
{
    private const string Columns = "id, title, body, pinned, author, created_at AS CreatedAt, updated_at AS UpdatedAt, version";

    public async Task<IReadOnlyList<Announcement>> ListAsync(int take = 100, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<Announcement>(
            $"SELECT {Columns} FROM announcements_item ORDER BY pinned DESC, created_at DESC LIMIT @take", new { take })).ToList();
    }

    public async Task<Announcement?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Announcement>($"SELECT {Columns} FROM announcements_item WHERE id = @id", new { id });
    }

    public async Task<Announcement> CreateAsync(AnnouncementInput input, CancellationToken ct = default)
    {
        Check(input);
        var now = clock.UtcNow;
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var created = await connection.QuerySingleAsync<Announcement>($"""
            INSERT INTO announcements_item (title, body, pinned, author, created_at, updated_at, version)
            VALUES (@Title, @Body, @Pinned, @author, @now, @now, 1) RETURNING {Columns}
            """, new { Title = input.Title!.Trim(), input.Body, input.Pinned, author = user.DisplayName, now }, tx);
        await audit.WriteAsync(connection, tx, new AuditEntry(AnnouncementsModule.Id, "announcement", created.Id.ToString(), "created", null, input), ct);
        await tx.CommitAsync(ct);
        return created;
    }

    public async Task<Announcement> UpdateAsync(long id, long version, AnnouncementInput input, CancellationToken ct = default)
    {
        Check(input);
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await connection.QuerySingleOrDefaultAsync<Announcement>($"SELECT {Columns} FROM announcements_item WHERE id = @id", new { id }, tx)
            ?? throw new NotFoundException("Announcement", id.ToString());
        var updated = await connection.QuerySingleOrDefaultAsync<Announcement>($"""
            UPDATE announcements_item SET title = @Title, body = @Body, pinned = @Pinned, updated_at = @now, version = version + 1
            WHERE id = @id AND version = @version RETURNING {Columns}
            """, new { Title = input.Title!.Trim(), input.Body, input.Pinned, now = clock.UtcNow, id, version }, tx)
            ?? throw new ConcurrencyConflictException("Announcement", $"\"{before.Title}\"");
        await audit.WriteAsync(connection, tx, new AuditEntry(AnnouncementsModule.Id, "announcement", id.ToString(), "updated",
            new AnnouncementInput(before.Title, before.Body, before.Pinned), input), ct);
        await tx.CommitAsync(ct);
        return updated;
    }

    public async Task DeleteAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await connection.QuerySingleOrDefaultAsync<Announcement>($"SELECT {Columns} FROM announcements_item WHERE id = @id", new { id }, tx)
            ?? throw new NotFoundException("Announcement", id.ToString());
        await connection.ExecuteAsync("DELETE FROM announcements_item WHERE id = @id", new { id }, tx);
        await audit.WriteAsync(connection, tx, new AuditEntry(AnnouncementsModule.Id, "announcement", id.ToString(), "deleted",
            new AnnouncementInput(before.Title, before.Body, before.Pinned), null), ct);
        await tx.CommitAsync(ct);
    }

    private static void Check(AnnouncementInput input)
    {
        var errors = input.Validate();
        if (errors.Count > 0) throw new DomainValidationException(errors);
    }
}
