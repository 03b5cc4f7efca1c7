using System.Data.Common;
using Dapper;
using TsPmo.Core.Data;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Security;

namespace TsPmo.Core.People;

/// <summary>
/// The people directory: creating, editing, archiving people and their time off; validated, versioned, audited.
/// Everyone signed in may read it; only Admins and the PMO may change it, because people are shared by every project.
/// </summary>
public sealed class PersonService(IDbConnectionFactory connections, IAuditLog audit, ICurrentUser user, TimeProvider time)
{
    public bool CanManage => user.IsAuthenticated && user.Role is Roles.Admin or Roles.Pmo;

    public async Task<Person?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await PersonStore.FindAsync(connection, null, id);
    }

    public async Task<PersonPage> ListAsync(PersonQuery query, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await PersonStore.QueryAsync(connection, query);
    }

    public async Task<IReadOnlyList<string>> SkillNamesAsync(CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await PersonStore.SkillNamesAsync(connection);
    }

    /// <summary>Accounts not yet linked to a person, for the "linked account" choice.</summary>
    public async Task<IReadOnlyList<LinkableAccount>> LinkableAccountsAsync(long? personId = null, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<LinkableAccount>("""
            SELECT u.id, u.display_name AS DisplayName, u.email FROM core_user u
            WHERE NOT EXISTS (SELECT 1 FROM core_person p WHERE p.user_id = u.id AND p.id <> @personId)
            ORDER BY u.display_name COLLATE NOCASE
            """, new { personId = personId ?? 0 })).ToList();
    }

    public async Task<Person> CreateAsync(PersonInput input, CancellationToken ct = default)
    {
        DemandManage();
        var now = DapperTypeHandlers.Format(time.GetUtcNow());
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var v = await PersonValidator.ValidateAsync(input, connection, tx, null);
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO core_person (name, email, title, weekly_capacity_hours, user_id, archived, created_at, updated_at, version)
            VALUES (@Name, @Email, @Title, @WeeklyCapacityHours, @UserId, 0, @now, @now, 1)
            RETURNING id
            """, new { v.Name, v.Email, v.Title, v.WeeklyCapacityHours, v.UserId, now }, tx);
        await PersonStore.ReplaceSkillsAsync(connection, tx, id, v.Skills);
        var person = (await PersonStore.FindAsync(connection, tx, id))!;
        await WriteAuditAsync(connection, tx, id, "created", null, Snapshot(person), ct);
        await tx.CommitAsync(ct);
        return person;
    }

    /// <summary>Saves an edit made on <paramref name="version"/>; refused with a conflict when someone saved in between.</summary>
    public async Task<Person> UpdateAsync(long id, long version, PersonInput input, CancellationToken ct = default)
    {
        DemandManage();
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await PersonStore.FindAsync(connection, tx, id) ?? throw new NotFoundException("Person", id.ToString());
        // Checked before validating, so a stale form is told to reload rather than to fix fields that may have changed.
        if (before.Version != version) throw new ConcurrencyConflictException("Person", before.Name);
        var v = await PersonValidator.ValidateAsync(input, connection, tx, id);
        var rows = await connection.ExecuteAsync("""
            UPDATE core_person SET name = @Name, email = @Email, title = @Title, weekly_capacity_hours = @WeeklyCapacityHours,
                   user_id = @UserId, updated_at = @now, version = version + 1
            WHERE id = @id AND version = @version
            """, new { v.Name, v.Email, v.Title, v.WeeklyCapacityHours, v.UserId, now = DapperTypeHandlers.Format(time.GetUtcNow()), id, version }, tx);
        if (rows != 1) throw new ConcurrencyConflictException("Person", before.Name);
        await PersonStore.ReplaceSkillsAsync(connection, tx, id, v.Skills);
        var after = (await PersonStore.FindAsync(connection, tx, id))!;
        await WriteAuditAsync(connection, tx, id, "updated", Snapshot(before), Snapshot(after), ct);
        await tx.CommitAsync(ct);
        return after;
    }

    /// <summary>Archived people leave the directory lists and cannot join projects; their history and memberships stay.</summary>
    public async Task<Person> SetArchivedAsync(long id, long version, bool archived, CancellationToken ct = default)
    {
        DemandManage();
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await PersonStore.FindAsync(connection, tx, id) ?? throw new NotFoundException("Person", id.ToString());
        var rows = await connection.ExecuteAsync(
            "UPDATE core_person SET archived = @archived, updated_at = @now, version = version + 1 WHERE id = @id AND version = @version",
            new { archived, now = DapperTypeHandlers.Format(time.GetUtcNow()), id, version }, tx);
        if (rows != 1) throw new ConcurrencyConflictException("Person", before.Name);
        await WriteAuditAsync(connection, tx, id, archived ? "archived" : "restored", new { before.Archived }, new { Archived = archived }, ct);
        var after = (await PersonStore.FindAsync(connection, tx, id))!;
        await tx.CommitAsync(ct);
        return after;
    }

    /// <summary>
    /// Adds days away. Time off is a list of separate rows, not part of the edit form, so adding one does not
    /// bump the person's version: it cannot overwrite anyone's edit, and must not make an open edit form stale.
    /// </summary>
    public async Task<TimeOffPeriod> AddTimeOffAsync(long personId, DateOnly? start, DateOnly? end, string? reason, CancellationToken ct = default)
    {
        DemandManage();
        var period = PersonValidator.ValidateTimeOff(start, end, reason);
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        _ = await PersonStore.FindAsync(connection, tx, personId) ?? throw new NotFoundException("Person", personId.ToString());
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO core_person_time_off (person_id, start_date, end_date, reason) VALUES (@personId, @Start, @End, @Reason) RETURNING id
            """, new { personId, period.Start, period.End, period.Reason }, tx);
        var added = new TimeOffPeriod(id, period.Start, period.End, period.Reason);
        await WriteAuditAsync(connection, tx, personId, "time off added", null, added, ct);
        await tx.CommitAsync(ct);
        return added;
    }

    public async Task RemoveTimeOffAsync(long personId, long timeOffId, CancellationToken ct = default)
    {
        DemandManage();
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var period = await connection.QuerySingleOrDefaultAsync<(long Id, DateOnly Start, DateOnly End, string? Reason)>(
            "SELECT id, start_date, end_date, reason FROM core_person_time_off WHERE id = @timeOffId AND person_id = @personId",
            new { timeOffId, personId }, tx);
        if (period.Id == 0) throw new NotFoundException("Time off", timeOffId.ToString());
        await connection.ExecuteAsync("DELETE FROM core_person_time_off WHERE id = @timeOffId", new { timeOffId }, tx);
        await WriteAuditAsync(connection, tx, personId, "time off removed", new TimeOffPeriod(period.Id, period.Start, period.End, period.Reason), null, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The fields the audit trail keeps for a person (not the derived account names, not time off: it has its own records).</summary>
    internal static object Snapshot(Person p) => new { p.Name, p.Email, p.Title, p.WeeklyCapacityHours, p.UserId, p.Skills, p.Archived };

    private void DemandManage()
    {
        if (!CanManage) throw new AccessDeniedException("Only the PMO and administrators may change the people directory.");
    }

    private Task WriteAuditAsync(DbConnection connection, DbTransaction tx, long personId, string action, object? before, object? after, CancellationToken ct) =>
        audit.WriteAsync(connection, tx, new AuditEntry("core", "person", personId.ToString(), action, before, after), ct);
}
