using System.Data.Common;
using System.Globalization;
using Dapper;
using TsPmo.Sdk.Data;

namespace TsPmo.Risk.Raid;

/// <summary>A project's assumptions: recorded, edited with a version check, and validated by a named person.</summary>
public sealed class AssumptionService(RaidContext raid)
{
    private const string Columns = """
        id, project_id AS ProjectId, title, description, validated, validated_by AS ValidatedBy, validated_at AS ValidatedAt,
        created_at AS CreatedAt, updated_at AS UpdatedAt, version FROM risk_assumption
        """;

    public async Task<IReadOnlyList<Assumption>> ListAsync(long projectId, CancellationToken ct = default)
    {
        await raid.RequireProjectAsync(projectId, ct);
        await using var connection = await raid.Connections.OpenAsync(ct);
        return (await connection.QueryAsync<Assumption>($"SELECT {Columns} WHERE project_id = @projectId ORDER BY validated, id", new { projectId })).ToList();
    }

    public async Task<Assumption> GetAsync(long projectId, long assumptionId, CancellationToken ct = default)
    {
        await raid.RequireProjectAsync(projectId, ct);
        await using var connection = await raid.Connections.OpenAsync(ct);
        return await FindAsync(connection, null, projectId, assumptionId) ?? throw NotFound(assumptionId);
    }

    public async Task<Assumption> CreateAsync(long projectId, AssumptionInput input, CancellationToken ct = default)
    {
        await raid.RequireEditAsync(projectId, ct);
        var valid = RaidRules.Validate(input);
        await using var connection = await raid.Connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO risk_assumption (project_id, title, description, created_at, updated_at, version)
            VALUES (@projectId, @Title, @Description, @now, @now, 1) RETURNING id
            """, new { projectId, valid.Title, valid.Description, now = raid.Stamp() }, tx);
        await raid.WriteAuditAsync(connection, tx, projectId, "assumption", id, "created", null, valid, ct);
        await tx.CommitAsync(ct);
        return await GetAsync(projectId, id, ct);
    }

    public async Task<Assumption> UpdateAsync(long projectId, long assumptionId, long version, AssumptionInput input, CancellationToken ct = default)
    {
        await raid.RequireEditAsync(projectId, ct);
        var valid = RaidRules.Validate(input);
        await using var connection = await raid.Connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await FindAsync(connection, tx, projectId, assumptionId) ?? throw NotFound(assumptionId);
        var rows = await connection.ExecuteAsync("""
            UPDATE risk_assumption SET title = @Title, description = @Description, updated_at = @now, version = version + 1
            WHERE id = @assumptionId AND project_id = @projectId AND version = @version
            """, new { valid.Title, valid.Description, now = raid.Stamp(), assumptionId, projectId, version }, tx);
        if (rows != 1) throw new ConcurrencyConflictException("Assumption", $"\"{before.Title}\"");
        await raid.WriteAuditAsync(connection, tx, projectId, "assumption", assumptionId, "updated",
            new { before.Title, before.Description }, valid, ct);
        await tx.CommitAsync(ct);
        return await GetAsync(projectId, assumptionId, ct);
    }

    /// <summary>
    /// Marks the assumption checked (by the current user, now) or not checked any more. A version, when given,
    /// must match; the API's validate button may omit it because setting the same state twice changes nothing.
    /// </summary>
    public async Task<Assumption> SetValidatedAsync(long projectId, long assumptionId, bool validated, long? version = null, CancellationToken ct = default)
    {
        await raid.RequireEditAsync(projectId, ct);
        await using var connection = await raid.Connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await FindAsync(connection, tx, projectId, assumptionId) ?? throw NotFound(assumptionId);
        if (version is { } v && v != before.Version) throw new ConcurrencyConflictException("Assumption", $"\"{before.Title}\"");
        if (before.Validated == validated) return before;
        var now = raid.Stamp();
        await connection.ExecuteAsync("""
            UPDATE risk_assumption SET validated = @validated, validated_by = @by, validated_at = @at, updated_at = @now, version = version + 1
            WHERE id = @assumptionId
            """, new { validated, by = validated ? raid.User.DisplayName : null, at = validated ? now : null, now, assumptionId }, tx);
        await raid.WriteAuditAsync(connection, tx, projectId, "assumption", assumptionId, validated ? "validated" : "unvalidated",
            new { before.Validated, before.ValidatedBy }, new { Validated = validated, ValidatedBy = validated ? raid.User.DisplayName : null }, ct);
        await tx.CommitAsync(ct);
        return await GetAsync(projectId, assumptionId, ct);
    }

    private static Task<Assumption?> FindAsync(DbConnection connection, DbTransaction? tx, long projectId, long assumptionId) =>
        connection.QuerySingleOrDefaultAsync<Assumption>($"SELECT {Columns} WHERE project_id = @projectId AND id = @assumptionId",
            new { projectId, assumptionId }, tx);

    private static NotFoundException NotFound(long id) => new("Assumption", id.ToString(CultureInfo.InvariantCulture));
}
