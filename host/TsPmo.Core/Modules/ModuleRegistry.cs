using System.Reflection;
using TsPmo.Sdk.Modules;

namespace TsPmo.Core.Modules;

/// <summary>
/// The modules this process found, in dependency order, with their faults. Whether a module is enabled
/// lives in the database (<see cref="ModuleStateStore"/>) so every host behind a load balancer agrees.
/// </summary>
public sealed class ModuleRegistry
{
    private readonly Dictionary<string, InstalledModule> _byId;
    private readonly Dictionary<Assembly, InstalledModule> _byAssembly;

    public ModuleRegistry(IEnumerable<InstalledModule> modules)
    {
        var list = modules.ToList();
        _byId = new Dictionary<string, InstalledModule>(StringComparer.Ordinal);
        foreach (var module in list)
        {
            if (!_byId.TryAdd(module.Id, module))
                module.MarkFaulted($"Another module with id '{module.Id}' is already installed from {_byId[module.Id].Location}.");
        }
        Modules = ModuleOrder.Sort(list.Where(m => _byId[m.Id] == m).ToList());
        _byAssembly = Modules.Where(m => m.Assembly is not null).ToDictionary(m => m.Assembly!, m => m);
        MarkBrokenDependencies();
    }

    /// <summary>Installed modules, every module after the modules it depends on.</summary>
    public IReadOnlyList<InstalledModule> Modules { get; }

    public InstalledModule? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The module that owns a type's assembly, or null for host and core types.</summary>
    public InstalledModule? OwnerOf(Assembly assembly) => _byAssembly.GetValueOrDefault(assembly);

    /// <summary>Faults a module and, transitively, every module that depends on it.</summary>
    public void Fault(string id, string error)
    {
        if (Find(id) is not { } module) return;
        module.MarkFaulted(error);
        MarkBrokenDependencies();
    }

    private void MarkBrokenDependencies()
    {
        // Modules are in dependency order, so one pass reaches every transitive dependant.
        foreach (var module in Modules)
        {
            foreach (var dependency in module.Manifest.DependsOn)
            {
                if (Find(dependency) is not { } found)
                    module.MarkFaulted($"Depends on module '{dependency}', which is not installed.");
                else if (found.IsFaulted)
                    module.MarkFaulted($"Depends on module '{dependency}', which is faulted.");
            }
        }
    }
}
