using System.Data.Common;
using System.Globalization;
using Dapper;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Time;

namespace TsPmo.Risk.Raid;

/// <summary>What the issue, assumption and dependency services share: the ports, the project check and the timestamp.</summary>
public sealed class RaidContext(
    IDbConnectionFactory connections,
    IProjectDirectory projects,
    IProjectPermissions permissions,
    IAuditLog audit,
    ICurrentUser user,
    IOrganizationClock clock)
{
    public IDbConnectionFactory Connections { get; } = connections;

    /// <summary>The projects the current user may read (for naming other projects).</summary>
    public Task<TsPmo.Sdk.Security.ProjectReadScope> ReadScopeAsync(CancellationToken ct) => permissions.ReadScopeAsync(ct);
    public IProjectDirectory Projects { get; } = projects;
    public IAuditLog Audit { get; } = audit;
    public ICurrentUser User { get; } = user;

    /// <summary>404 unless the project exists. The RAID log is a capability: any methodology has one.</summary>
    public async Task<ProjectInfo> RequireProjectAsync(long projectId, CancellationToken ct) =>
        await Projects.FindAsync(projectId, ct) ?? throw new NotFoundException("Project", projectId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The project must exist and the current user must be allowed to change it.</summary>
    public async Task RequireEditAsync(long projectId, CancellationToken ct)
    {
        await RequireProjectAsync(projectId, ct);
        await permissions.DemandAsync(projectId, RiskModule.EditRaid, ct);
    }

    public Task WriteAuditAsync(DbConnection connection, DbTransaction tx, long projectId, string entity, long id, string action,
        object? before, object? after, CancellationToken ct) =>
        Audit.WriteAsync(connection, tx, new AuditEntry(RiskModule.Id, entity, id.ToString(CultureInfo.InvariantCulture), action, before, after)
            { ProjectId = projectId }, ct);

    public static async Task CheckOwnerAsync(DbConnection connection, DbTransaction tx, long? ownerId)
    {
        if (ownerId is { } id && !await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM core_person WHERE id = @id)", new { id }, tx))
            throw new DomainValidationException("ownerId", $"There is no person {id} in the directory.");
    }

    public string Stamp() => StoredTime.Format(clock.UtcNow);
}
