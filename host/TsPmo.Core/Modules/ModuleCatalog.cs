using TsPmo.Sdk.Modules;

namespace TsPmo.Core.Modules;

/// <summary>
/// One scope's (one request's) view of which modules are on: read from the database once per scope, so a
/// toggle on any host is seen by the next request, with no restart and no stale cache.
/// </summary>
public sealed class ModuleCatalog(ModuleRegistry registry, ModuleStateStore store) : IModuleCatalog
{
    private HashSet<string>? _enabled;

    /// <summary>Loads the switched-on set asynchronously; the host calls it at the start of each request.</summary>
    public async Task LoadAsync(CancellationToken ct = default) => _enabled ??= await store.LoadEnabledAsync(ct);

    /// <summary>Drops this scope's snapshot, so the rest of the request sees a toggle it just made.</summary>
    public void Forget() => _enabled = null;

    public IReadOnlyList<ModuleManifest> Installed => registry.Modules.Select(m => m.Manifest).ToList();

    public bool IsEnabled(string moduleId) => Status(moduleId) == ModuleStatus.Enabled;

    /// <summary>Whether an administrator left the module switched on, faulted or not.</summary>
    public bool IsSwitchedOn(string moduleId) => EnabledIds.Contains(moduleId);

    public ModuleStatus? Status(string moduleId)
    {
        if (registry.Find(moduleId) is not { } module) return null;
        if (module.IsFaulted) return ModuleStatus.Faulted;
        return EnabledIds.Contains(moduleId) ? ModuleStatus.Enabled : ModuleStatus.Disabled;
    }

    public IReadOnlyList<ModuleManifest> Enabled(ModuleKind? kind = null) =>
        registry.Modules.Where(m => IsEnabled(m.Id) && (kind is null || m.Manifest.Kind == kind)).Select(m => m.Manifest).ToList();

    public IEnumerable<InstalledModule> EnabledModules => registry.Modules.Where(m => IsEnabled(m.Id));

    // Outside a request (background jobs, startup) nobody preloads: Microsoft.Data.Sqlite completes its
    // "async" calls synchronously, so blocking here cannot deadlock.
    private HashSet<string> EnabledIds => _enabled ??= store.LoadEnabledAsync().GetAwaiter().GetResult();
}
