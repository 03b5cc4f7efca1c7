using Dapper;
using TsPmo.Sdk.Data;

namespace TsPmo.Core.Audit;

public sealed record AuditRecord(long Id, string At, long? UserId, string UserName, string ModuleId, string EntityType,
    string EntityId, string Action, long? ProjectId, string? BeforeJson, string? AfterJson);

/// <summary>Reads the audit trail, newest first.</summary>
public sealed class AuditQuery(IDbConnectionFactory connections)
{
    public async Task<IReadOnlyList<AuditRecord>> RecentAsync(string? entityType = null, string? entityId = null, int take = 50, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<AuditRecord>("""
            SELECT id, at, user_id AS UserId, user_name AS UserName, module_id AS ModuleId, entity_type AS EntityType,
                   entity_id AS EntityId, action, project_id AS ProjectId, before_json AS BeforeJson, after_json AS AfterJson
            FROM core_audit
            WHERE (@entityType IS NULL OR entity_type = @entityType) AND (@entityId IS NULL OR entity_id = @entityId)
            ORDER BY id DESC LIMIT @take
            """, new { entityType, entityId, take })).ToList();
    }
}
