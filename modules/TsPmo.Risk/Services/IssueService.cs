using System.Data.Common;
using System.Globalization;
using Dapper;
using TsPmo.Risk.Domain;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;

namespace TsPmo.Risk.Services;

/// <summary>A project's issues: created, edited with a version check, listed and read.</summary>
public sealed class IssueService(IDbConnectionFactory connections, IUnitOfWork work, IProjectDirectory projects, IPeopleDirectory people, IProjectPermissions permissions)
{
    internal const string Columns = """
        i.id, i.project_id AS ProjectId, i.title, i.description, i.severity, i.owner_person_id AS OwnerId,
        i.due_date AS DueDate, i.status, i.resolution, i.from_risk_id AS FromRiskId, i.created_at AS CreatedAt, i.updated_at AS UpdatedAt, i.version
        FROM risk_issue i
        """;

    public async Task<IReadOnlyList<Issue>> ListAsync(long projectId, IssueStatus? status = null, CancellationToken ct = default)
    {
        await RequireProjectAsync(projectId, ct);
        await using var connection = await connections.OpenAsync(ct);
        return await NamedAsync((await connection.QueryAsync<Issue>($"""
            SELECT {Columns} WHERE i.project_id = @projectId AND (@status IS NULL OR i.status = @status)
            ORDER BY CASE i.status WHEN 'Open' THEN 0 WHEN 'InProgress' THEN 1 ELSE 2 END,
                     CASE i.severity WHEN 'Critical' THEN 0 WHEN 'High' THEN 1 WHEN 'Medium' THEN 2 ELSE 3 END, i.id
            """, new { projectId, status = status?.ToString() })).ToList(), ct);
    }

    public async Task<Issue> GetAsync(long projectId, long issueId, CancellationToken ct = default)
    {
        await RequireProjectAsync(projectId, ct);
        await using var connection = await connections.OpenAsync(ct);
        return (await NamedAsync([await FindAsync(connection, null, projectId, issueId) ?? throw NotFound(issueId)], ct))[0];
    }

    public async Task<Issue> CreateAsync(long projectId, IssueInput input, CancellationToken ct = default)
    {
        await RequireEditAsync(projectId, ct);
        var valid = RaidRules.Validate(input);
        await people.RequirePersonAsync(valid.OwnerId, "ownerId", ct);
        long id;
        await using (var w = await work.BeginAsync(RiskModule.Id, projectId, ct))
        {
            id = await InsertAsync(w, projectId, valid, null, ct);
            await w.AuditAsync("issue", id, "created", null, valid, ct);
            await w.CommitAsync(ct);
        }
        return await GetAsync(projectId, id, ct);
    }

    public async Task<Issue> UpdateAsync(long projectId, long issueId, long version, IssueInput input, CancellationToken ct = default)
    {
        await RequireEditAsync(projectId, ct);
        var valid = RaidRules.Validate(input);
        await using (var w = await work.BeginAsync(RiskModule.Id, projectId, ct))
        {
            var before = await FindAsync(w.Connection, w.Transaction, projectId, issueId) ?? throw NotFound(issueId);
            await people.RequirePersonAsync(valid.OwnerId, "ownerId", ct);
            await w.ExecuteVersionedAsync("""
                UPDATE risk_issue SET title = @Title, description = @Description, severity = @Severity, owner_person_id = @OwnerId, due_date = @DueDate,
                       status = @Status, resolution = @Resolution, updated_at = @now, version = version + 1
                WHERE id = @issueId AND project_id = @projectId AND version = @version
                """, new
            {
                valid.Title, valid.Description, Severity = valid.Severity.ToString(), valid.OwnerId, valid.DueDate, Status = valid.Status.ToString(),
                valid.Resolution, now = w.Stamp, issueId, projectId, version,
            }, "Issue", $"\"{before.Title}\"", ct);
            await w.AuditAsync("issue", issueId, "updated", Fields(before), valid, ct);
            await w.CommitAsync(ct);
        }
        return await GetAsync(projectId, issueId, ct);
    }

    internal static Task<long> InsertAsync(WriteScope w, long projectId, IssueFields valid, long? fromRiskId, CancellationToken ct) =>
        w.ScalarAsync<long>("""
            INSERT INTO risk_issue (project_id, title, description, severity, owner_person_id, due_date, status, resolution, from_risk_id,
                                    created_at, updated_at, version)
            VALUES (@projectId, @Title, @Description, @Severity, @OwnerId, @DueDate, @Status, @Resolution, @fromRiskId, @now, @now, 1)
            RETURNING id
            """, new
        {
            projectId, valid.Title, valid.Description, Severity = valid.Severity.ToString(), valid.OwnerId, valid.DueDate,
            Status = valid.Status.ToString(), valid.Resolution, fromRiskId, now = w.Stamp,
        }, ct);

    private static Task<Issue?> FindAsync(DbConnection connection, DbTransaction? tx, long projectId, long issueId) =>
        connection.QuerySingleOrDefaultAsync<Issue>($"SELECT {Columns} WHERE i.project_id = @projectId AND i.id = @issueId", new { projectId, issueId }, tx);

    /// <summary>The issues with their owner's name, from the directory.</summary>
    private async Task<IReadOnlyList<Issue>> NamedAsync(IReadOnlyList<Issue> issues, CancellationToken ct)
    {
        if (issues.Count == 0) return issues;
        var owners = await people.FindManyAsync(issues.Select(i => i.OwnerId).OfType<long>().Distinct(), ct);
        return issues.Select(i => i with { OwnerName = i.OwnerId is { } o ? owners.GetValueOrDefault(o)?.Name : null }).ToList();
    }

    /// <summary>404 unless the project exists (and the caller may read it). The RAID log is a capability: any methodology has one.</summary>
    private Task<ProjectInfo> RequireProjectAsync(long projectId, CancellationToken ct) => projects.RequireAsync(projectId, null, ct);

    /// <summary>The project must exist and the current user must be allowed to change its RAID log.</summary>
    private async Task RequireEditAsync(long projectId, CancellationToken ct)
    {
        await RequireProjectAsync(projectId, ct);
        await permissions.DemandAsync(projectId, RiskModule.EditRaid, ct);
    }

    private static IssueFields Fields(Issue i) => new(i.Title, i.Description, i.Severity, i.OwnerId, i.DueDate, i.Status, i.Resolution);

    private static NotFoundException NotFound(long issueId) => new("Issue", issueId.ToString(CultureInfo.InvariantCulture));
}
