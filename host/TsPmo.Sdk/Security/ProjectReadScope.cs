namespace TsPmo.Sdk.Security;

/// <summary>
/// The projects the current user may read, as the few they may not: the Private projects they are not a member of.
/// Computed once per request by <see cref="Ports.Directory.IProjectPermissions.ReadScopeAsync"/>; a list of a
/// thousand projects is filtered in memory or with <c>NOT IN @Hidden</c>, never with a query per row.
/// </summary>
public sealed class ProjectReadScope
{
    private readonly HashSet<long> _hidden;

    public ProjectReadScope(IEnumerable<long> hidden) => _hidden = [.. hidden];

    /// <summary>Admins, the PMO and background work (no signed-in user) read every project.</summary>
    public static ProjectReadScope Everything { get; } = new([]);

    /// <summary>Ids of the projects the user may not read (possibly empty, never null).</summary>
    public IReadOnlyCollection<long> Hidden => _hidden;

    public bool IsEverything => _hidden.Count == 0;

    public bool CanRead(long projectId) => !_hidden.Contains(projectId);

    public bool CanRead(long? projectId) => projectId is not { } id || CanRead(id);

    /// <summary>The items whose project the user may read, in their order.</summary>
    public IEnumerable<T> Filter<T>(IEnumerable<T> items, Func<T, long> projectId) =>
        IsEverything ? items : items.Where(i => CanRead(projectId(i)));

    /// <summary>
    /// Ids to pass to SQL as <c>project_id NOT IN @hidden</c>: never empty, because <c>NOT IN ()</c> is not valid
    /// everywhere; 0 is no project's id.
    /// </summary>
    public IReadOnlyCollection<long> HiddenForSql => _hidden.Count == 0 ? [0L] : _hidden;
}
