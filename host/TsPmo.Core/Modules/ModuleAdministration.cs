using TsPmo.Core.Data;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Events;
using TsPmo.Sdk.Security;

namespace TsPmo.Core.Modules;

/// <summary>
/// Switches modules on and off under the dependency rules: enabling needs every dependency on, disabling
/// is refused while an enabled module depends on it. Data is never touched: a disabled module's tables stay.
/// </summary>
public sealed class ModuleAdministration(
    ModuleRegistry registry,
    ModuleStateStore store,
    ModuleCatalog catalog,
    IDbConnectionFactory connections,
    IAuditLog audit,
    ICurrentUser user,
    IDomainEventPublisher events,
    TimeProvider time)
{
    public Task EnableAsync(string moduleId, CancellationToken ct = default) => ToggleAsync(moduleId, true, ct);

    public Task DisableAsync(string moduleId, CancellationToken ct = default) => ToggleAsync(moduleId, false, ct);

    private async Task ToggleAsync(string moduleId, bool enable, CancellationToken ct)
    {
        var module = registry.Find(moduleId) ?? throw new NotFoundException("Module", moduleId);
        // A faulted module may be switched off (so it stays off once fixed, and never blocks disabling what
        // it depends on), but not on.
        if (module.IsFaulted && enable)
            throw new ModuleRuleException($"{module.Manifest.Name} is faulted and cannot be enabled: {module.Fault}");

        await using var connection = await connections.OpenAsync(ct);
        // The rules read and write state in one write transaction, so two administrators toggling a module
        // and its dependency at the same moment cannot both pass the check.
        await using var tx = await connection.BeginTransactionAsync(ct);
        var enabled = await ModuleStateStore.LoadEnabledAsync(connection, tx);
        if (enabled.Contains(moduleId) == enable) return;

        if (enable)
        {
            var off = module.Manifest.DependsOn.Where(d => !enabled.Contains(d)).Select(NameOf).ToList();
            if (off.Count > 0)
                throw new ModuleRuleException($"{module.Manifest.Name} needs {Join(off)} enabled first. Nothing was changed.");
        }
        else
        {
            var dependants = registry.Modules
                .Where(m => enabled.Contains(m.Id) && m.Manifest.DependsOn.Contains(moduleId))
                .Select(m => m.Manifest.Name).ToList();
            if (dependants.Count > 0)
                throw new ModuleRuleException($"{module.Manifest.Name} cannot be disabled while {Join(dependants)} {(dependants.Count == 1 ? "depends" : "depend")} on it. Disable {(dependants.Count == 1 ? "it" : "them")} first. Nothing was changed.");
        }

        await store.SetAsync(connection, tx, moduleId, enable, user.DisplayName);
        await audit.WriteAsync(connection, tx,
            new AuditEntry("core", "module", moduleId, enable ? "enabled" : "disabled", new { enabled = !enable }, new { enabled = enable }), ct);
        await tx.CommitAsync(ct);
        catalog.Forget();
        await events.PublishAsync(new ModuleToggled(moduleId, enable, time.GetUtcNow()), ct);
    }

    private string NameOf(string id) => registry.Find(id)?.Manifest.Name ?? id;

    private static string Join(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
}
