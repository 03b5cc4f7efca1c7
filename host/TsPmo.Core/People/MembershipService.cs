using TsPmo.Sdk.Security;
using System.Data.Common;
using Dapper;
using TsPmo.Core.Data;
using TsPmo.Core.Projects;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;

namespace TsPmo.Core.People;

/// <summary>
/// Who works on a project and in which role. Changed by whoever may change the project (<see cref="ProjectAccess"/>),
/// each change audited in the project's activity. A membership carries a version: a role change or removal that sends
/// the version it was made on is refused (409) when someone changed that membership in between.
/// </summary>
public sealed class MembershipService(IDbConnectionFactory connections, ProjectAccess access, IAuditLog audit, TimeProvider time)
{
    private const string SelectMembers = """
        SELECT m.project_id AS ProjectId, m.person_id AS PersonId, p.name, p.title, p.email, p.archived, m.role, m.added_at AS AddedAt, m.version
        FROM core_project_member m JOIN core_person p ON p.id = m.person_id
        """;

    public Task<bool> CanEditAsync(long projectId, CancellationToken ct = default) => access.CanAsync(projectId, ProjectPermissions.ManageMembers, ct);

    /// <summary>The project the members belong to, or null; pages need its name and methodology for the tab bar.</summary>
    public async Task<Project?> FindProjectAsync(long projectId, CancellationToken ct = default)
    {
        if (!await access.CanReadAsync(projectId, ct)) return null;
        await using var connection = await connections.OpenAsync(ct);
        return await ProjectStore.FindAsync(connection, null, projectId);
    }

    /// <summary>Members of a project, managers first, in one query.</summary>
    public async Task<IReadOnlyList<ProjectMembership>> ListAsync(long projectId, CancellationToken ct = default)
    {
        await access.DemandReadAsync(projectId, ct);
        await using var connection = await connections.OpenAsync(ct);
        await DemandProjectAsync(connection, null, projectId);
        return await MembersAsync(connection, null, projectId);
    }

    /// <summary>The projects a person is a member of that the current user may read, in one query.</summary>
    public async Task<IReadOnlyList<PersonProject>> ProjectsOfAsync(long personId, CancellationToken ct = default)
    {
        var scope = await access.ReadScopeAsync(ct);
        await using var connection = await connections.OpenAsync(ct);
        return scope.Filter(await connection.QueryAsync<PersonProject>("""
            SELECT m.project_id AS ProjectId, j.code, j.name, m.role, j.archived
            FROM core_project_member m JOIN core_project j ON j.id = m.project_id
            WHERE m.person_id = @personId ORDER BY j.archived, j.name COLLATE NOCASE
            """, new { personId }), p => p.ProjectId).ToList();
    }

    public async Task<ProjectMembership> AddAsync(long projectId, long personId, ProjectRole role, CancellationToken ct = default)
    {
        CheckRole(role);
        await access.DemandAsync(projectId, ProjectPermissions.ManageMembers, ct);
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await DemandProjectAsync(connection, tx, projectId);
        var person = await connection.QuerySingleOrDefaultAsync<(long Id, string Name, bool Archived)>(
            "SELECT id, name, archived FROM core_person WHERE id = @personId", new { personId }, tx);
        if (person.Id == 0) throw new DomainValidationException("personId", $"There is no person {personId} in the directory.");
        if (person.Archived) throw new DomainValidationException("personId", $"{person.Name} is archived and cannot join projects.");
        if (await FindAsync(connection, tx, projectId, personId) is { } existing)
            throw new DomainValidationException("personId", $"{person.Name} is already a {existing.Role.ToString().ToLowerInvariant()} of this project.");

        await connection.ExecuteAsync(
            "INSERT INTO core_project_member (project_id, person_id, role, added_at) VALUES (@projectId, @personId, @role, @now)",
            new { projectId, personId, role = role.ToString(), now = DapperTypeHandlers.Format(time.GetUtcNow()) }, tx);
        var added = (await FindAsync(connection, tx, projectId, personId))!;
        await WriteAuditAsync(connection, tx, added, "added", null, new { person.Name, Role = role.ToString() }, ct);
        await tx.CommitAsync(ct);
        return added;
    }

    public async Task<ProjectMembership> ChangeRoleAsync(long projectId, long personId, ProjectRole role, CancellationToken ct = default) =>
        await ChangeRoleAsync(projectId, personId, role, null, ct);

    /// <summary>Changes a member's role; with a <paramref name="version"/>, a change made on a membership someone has since changed is refused.</summary>
    public async Task<ProjectMembership> ChangeRoleAsync(long projectId, long personId, ProjectRole role, long? version, CancellationToken ct = default)
    {
        CheckRole(role);
        await access.DemandAsync(projectId, ProjectPermissions.ManageMembers, ct);
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await FindAsync(connection, tx, projectId, personId) ?? throw new NotFoundException("Project member", $"{personId} of project {projectId}");
        if (version is { } v && v != before.Version) throw new ConcurrencyConflictException("The membership of", before.Name);
        if (before.Role == role) return before;
        await connection.ExecuteAsync("UPDATE core_project_member SET role = @role, version = version + 1 WHERE project_id = @projectId AND person_id = @personId",
            new { projectId, personId, role = role.ToString() }, tx);
        var after = before with { Role = role, Version = before.Version + 1 };
        await WriteAuditAsync(connection, tx, after, "role changed", new { before.Name, Role = before.Role.ToString() }, new { after.Name, Role = role.ToString() }, ct);
        await tx.CommitAsync(ct);
        return after;
    }

    public Task RemoveAsync(long projectId, long personId, CancellationToken ct = default) => RemoveAsync(projectId, personId, null, ct);

    /// <summary>Removes a member; with a <paramref name="version"/>, a removal decided on a role someone has since changed is refused.</summary>
    public async Task RemoveAsync(long projectId, long personId, long? version, CancellationToken ct = default)
    {
        await access.DemandAsync(projectId, ProjectPermissions.ManageMembers, ct);
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await FindAsync(connection, tx, projectId, personId) ?? throw new NotFoundException("Project member", $"{personId} of project {projectId}");
        if (version is { } v && v != before.Version) throw new ConcurrencyConflictException("The membership of", before.Name);
        await connection.ExecuteAsync("DELETE FROM core_project_member WHERE project_id = @projectId AND person_id = @personId", new { projectId, personId }, tx);
        await WriteAuditAsync(connection, tx, before, "removed", new { before.Name, Role = before.Role.ToString() }, null, ct);
        await tx.CommitAsync(ct);
    }

    internal static async Task<IReadOnlyList<ProjectMembership>> MembersAsync(DbConnection connection, DbTransaction? tx, long projectId) =>
        (await connection.QueryAsync<ProjectMembership>(SelectMembers + """
             WHERE m.project_id = @projectId
            ORDER BY CASE m.role WHEN 'Manager' THEN 0 WHEN 'Member' THEN 1 ELSE 2 END, p.name COLLATE NOCASE
            """, new { projectId }, tx)).ToList();

    private static Task<ProjectMembership?> FindAsync(DbConnection connection, DbTransaction tx, long projectId, long personId) =>
        connection.QuerySingleOrDefaultAsync<ProjectMembership>(SelectMembers + " WHERE m.project_id = @projectId AND m.person_id = @personId",
            new { projectId, personId }, tx);

    private static async Task DemandProjectAsync(DbConnection connection, DbTransaction? tx, long projectId)
    {
        if (!await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM core_project WHERE id = @projectId)", new { projectId }, tx))
            throw new NotFoundException("Project", projectId.ToString());
    }

    private static void CheckRole(ProjectRole role)
    {
        if (!Enum.IsDefined(role)) throw new DomainValidationException("role", "Choose a project role: Manager, Member or Viewer.");
    }

    private Task WriteAuditAsync(DbConnection connection, DbTransaction tx, ProjectMembership member, string action, object? before, object? after, CancellationToken ct) =>
        audit.WriteAsync(connection, tx, new AuditEntry("core", "project-member", $"{member.ProjectId}/{member.PersonId}", action, before, after)
        {
            ProjectId = member.ProjectId,
        }, ct);
}
