namespace TsPmo.Sdk.Audit;

/// <summary>
/// One change: what was touched and its state before and after (any JSON-serializable objects; null for
/// create or delete). Who and when are filled in by the audit log.
/// </summary>
public sealed record AuditEntry(string ModuleId, string EntityType, string EntityId, string Action, object? Before, object? After)
{
    /// <summary>The project the change belongs to, so it shows in that project's activity feed.</summary>
    public long? ProjectId { get; init; }
}
