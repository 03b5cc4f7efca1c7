using System.Data.Common;
using System.Globalization;
using Dapper;
using TsPmo.Sdk.Data;

namespace TsPmo.Risk.Raid;

/// <summary>A project's issues: created, edited with a version check, listed and read.</summary>
public sealed class IssueService(RaidContext raid)
{
    internal const string Columns = """
        i.id, i.project_id AS ProjectId, i.title, i.description, i.severity, i.owner_person_id AS OwnerId, p.name AS OwnerName,
        i.due_date AS DueDate, i.status, i.resolution, i.from_risk_id AS FromRiskId, i.created_at AS CreatedAt, i.updated_at AS UpdatedAt, i.version
        FROM risk_issue i LEFT JOIN core_person p ON p.id = i.owner_person_id
        """;

    public async Task<IReadOnlyList<Issue>> ListAsync(long projectId, IssueStatus? status = null, CancellationToken ct = default)
    {
        await raid.RequireProjectAsync(projectId, ct);
        await using var connection = await raid.Connections.OpenAsync(ct);
        return (await connection.QueryAsync<Issue>($"""
            SELECT {Columns} WHERE i.project_id = @projectId AND (@status IS NULL OR i.status = @status)
            ORDER BY CASE i.status WHEN 'Open' THEN 0 WHEN 'InProgress' THEN 1 ELSE 2 END,
                     CASE i.severity WHEN 'Critical' THEN 0 WHEN 'High' THEN 1 WHEN 'Medium' THEN 2 ELSE 3 END, i.id
            """, new { projectId, status = status?.ToString() })).ToList();
    }

    public async Task<Issue> GetAsync(long projectId, long issueId, CancellationToken ct = default)
    {
        await raid.RequireProjectAsync(projectId, ct);
        await using var connection = await raid.Connections.OpenAsync(ct);
        return await FindAsync(connection, null, projectId, issueId) ?? throw NotFound(issueId);
    }

    public async Task<Issue> CreateAsync(long projectId, IssueInput input, CancellationToken ct = default)
    {
        await raid.RequireEditAsync(projectId, ct);
        var valid = RaidRules.Validate(input);
        await using var connection = await raid.Connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await RaidContext.CheckOwnerAsync(connection, tx, valid.OwnerId);
        var id = await InsertAsync(connection, tx, projectId, valid, null, raid.Stamp());
        await raid.WriteAuditAsync(connection, tx, projectId, "issue", id, "created", null, valid, ct);
        await tx.CommitAsync(ct);
        return await GetAsync(projectId, id, ct);
    }

    public async Task<Issue> UpdateAsync(long projectId, long issueId, long version, IssueInput input, CancellationToken ct = default)
    {
        await raid.RequireEditAsync(projectId, ct);
        var valid = RaidRules.Validate(input);
        await using var connection = await raid.Connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await FindAsync(connection, tx, projectId, issueId) ?? throw NotFound(issueId);
        await RaidContext.CheckOwnerAsync(connection, tx, valid.OwnerId);
        var rows = await connection.ExecuteAsync("""
            UPDATE risk_issue SET title = @Title, description = @Description, severity = @Severity, owner_person_id = @OwnerId, due_date = @DueDate,
                   status = @Status, resolution = @Resolution, updated_at = @now, version = version + 1
            WHERE id = @issueId AND project_id = @projectId AND version = @version
            """, new
        {
            valid.Title, valid.Description, Severity = valid.Severity.ToString(), valid.OwnerId, valid.DueDate, Status = valid.Status.ToString(),
            valid.Resolution, now = raid.Stamp(), issueId, projectId, version,
        }, tx);
        if (rows != 1) throw new ConcurrencyConflictException("Issue", $"\"{before.Title}\"");
        await raid.WriteAuditAsync(connection, tx, projectId, "issue", issueId, "updated", Fields(before), valid, ct);
        await tx.CommitAsync(ct);
        return await GetAsync(projectId, issueId, ct);
    }

    internal static Task<long> InsertAsync(DbConnection connection, DbTransaction tx, long projectId, IssueFields valid, long? fromRiskId, string now) =>
        connection.ExecuteScalarAsync<long>("""
            INSERT INTO risk_issue (project_id, title, description, severity, owner_person_id, due_date, status, resolution, from_risk_id,
                                    created_at, updated_at, version)
            VALUES (@projectId, @Title, @Description, @Severity, @OwnerId, @DueDate, @Status, @Resolution, @fromRiskId, @now, @now, 1)
            RETURNING id
            """, new
        {
            projectId, valid.Title, valid.Description, Severity = valid.Severity.ToString(), valid.OwnerId, valid.DueDate,
            Status = valid.Status.ToString(), valid.Resolution, fromRiskId, now,
        }, tx);

    private static Task<Issue?> FindAsync(DbConnection connection, DbTransaction? tx, long projectId, long issueId) =>
        connection.QuerySingleOrDefaultAsync<Issue>($"SELECT {Columns} WHERE i.project_id = @projectId AND i.id = @issueId", new { projectId, issueId }, tx);

    private static IssueFields Fields(Issue i) => new(i.Title, i.Description, i.Severity, i.OwnerId, i.DueDate, i.Status, i.Resolution);

    private static NotFoundException NotFound(long issueId) => new("Issue", issueId.ToString(CultureInfo.InvariantCulture));
}
