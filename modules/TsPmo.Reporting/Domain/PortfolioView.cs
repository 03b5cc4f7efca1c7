using System.Collections.Concurrent;

namespace TsPmo.Reporting.Domain;

/// <summary>Every non-archived project with its progress and health, computed once per change stamp.</summary>
public sealed record PortfolioView(IReadOnlyList<ProjectRow> Projects, DateOnly Today, IReadOnlyDictionary<string, string> MethodologyNames)
{
    private Dictionary<long, ProjectRow>? _byId;

    public ProjectRow? Find(long id) => (_byId ??= Projects.ToDictionary(p => p.Id)).GetValueOrDefault(id);

    public IEnumerable<ProjectRow> Active => Projects.Where(p => p.IsActive);

    public string MethodologyName(string id) => MethodologyNames.GetValueOrDefault(id, id);

    /// <summary>
    /// The view a reader gets: only the projects they may read, with every figure derived from those alone. Readers
    /// hidden from the same projects share one restricted view (and its memoized KPIs) while this view is cached.
    /// </summary>
    public PortfolioView Restrict(TsPmo.Sdk.Security.ProjectReadScope scope) =>
        scope.IsEverything ? this
        // A new instance, not `with`: a copy would share this view's memo and answer with everyone's KPIs.
        : Memo("restricted:" + string.Join(',', scope.Hidden.Order()),
            v => new PortfolioView(scope.Filter(v.Projects, p => p.Id).ToList(), v.Today, v.MethodologyNames));

    private readonly ConcurrentDictionary<string, Lazy<object>> _memo = new();

    /// <summary>
    /// Something derived from this view (KPIs, the serialized health JSON), computed once and shared while the view is
    /// cached: the view is immutable, so whatever is derived from it is too.
    /// </summary>
    public T Memo<T>(string key, Func<PortfolioView, T> make) where T : class =>
        (T)_memo.GetOrAdd(key, _ => new Lazy<object>(() => make(this))).Value;

    private readonly ConcurrentDictionary<string, Task<object>> _memoTasks = new();

    /// <summary>
    /// A query whose answer changes only with an audited change (so only with the view), run once per view. It runs
    /// without the request's cancellation, so one aborted request cannot leave a cancelled answer behind; a failure is
    /// not kept.
    /// </summary>
    public async Task<T> MemoAsync<T>(string key, Func<Task<T>> make) where T : class
    {
        var task = _memoTasks.GetOrAdd(key, _ => Run(make));
        try
        {
            return (T)await task;
        }
        catch
        {
            _memoTasks.TryRemove(new KeyValuePair<string, Task<object>>(key, task));
            throw;
        }

        static async Task<object> Run(Func<Task<T>> make) => await make();
    }
}
