namespace TsPmo.Sdk.Modules;

/// <summary>
/// The implementations of a port contributed by the host and by the modules enabled right now.
/// Consume ports through this instead of <c>IEnumerable&lt;T&gt;</c>, so that a disabled or faulted
/// module's widgets, signals and handlers are skipped.
/// </summary>
public interface IEnabledContributions<out T> where T : class
{
    IReadOnlyList<T> All { get; }

    /// <summary>
    /// The id of the module that contributed <paramref name="contribution"/> (one of <see cref="All"/>), as the host
    /// registered it; null for the host's and core's own, and for an object that is not one of them.
    /// </summary>
    string? ModuleOf(object contribution) => null;
}
