using System.Data.Common;
using System.Globalization;
using Dapper;
using TsPmo.Sdk.Data;

namespace TsPmo.Risk.Raid;

/// <summary>What a project needs from other projects or vendors: recorded, tracked by status, edited with a version check.</summary>
public sealed class DependencyService(RaidContext raid)
{
    private const string Columns = """
        d.id, d.project_id AS ProjectId, d.title, d.on_project_id AS OnProjectId, o.name AS OnProjectName, d.vendor, d.needed_by AS NeededBy,
        d.status, d.owner_person_id AS OwnerId, p.name AS OwnerName, d.created_at AS CreatedAt, d.updated_at AS UpdatedAt, d.version
        FROM risk_dependency d LEFT JOIN core_project o ON o.id = d.on_project_id LEFT JOIN core_person p ON p.id = d.owner_person_id
        """;

    public async Task<IReadOnlyList<Dependency>> ListAsync(long projectId, CancellationToken ct = default)
    {
        await raid.RequireProjectAsync(projectId, ct);
        await using var connection = await raid.Connections.OpenAsync(ct);
        var scope = await raid.ReadScopeAsync(ct);
        return (await connection.QueryAsync<Dependency>($"""
            SELECT {Columns} WHERE d.project_id = @projectId
            ORDER BY d.status = 'Delivered', d.needed_by IS NULL, d.needed_by, d.id
            """, new { projectId })).Select(d => Named(d, scope)).ToList();
    }

    public async Task<Dependency> GetAsync(long projectId, long dependencyId, CancellationToken ct = default)
    {
        await raid.RequireProjectAsync(projectId, ct);
        await using var connection = await raid.Connections.OpenAsync(ct);
        return Named(await FindAsync(connection, null, projectId, dependencyId) ?? throw NotFound(dependencyId), await raid.ReadScopeAsync(ct));
    }

    /// <summary>A dependency on a Private project the reader is not on keeps its id (so an edit keeps it) but not its name.</summary>
    private static Dependency Named(Dependency d, TsPmo.Sdk.Security.ProjectReadScope scope) =>
        d.OnProjectId is { } other && !scope.CanRead(other) ? d with { OnProjectName = PrivateProject } : d;

    public const string PrivateProject = "a private project";

    public async Task<Dependency> CreateAsync(long projectId, DependencyInput input, CancellationToken ct = default)
    {
        await raid.RequireEditAsync(projectId, ct);
        var valid = await ValidateAsync(projectId, input, ct);
        await using var connection = await raid.Connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await RaidContext.CheckOwnerAsync(connection, tx, valid.OwnerId);
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO risk_dependency (project_id, title, on_project_id, vendor, needed_by, status, owner_person_id, created_at, updated_at, version)
            VALUES (@projectId, @Title, @OnProjectId, @Vendor, @NeededBy, @Status, @OwnerId, @now, @now, 1) RETURNING id
            """, new { projectId, valid.Title, valid.OnProjectId, valid.Vendor, valid.NeededBy, Status = valid.Status.ToString(), valid.OwnerId, now = raid.Stamp() }, tx);
        await raid.WriteAuditAsync(connection, tx, projectId, "dependency", id, "created", null, valid, ct);
        await tx.CommitAsync(ct);
        return await GetAsync(projectId, id, ct);
    }

    public async Task<Dependency> UpdateAsync(long projectId, long dependencyId, long version, DependencyInput input, CancellationToken ct = default)
    {
        await raid.RequireEditAsync(projectId, ct);
        var valid = await ValidateAsync(projectId, input, ct);
        await using var connection = await raid.Connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await FindAsync(connection, tx, projectId, dependencyId) ?? throw NotFound(dependencyId);
        await RaidContext.CheckOwnerAsync(connection, tx, valid.OwnerId);
        var rows = await connection.ExecuteAsync("""
            UPDATE risk_dependency SET title = @Title, on_project_id = @OnProjectId, vendor = @Vendor, needed_by = @NeededBy, status = @Status,
                   owner_person_id = @OwnerId, updated_at = @now, version = version + 1
            WHERE id = @dependencyId AND project_id = @projectId AND version = @version
            """, new
        {
            valid.Title, valid.OnProjectId, valid.Vendor, valid.NeededBy, Status = valid.Status.ToString(), valid.OwnerId, now = raid.Stamp(),
            dependencyId, projectId, version,
        }, tx);
        if (rows != 1) throw new ConcurrencyConflictException("Dependency", $"\"{before.Title}\"");
        await raid.WriteAuditAsync(connection, tx, projectId, "dependency", dependencyId, "updated",
            new DependencyFields(before.Title, before.OnProjectId, before.Vendor, before.NeededBy, before.Status, before.OwnerId), valid, ct);
        await tx.CommitAsync(ct);
        return await GetAsync(projectId, dependencyId, ct);
    }

    private async Task<DependencyFields> ValidateAsync(long projectId, DependencyInput input, CancellationToken ct)
    {
        var valid = RaidRules.Validate(projectId, input);
        if (valid.OnProjectId is { } other && await raid.Projects.FindAsync(other, ct) is null)
            throw new DomainValidationException("onProjectId", $"There is no project {other}.");
        return valid;
    }

    private static Task<Dependency?> FindAsync(DbConnection connection, DbTransaction? tx, long projectId, long dependencyId) =>
        connection.QuerySingleOrDefaultAsync<Dependency>($"SELECT {Columns} WHERE d.project_id = @projectId AND d.id = @dependencyId",
            new { projectId, dependencyId }, tx);

    private static NotFoundException NotFound(long id) => new("Dependency", id.ToString(CultureInfo.InvariantCulture));
}
