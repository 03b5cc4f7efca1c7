using TsPmo.Sdk.Modules;

namespace TsPmo.Core.Modules;

/// <summary>The registered implementations of a port, less those whose module is disabled or faulted.</summary>
public sealed class EnabledContributions<T>(IEnumerable<T> all, ModuleRegistry registry, ModuleCatalog catalog)
    : IEnabledContributions<T> where T : class
{
    private IReadOnlyList<T>? _enabled;

    public IReadOnlyList<T> All => _enabled ??= all
        .Where(x => registry.OwnerOf(x.GetType().Assembly) is not { } owner || catalog.IsEnabled(owner.Id))
        .ToList();
}
