using TsPmo.Announcements.Data;
using TsPmo.Announcements.Domain;
using TsPmo.Sdk.Data;

namespace TsPmo.Announcements.Services;

/// <summary>Posting, editing and deleting announcements: each write one unit of work, audited, edits checked against their version.</summary>
public sealed class AnnouncementService(IDbConnectionFactory connections, IUnitOfWork work)
{
    public async Task<IReadOnlyList<Announcement>> ListAsync(int take = 100, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await AnnouncementStore.ListAsync(connection, take);
    }

    public async Task<Announcement?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await AnnouncementStore.FindAsync(connection, null, id);
    }

    public async Task<Announcement> CreateAsync(AnnouncementInput input, CancellationToken ct = default)
    {
        var valid = AnnouncementRules.Validate(input);
        await using var w = await work.BeginAsync(AnnouncementsModule.Id, ct: ct);
        var created = await AnnouncementStore.InsertAsync(w.Connection, w.Transaction, valid, w.ActorName, w.Stamp);
        await w.AuditAsync("announcement", created.Id, "created", null, valid, ct);
        await w.CommitAsync(ct);
        return created;
    }

    public async Task<Announcement> UpdateAsync(long id, long version, AnnouncementInput input, CancellationToken ct = default)
    {
        var valid = AnnouncementRules.Validate(input);
        await using var w = await work.BeginAsync(AnnouncementsModule.Id, ct: ct);
        var before = await AnnouncementStore.FindAsync(w.Connection, w.Transaction, id) ?? throw new NotFoundException("Announcement", id.ToString());
        var updated = await AnnouncementStore.UpdateAsync(w.Connection, w.Transaction, id, version, valid, w.Stamp)
            ?? throw new ConcurrencyConflictException("Announcement", $"\"{before.Title}\"");
        await w.AuditAsync("announcement", id, "updated", new ValidAnnouncement(before.Title, before.Body, before.Pinned), valid, ct);
        await w.CommitAsync(ct);
        return updated;
    }

    public async Task DeleteAsync(long id, CancellationToken ct = default)
    {
        await using var w = await work.BeginAsync(AnnouncementsModule.Id, ct: ct);
        var before = await AnnouncementStore.FindAsync(w.Connection, w.Transaction, id) ?? throw new NotFoundException("Announcement", id.ToString());
        await AnnouncementStore.DeleteAsync(w.Connection, w.Transaction, id);
        await w.AuditAsync("announcement", id, "deleted", new ValidAnnouncement(before.Title, before.Body, before.Pinned), null, ct);
        await w.CommitAsync(ct);
    }
}
