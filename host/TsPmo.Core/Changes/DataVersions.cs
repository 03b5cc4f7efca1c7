using Dapper;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Changes;

namespace TsPmo.Core.Changes;

/// <summary>
/// Core's <see cref="IDataVersions"/>: every audited change appends a row to <c>core_audit</c> in the change's own
/// transaction, so the audit log's rowid is the change counter (overall, and per project through
/// <c>ix_core_audit_project</c>). Every read is an index seek.
/// </summary>
public sealed class DataVersions(IDbConnectionFactory connections) : IDataVersions
{
    public async Task<DataVersion> CurrentAsync(CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var (changes, projects) = await connection.QuerySingleAsync<(long, string)>(new CommandDefinition("""
            SELECT IFNULL((SELECT MAX(id) FROM core_audit), 0),
                   (SELECT COUNT(*) || '@' || IFNULL(MAX(updated_at), '') FROM core_project)
            """, cancellationToken: ct));
        return new DataVersion(changes, projects);
    }

    public async Task<long> OfProjectAsync(long projectId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT IFNULL(MAX(id), 0) FROM core_audit WHERE project_id = @projectId", new { projectId }, cancellationToken: ct));
    }

    public async Task<DataChanges?> ChangesAsync(long since, long upTo, int limit, CancellationToken ct = default)
    {
        if (upTo < since) return null;
        await using var connection = await connections.OpenAsync(ct);
        var entries = (await connection.QueryAsync<(long? ProjectId, string ModuleId, string EntityType)>(new CommandDefinition(
            "SELECT project_id, module_id, entity_type FROM core_audit WHERE id > @since AND id <= @upTo LIMIT @take",
            new { since, upTo, take = limit + 1 }, cancellationToken: ct))).AsList();
        if (entries.Count > limit) return null;
        // Accounts and API tokens are organization-wide rows that no project's figures read.
        var unscoped = entries.Any(e => e.ProjectId is null && !(e.ModuleId == "core" && e.EntityType is "user" or "api-token"));
        return new DataChanges(entries.Select(e => e.ProjectId).OfType<long>().ToHashSet(), unscoped);
    }
}
