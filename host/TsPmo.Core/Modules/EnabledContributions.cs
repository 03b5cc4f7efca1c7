using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TsPmo.Sdk.Modules;

namespace TsPmo.Core.Modules;

/// <summary>
/// The implementations of a port from core and from the modules enabled right now. A module's implementation is
/// constructed only when its module is enabled, and one whose constructor throws is skipped and recorded as a
/// problem of its module, exactly like a method that throws: the page that asked still renders.
/// </summary>
public sealed class EnabledContributions<T>(
    IEnumerable<T> registered,
    ContributionIndex index,
    IServiceProvider services,
    ModuleRegistry registry,
    ModuleCatalog catalog,
    TimeProvider time,
    ILogger<EnabledContributions<T>> logger)
    : IEnabledContributions<T> where T : class
{
    private IReadOnlyList<T>? _enabled;
    private readonly Dictionary<object, string> _owners = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<T> All => _enabled ??= Create();

    public string? ModuleOf(object contribution)
    {
        _ = All;
        return _owners.GetValueOrDefault(contribution);
    }

    private List<T> Create()
    {
        // Core's own, plus anything a module registered under the port itself in its Services block.
        var list = new List<T>();
        foreach (var x in registered)
        {
            if (registry.OwnerOf(x.GetType().Assembly) is not { } owner) list.Add(x);
            else if (catalog.IsEnabled(owner.Id))
            {
                list.Add(x);
                _owners[x] = owner.Id;
            }
        }
        foreach (var (implementation, moduleId) in index.For(typeof(T)))
        {
            if (!catalog.IsEnabled(moduleId)) continue;
            try
            {
                var contribution = (T)services.GetRequiredService(implementation);
                list.Add(contribution);
                _owners[contribution] = moduleId;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var inner = ex is System.Reflection.TargetInvocationException { InnerException: { } i } ? i : ex;
                registry.Find(moduleId)?.RecordProblem($"{typeof(T).Name} {implementation.Name}",
                    $"{implementation.Name} could not be created and is skipped: {inner.GetType().Name}: {inner.Message}", time.GetUtcNow());
                logger.LogError(ex, "Contribution {Implementation} of module {Module} could not be created", implementation.FullName, moduleId);
            }
        }
        return list;
    }
}
