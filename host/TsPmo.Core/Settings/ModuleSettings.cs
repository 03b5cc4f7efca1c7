using System.Globalization;
using Dapper;
using TsPmo.Core.Data;
using TsPmo.Core.Modules;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Modules;

namespace TsPmo.Core.Settings;

/// <summary>Module settings in <c>core_setting</c>, validated against each module's declarations.</summary>
public sealed class ModuleSettings(ModuleRegistry registry, IDbConnectionFactory connections, IAuditLog audit, TimeProvider time) : IModuleSettings
{
    public async Task<string> GetAsync(string moduleId, string key, CancellationToken ct = default)
    {
        var definition = Definition(moduleId, key);
        await using var connection = await connections.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT value FROM core_setting WHERE module_id = @moduleId AND key = @key", new { moduleId, key }) ?? definition.DefaultValue;
    }

    public async Task<long> GetIntegerAsync(string moduleId, string key, CancellationToken ct = default) =>
        long.Parse(await GetAsync(moduleId, key, ct), CultureInfo.InvariantCulture);

    public async Task<bool> GetBooleanAsync(string moduleId, string key, CancellationToken ct = default) =>
        await GetAsync(moduleId, key, ct) == "true";

    /// <summary>Every declared setting of a module with its current value.</summary>
    public async Task<IReadOnlyList<(SettingDefinition Definition, string Value)>> ListAsync(string moduleId, CancellationToken ct = default)
    {
        var definitions = DefinitionsOf(moduleId) ?? throw new NotFoundException("Module", moduleId);
        await using var connection = await connections.OpenAsync(ct);
        var stored = (await connection.QueryAsync<(string Key, string Value)>(
            "SELECT key, value FROM core_setting WHERE module_id = @moduleId", new { moduleId })).ToDictionary(r => r.Key, r => r.Value);
        return definitions.Select(d => (d, stored.GetValueOrDefault(d.Key, d.DefaultValue))).ToList();
    }

    public async Task SetAsync(string moduleId, string key, string value, CancellationToken ct = default)
    {
        var definition = Definition(moduleId, key);
        value = value.Trim();
        if (definition.Check(value) is { } error) throw new DomainValidationException(key, error);

        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT value FROM core_setting WHERE module_id = @moduleId AND key = @key", new { moduleId, key }, tx) ?? definition.DefaultValue;
        if (before == value) return;
        await WriteAsync(connection, tx, moduleId, key, before, value, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// The version of each stored setting of a module (a setting still at its default has none: it reads as 0). A settings
    /// form carries them so that saving it cannot silently undo a change someone made after the form was opened.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> VersionsAsync(string moduleId, CancellationToken ct = default)
    {
        var definitions = DefinitionsOf(moduleId) ?? throw new NotFoundException("Module", moduleId);
        await using var connection = await connections.OpenAsync(ct);
        var stored = (await connection.QueryAsync<(string Key, long Version)>(
            "SELECT key, version FROM core_setting WHERE module_id = @moduleId", new { moduleId })).ToDictionary(r => r.Key, r => r.Version);
        return definitions.ToDictionary(d => d.Key, d => stored.GetValueOrDefault(d.Key));
    }

    /// <summary>
    /// Saves every declared setting of a module at once: all values are checked first, then each setting whose
    /// <paramref name="versions"/> entry differs from the stored version refuses the whole save (409), all in one
    /// transaction, so either every value is saved or none.
    /// </summary>
    public async Task SetAllAsync(string moduleId, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, long>? versions,
        CancellationToken ct = default)
    {
        var definitions = DefinitionsOf(moduleId) ?? throw new NotFoundException("Module", moduleId);
        var errors = new Dictionary<string, string[]>();
        var trimmed = definitions.ToDictionary(d => d.Key, d => (values.GetValueOrDefault(d.Key) ?? "").Trim());
        foreach (var definition in definitions)
            if (definition.Check(trimmed[definition.Key]) is { } error) errors[definition.Key] = [error];
        if (errors.Count > 0) throw new DomainValidationException(errors);

        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var stored = (await connection.QueryAsync<(string Key, string Value, long Version)>(
            "SELECT key, value, version FROM core_setting WHERE module_id = @moduleId", new { moduleId }, tx)).ToDictionary(r => r.Key);
        var name = moduleId == CoreSettings.ModuleId ? "Core" : registry.Find(moduleId)?.Manifest.Name ?? moduleId;
        foreach (var definition in definitions)
        {
            var current = stored.TryGetValue(definition.Key, out var row) ? row.Version : 0;
            if (versions?.TryGetValue(definition.Key, out var sent) == true && sent != current)
                throw new ConcurrencyConflictException($"The {name} setting", $"\"{definition.Label}\"");
        }
        foreach (var definition in definitions)
        {
            var before = stored.TryGetValue(definition.Key, out var row) ? row.Value : definition.DefaultValue;
            if (before != trimmed[definition.Key]) await WriteAsync(connection, tx, moduleId, definition.Key, before, trimmed[definition.Key], ct);
        }
        await tx.CommitAsync(ct);
    }

    private async Task WriteAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, string moduleId, string key,
        string before, string value, CancellationToken ct)
    {
        await connection.ExecuteAsync("""
            INSERT INTO core_setting (module_id, key, value, updated_at) VALUES (@moduleId, @key, @value, @at)
            ON CONFLICT (module_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, version = core_setting.version + 1
            """, new { moduleId, key, value, at = DapperTypeHandlers.Format(time.GetUtcNow()) }, tx);
        await audit.WriteAsync(connection, tx, new AuditEntry("core", "setting", $"{moduleId}.{key}", "changed", new { value = before }, new { value }), ct);
    }

    private SettingDefinition Definition(string moduleId, string key) =>
        DefinitionsOf(moduleId)?.FirstOrDefault(s => s.Key == key)
        ?? throw new NotFoundException("Setting", $"{moduleId}.{key}");

    /// <summary>The declared settings of a module, or of core (<see cref="CoreSettings"/>); null for an unknown id.</summary>
    public IReadOnlyList<SettingDefinition>? DefinitionsOf(string moduleId) =>
        moduleId == CoreSettings.ModuleId ? CoreSettings.Definitions : registry.Find(moduleId)?.Declaration.Settings;
}
