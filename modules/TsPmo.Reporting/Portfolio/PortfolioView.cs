using System.Collections.Concurrent;

namespace TsPmo.Reporting.Portfolio;

/// <summary>Every non-archived project with its progress and health, computed once per change stamp.</summary>
public sealed record PortfolioView(IReadOnlyList<ProjectRow> Projects, DateOnly Today, IReadOnlyDictionary<string, string> MethodologyNames)
{
    private Dictionary<long, ProjectRow>? _byId;

    public ProjectRow? Find(long id) => (_byId ??= Projects.ToDictionary(p => p.Id)).GetValueOrDefault(id);

    public IEnumerable<ProjectRow> Active => Projects.Where(p => p.IsActive);

    public string MethodologyName(string id) => MethodologyNames.GetValueOrDefault(id, id);

    private readonly ConcurrentDictionary<string, Lazy<object>> _memo = new();

    /// <summary>
    /// Something derived from this view (KPIs, the serialized health JSON), computed once and shared while the view is
    /// cached: the view is immutable, so whatever is derived from it is too.
    /// </summary>
    public T Memo<T>(string key, Func<PortfolioView, T> make) where T : class =>
        (T)_memo.GetOrAdd(key, _ => new Lazy<object>(() => make(this))).Value;
}
