using System.Data.Common;
using System.Text.Json;
using Dapper;
using TsPmo.Core.Data;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Security;

namespace TsPmo.Core.Audit;

/// <summary>Writes audit records in the caller's transaction, stamped with the current user and the time.</summary>
public sealed class AuditLog(ICurrentUser user, TimeProvider time) : IAuditLog
{
    // Relaxed escaping keeps apostrophes and accents readable on the audit page, which HTML-encodes what it shows.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task WriteAsync(DbConnection connection, DbTransaction? transaction, AuditEntry entry, CancellationToken ct = default)
    {
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO core_audit (at, user_id, user_name, module_id, entity_type, entity_id, action, project_id, before_json, after_json)
            VALUES (@At, @UserId, @UserName, @ModuleId, @EntityType, @EntityId, @Action, @ProjectId, @Before, @After)
            """,
            new
            {
                At = DapperTypeHandlers.Format(time.GetUtcNow()),
                user.UserId,
                UserName = user.IsAuthenticated ? user.DisplayName : "system",
                entry.ModuleId,
                entry.EntityType,
                entry.EntityId,
                entry.Action,
                entry.ProjectId,
                Before = entry.Before is null ? null : JsonSerializer.Serialize(entry.Before, Json),
                After = entry.After is null ? null : JsonSerializer.Serialize(entry.After, Json),
            }, transaction, cancellationToken: ct));
    }
}
