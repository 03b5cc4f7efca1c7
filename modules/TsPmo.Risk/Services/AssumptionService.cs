using System.Data.Common;
using System.Globalization;
using Dapper;
using TsPmo.Risk.Domain;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;

namespace TsPmo.Risk.Services;

/// <summary>A project's assumptions: recorded, edited with a version check, and validated by a named person.</summary>
public sealed class AssumptionService(IDbConnectionFactory connections, IUnitOfWork work, IProjectDirectory projects, IProjectPermissions permissions)
{
    private const string Columns = """
        id, project_id AS ProjectId, title, description, validated, validated_by AS ValidatedBy, validated_at AS ValidatedAt,
        created_at AS CreatedAt, updated_at AS UpdatedAt, version FROM risk_assumption
        """;

    public async Task<IReadOnlyList<Assumption>> ListAsync(long projectId, CancellationToken ct = default)
    {
        await RequireProjectAsync(projectId, ct);
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<Assumption>($"SELECT {Columns} WHERE project_id = @projectId ORDER BY validated, id", new { projectId })).ToList();
    }

    public async Task<Assumption> GetAsync(long projectId, long assumptionId, CancellationToken ct = default)
    {
        await RequireProjectAsync(projectId, ct);
        await using var connection = await connections.OpenAsync(ct);
        return await FindAsync(connection, null, projectId, assumptionId) ?? throw NotFound(assumptionId);
    }

    public async Task<Assumption> CreateAsync(long projectId, AssumptionInput input, CancellationToken ct = default)
    {
        await RequireEditAsync(projectId, ct);
        var valid = RaidRules.Validate(input);
        long id;
        await using (var w = await work.BeginAsync(RiskModule.Id, projectId, ct))
        {
            id = await w.ScalarAsync<long>("""
                INSERT INTO risk_assumption (project_id, title, description, created_at, updated_at, version)
                VALUES (@projectId, @Title, @Description, @now, @now, 1) RETURNING id
                """, new { projectId, valid.Title, valid.Description, now = w.Stamp }, ct);
            await w.AuditAsync("assumption", id, "created", null, valid, ct);
            await w.CommitAsync(ct);
        }
        return await GetAsync(projectId, id, ct);
    }

    public async Task<Assumption> UpdateAsync(long projectId, long assumptionId, long version, AssumptionInput input, CancellationToken ct = default)
    {
        await RequireEditAsync(projectId, ct);
        var valid = RaidRules.Validate(input);
        await using (var w = await work.BeginAsync(RiskModule.Id, projectId, ct))
        {
            var before = await FindAsync(w.Connection, w.Transaction, projectId, assumptionId) ?? throw NotFound(assumptionId);
            await w.ExecuteVersionedAsync("""
                UPDATE risk_assumption SET title = @Title, description = @Description, updated_at = @now, version = version + 1
                WHERE id = @assumptionId AND project_id = @projectId AND version = @version
                """, new { valid.Title, valid.Description, now = w.Stamp, assumptionId, projectId, version }, "Assumption", $"\"{before.Title}\"", ct);
            await w.AuditAsync("assumption", assumptionId, "updated", new { before.Title, before.Description }, valid, ct);
            await w.CommitAsync(ct);
        }
        return await GetAsync(projectId, assumptionId, ct);
    }

    /// <summary>
    /// Marks the assumption checked (by the current user, now) or not checked any more. A version, when given,
    /// must match; the API's validate button may omit it because setting the same state twice changes nothing.
    /// </summary>
    public async Task<Assumption> SetValidatedAsync(long projectId, long assumptionId, bool validated, long? version = null, CancellationToken ct = default)
    {
        await RequireEditAsync(projectId, ct);
        await using (var w = await work.BeginAsync(RiskModule.Id, projectId, ct))
        {
            var before = await FindAsync(w.Connection, w.Transaction, projectId, assumptionId) ?? throw NotFound(assumptionId);
            WriteScope.CheckVersion(version, before.Version, "Assumption", $"\"{before.Title}\"");
            if (before.Validated == validated) return before;
            await w.ExecuteAsync("""
                UPDATE risk_assumption SET validated = @validated, validated_by = @by, validated_at = @at, updated_at = @now, version = version + 1
                WHERE id = @assumptionId
                """, new { validated, by = validated ? w.ActorName : null, at = validated ? w.Stamp : null, now = w.Stamp, assumptionId }, ct);
            await w.AuditAsync("assumption", assumptionId, validated ? "validated" : "unvalidated",
                new { before.Validated, before.ValidatedBy }, new { Validated = validated, ValidatedBy = validated ? w.ActorName : null }, ct);
            await w.CommitAsync(ct);
        }
        return await GetAsync(projectId, assumptionId, ct);
    }

    /// <summary>404 unless the project exists (and the caller may read it). The RAID log is a capability: any methodology has one.</summary>
    private Task<ProjectInfo> RequireProjectAsync(long projectId, CancellationToken ct) => projects.RequireAsync(projectId, null, ct);

    /// <summary>The project must exist and the current user must be allowed to change its RAID log.</summary>
    private async Task RequireEditAsync(long projectId, CancellationToken ct)
    {
        await RequireProjectAsync(projectId, ct);
        await permissions.DemandAsync(projectId, RiskModule.EditRaid, ct);
    }

    private static Task<Assumption?> FindAsync(DbConnection connection, DbTransaction? tx, long projectId, long assumptionId) =>
        connection.QuerySingleOrDefaultAsync<Assumption>($"SELECT {Columns} WHERE project_id = @projectId AND id = @assumptionId",
            new { projectId, assumptionId }, tx);

    private static NotFoundException NotFound(long id) => new("Assumption", id.ToString(CultureInfo.InvariantCulture));
}
