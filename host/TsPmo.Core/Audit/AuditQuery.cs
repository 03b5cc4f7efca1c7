using Dapper;
using TsPmo.Sdk.Data;

namespace TsPmo.Core.Audit;

public sealed record AuditRecord(long Id, DateTimeOffset At, long? UserId, string UserName, string ModuleId, string EntityType,
    string EntityId, string Action, long? ProjectId, string? ProjectCode, string? BeforeJson, string? AfterJson);

/// <summary>Filters of the audit trail; all optional. <see cref="BeforeId"/> pages backwards through it.</summary>
public sealed record AuditFilter
{
    public string? EntityType { get; init; }
    public string? EntityId { get; init; }
    public string? ModuleId { get; init; }
    public string? UserName { get; init; }
    public long? ProjectId { get; init; }
    /// <summary>Only changes that belong to some project: the portfolio's activity feed.</summary>
    public bool ProjectsOnly { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public long? BeforeId { get; init; }
    /// <summary>Projects whose entries the reader may not see (their <c>ProjectReadScope.Hidden</c>); entries without a project stay.</summary>
    public IReadOnlyCollection<long>? HiddenProjects { get; init; }
    public int Take { get; init; } = 50;

    public const int MaxTake = 500;
}

/// <summary>Reads the audit trail newest first, through the indexes on entity, project, module, user and time.</summary>
public sealed class AuditQuery(IDbConnectionFactory connections)
{
    public async Task<IReadOnlyList<AuditRecord>> FindAsync(AuditFilter filter, CancellationToken ct = default)
    {
        var where = new List<string>();
        if (filter.EntityType is not null) where.Add("a.entity_type = @EntityType");
        if (filter.EntityId is not null) where.Add("a.entity_id = @EntityId");
        if (filter.ModuleId is not null) where.Add("a.module_id = @ModuleId");
        if (filter.UserName is not null) where.Add("a.user_name = @UserName");
        if (filter.ProjectId is not null) where.Add("a.project_id = @ProjectId");
        if (filter.ProjectsOnly) where.Add("a.project_id IS NOT NULL");
        if (filter.From is not null) where.Add("a.at >= @FromText");
        if (filter.To is not null) where.Add("a.at < @ToText");
        if (filter.BeforeId is not null) where.Add("a.id < @BeforeId");
        if (filter.HiddenProjects is { Count: > 0 }) where.Add("(a.project_id IS NULL OR a.project_id NOT IN @HiddenProjects)");
        var sql = """
            SELECT a.id, a.at, a.user_id AS UserId, a.user_name AS UserName, a.module_id AS ModuleId, a.entity_type AS EntityType,
                   a.entity_id AS EntityId, a.action, a.project_id AS ProjectId, p.code AS ProjectCode,
                   a.before_json AS BeforeJson, a.after_json AS AfterJson
            FROM core_audit a LEFT JOIN core_project p ON p.id = a.project_id
            """ + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") + " ORDER BY a.id DESC LIMIT @Take";
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<AuditRecord>(sql, new
        {
            filter.EntityType, filter.EntityId, filter.ModuleId, filter.UserName, filter.ProjectId, filter.BeforeId, filter.HiddenProjects,
            FromText = filter.From?.ToString("yyyy-MM-dd"),
            ToText = filter.To?.AddDays(1).ToString("yyyy-MM-dd"),
            Take = Math.Clamp(filter.Take, 1, AuditFilter.MaxTake),
        })).ToList();
    }

    public Task<IReadOnlyList<AuditRecord>> RecentAsync(string? entityType = null, string? entityId = null, int take = 50, CancellationToken ct = default) =>
        FindAsync(new AuditFilter { EntityType = entityType, EntityId = entityId, Take = take }, ct);
}
