using System.Data.Common;
using System.Globalization;
using Dapper;
using TsPmo.Risk.Domain;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;

namespace TsPmo.Risk.Services;

/// <summary>What a project needs from other projects or vendors: recorded, tracked by status, edited with a version check.</summary>
public sealed class DependencyService(IDbConnectionFactory connections, IUnitOfWork work, IProjectDirectory projects, IPeopleDirectory people,
    IProjectPermissions permissions)
{
    private const string Columns = """
        d.id, d.project_id AS ProjectId, d.title, d.on_project_id AS OnProjectId, d.vendor, d.needed_by AS NeededBy,
        d.status, d.owner_person_id AS OwnerId, d.created_at AS CreatedAt, d.updated_at AS UpdatedAt, d.version
        FROM risk_dependency d
        """;

    public async Task<IReadOnlyList<Dependency>> ListAsync(long projectId, CancellationToken ct = default)
    {
        await RequireProjectAsync(projectId, ct);
        await using var connection = await connections.OpenAsync(ct);
        return await NamedAsync((await connection.QueryAsync<Dependency>($"""
            SELECT {Columns} WHERE d.project_id = @projectId
            ORDER BY d.status = 'Delivered', d.needed_by IS NULL, d.needed_by, d.id
            """, new { projectId })).ToList(), ct);
    }

    public async Task<Dependency> GetAsync(long projectId, long dependencyId, CancellationToken ct = default)
    {
        await RequireProjectAsync(projectId, ct);
        await using var connection = await connections.OpenAsync(ct);
        return (await NamedAsync([await FindAsync(connection, null, projectId, dependencyId) ?? throw NotFound(dependencyId)], ct))[0];
    }

    /// <summary>
    /// The dependencies with the names of the projects they are on and of their owners, from the directory. A dependency
    /// on a Private project the reader is not on keeps its id (so an edit keeps it) but not its name.
    /// </summary>
    private async Task<IReadOnlyList<Dependency>> NamedAsync(IReadOnlyList<Dependency> list, CancellationToken ct)
    {
        if (list.Count == 0) return list;
        var scope = await permissions.ReadScopeAsync(ct);
        var others = await projects.FindManyAsync(list.Select(d => d.OnProjectId).OfType<long>().Distinct(), ct);
        var owners = await people.FindManyAsync(list.Select(d => d.OwnerId).OfType<long>().Distinct(), ct);
        return list.Select(d => d with
        {
            OnProjectName = d.OnProjectId is not { } other ? null : !scope.CanRead(other) ? PrivateProject : others.GetValueOrDefault(other)?.Name,
            OwnerName = d.OwnerId is { } o ? owners.GetValueOrDefault(o)?.Name : null,
        }).ToList();
    }

    public const string PrivateProject = "a private project";

    /// <summary>What a dependency of <paramref name="projectId"/> can be on: every other project the reader may read, by name.</summary>
    public async Task<IReadOnlyList<ProjectInfo>> OtherProjectsAsync(long projectId, CancellationToken ct = default) =>
        (await permissions.ReadScopeAsync(ct)).Filter(await projects.ListAsync(false, ct), p => p.Id).Where(p => p.Id != projectId).OrderBy(p => p.Name).ToList();

    public async Task<Dependency> CreateAsync(long projectId, DependencyInput input, CancellationToken ct = default)
    {
        await RequireEditAsync(projectId, ct);
        var valid = await ValidateAsync(projectId, input, ct);
        await people.RequirePersonAsync(valid.OwnerId, "ownerId", ct);
        long id;
        await using (var w = await work.BeginAsync(RiskModule.Id, projectId, ct))
        {
            id = await w.ScalarAsync<long>("""
                INSERT INTO risk_dependency (project_id, title, on_project_id, vendor, needed_by, status, owner_person_id, created_at, updated_at, version)
                VALUES (@projectId, @Title, @OnProjectId, @Vendor, @NeededBy, @Status, @OwnerId, @now, @now, 1) RETURNING id
                """, new { projectId, valid.Title, valid.OnProjectId, valid.Vendor, valid.NeededBy, Status = valid.Status.ToString(), valid.OwnerId, now = w.Stamp }, ct);
            await w.AuditAsync("dependency", id, "created", null, valid, ct);
            await w.CommitAsync(ct);
        }
        return await GetAsync(projectId, id, ct);
    }

    public async Task<Dependency> UpdateAsync(long projectId, long dependencyId, long version, DependencyInput input, CancellationToken ct = default)
    {
        await RequireEditAsync(projectId, ct);
        var valid = await ValidateAsync(projectId, input, ct);
        await using (var w = await work.BeginAsync(RiskModule.Id, projectId, ct))
        {
            var before = await FindAsync(w.Connection, w.Transaction, projectId, dependencyId) ?? throw NotFound(dependencyId);
            await people.RequirePersonAsync(valid.OwnerId, "ownerId", ct);
            await w.ExecuteVersionedAsync("""
                UPDATE risk_dependency SET title = @Title, on_project_id = @OnProjectId, vendor = @Vendor, needed_by = @NeededBy, status = @Status,
                       owner_person_id = @OwnerId, updated_at = @now, version = version + 1
                WHERE id = @dependencyId AND project_id = @projectId AND version = @version
                """, new
            {
                valid.Title, valid.OnProjectId, valid.Vendor, valid.NeededBy, Status = valid.Status.ToString(), valid.OwnerId, now = w.Stamp,
                dependencyId, projectId, version,
            }, "Dependency", $"\"{before.Title}\"", ct);
            await w.AuditAsync("dependency", dependencyId, "updated",
                new DependencyFields(before.Title, before.OnProjectId, before.Vendor, before.NeededBy, before.Status, before.OwnerId), valid, ct);
            await w.CommitAsync(ct);
        }
        return await GetAsync(projectId, dependencyId, ct);
    }

    private async Task<DependencyFields> ValidateAsync(long projectId, DependencyInput input, CancellationToken ct)
    {
        var valid = RaidRules.Validate(projectId, input);
        if (valid.OnProjectId is { } other && await projects.FindAsync(other, ct) is null)
            throw new DomainValidationException("onProjectId", $"There is no project {other}.");
        return valid;
    }

    /// <summary>404 unless the project exists (and the caller may read it). The RAID log is a capability: any methodology has one.</summary>
    private Task<ProjectInfo> RequireProjectAsync(long projectId, CancellationToken ct) => projects.RequireAsync(projectId, null, ct);

    /// <summary>The project must exist and the current user must be allowed to change its RAID log.</summary>
    private async Task RequireEditAsync(long projectId, CancellationToken ct)
    {
        await RequireProjectAsync(projectId, ct);
        await permissions.DemandAsync(projectId, RiskModule.EditRaid, ct);
    }

    private static Task<Dependency?> FindAsync(DbConnection connection, DbTransaction? tx, long projectId, long dependencyId) =>
        connection.QuerySingleOrDefaultAsync<Dependency>($"SELECT {Columns} WHERE d.project_id = @projectId AND d.id = @dependencyId",
            new { projectId, dependencyId }, tx);

    private static NotFoundException NotFound(long id) => new("Dependency", id.ToString(CultureInfo.InvariantCulture));
}
