using System.Data.Common;
using Dapper;
using TsPmo.Core.Data;
using TsPmo.Sdk.Data;

namespace TsPmo.Core.Modules;

/// <summary>Which modules are switched on, kept in <c>core_module_state</c>. Rows are never deleted: disabling keeps data.</summary>
public sealed class ModuleStateStore(IDbConnectionFactory connections, TimeProvider time)
{
    public async Task<HashSet<string>> LoadEnabledAsync(CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await LoadEnabledAsync(connection, null);
    }

    public static async Task<HashSet<string>> LoadEnabledAsync(DbConnection connection, DbTransaction? tx) =>
        (await connection.QueryAsync<string>("SELECT module_id FROM core_module_state WHERE enabled = 1", transaction: tx))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Records modules seen for the first time, enabled when their manifest says so and every dependency is
    /// enabled. Runs in dependency order, so a new module sees its new dependencies' state.
    /// </summary>
    public async Task RecordNewModulesAsync(ModuleRegistry registry, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var known = (await connection.QueryAsync<string>("SELECT module_id FROM core_module_state", transaction: tx)).ToHashSet(StringComparer.Ordinal);
        var enabled = await LoadEnabledAsync(connection, tx);
        foreach (var module in registry.Modules.Where(m => !m.IsFaulted && !known.Contains(m.Id)))
        {
            var on = module.Manifest.EnabledByDefault && module.Manifest.DependsOn.All(enabled.Contains);
            await SetAsync(connection, tx, module.Id, on, "system");
            if (on) enabled.Add(module.Id);
        }
        await tx.CommitAsync(ct);
    }

    public async Task SetAsync(DbConnection connection, DbTransaction tx, string moduleId, bool enabled, string changedBy) =>
        await connection.ExecuteAsync("""
            INSERT INTO core_module_state (module_id, enabled, changed_at, changed_by) VALUES (@moduleId, @enabled, @at, @changedBy)
            ON CONFLICT (module_id) DO UPDATE SET enabled = excluded.enabled, changed_at = excluded.changed_at, changed_by = excluded.changed_by
            """, new { moduleId, enabled, at = DapperTypeHandlers.Format(time.GetUtcNow()), changedBy }, tx);
}
