namespace TsPmo.Core.Modules;

/// <summary>
/// Which module contributes which port implementation, in module order. Module contributions are registered in DI
/// under their own type, not under the port, so that <see cref="EnabledContributions{T}"/> constructs only those of
/// enabled modules, one at a time, and can isolate a constructor that throws.
/// </summary>
public sealed class ContributionIndex
{
    private readonly List<(Type Service, Type Implementation, string ModuleId)> _entries = [];

    public void Add(Type service, Type implementation, string moduleId)
    {
        if (!_entries.Contains((service, implementation, moduleId))) _entries.Add((service, implementation, moduleId));
    }

    public IEnumerable<(Type Implementation, string ModuleId)> For(Type service) =>
        _entries.Where(e => e.Service == service).Select(e => (e.Implementation, e.ModuleId));
}
