namespace TsPmo.Sdk.Ports.Directory;

/// <summary>Read access to the portfolio's projects. Implemented by core, consumed by every module.</summary>
public interface IProjectDirectory
{
    /// <summary>The project, or null when it does not exist or the current user may not read it (a Private project of others).</summary>
    Task<ProjectInfo?> FindAsync(long projectId, CancellationToken ct = default);

    /// <summary>
    /// Every project that is not archived, or also the archived ones — all of them, whoever asks, because caches and
    /// jobs build organization-wide figures from it. Before showing a list to a user, filter it with
    /// <see cref="IProjectPermissions.ReadScopeAsync"/>.
    /// </summary>
    Task<IReadOnlyList<ProjectInfo>> ListAsync(bool includeArchived = false, CancellationToken ct = default);

    /// <summary>
    /// The projects with these ids, archived ones included, keyed by id — whoever asks, like <see cref="ListAsync"/>: a
    /// module naming projects beside its own rows filters by the caller's read scope first. Unknown ids are absent.
    /// </summary>
    Task<IReadOnlyDictionary<long, ProjectInfo>> FindManyAsync(IEnumerable<long> projectIds, CancellationToken ct = default);
}

/// <summary>The facts about a project a module may rely on.</summary>
public sealed record ProjectInfo(
    long Id,
    string Code,
    string Name,
    string MethodologyId,
    string Phase,
    DateOnly? StartDate,
    DateOnly? TargetDate,
    long? OwnerPersonId,
    bool Archived)
{
    /// <summary>The day the project last entered Closed (organization time zone), from the lifecycle history; null while not closed.</summary>
    public DateOnly? ClosedOn { get; init; }

    /// <summary>The approved budget in minor units of <see cref="Currency"/>; null when none was set.</summary>
    public long? BudgetMinor { get; init; }

    /// <summary>ISO 4217 code of the budget's currency; null when no budget was set.</summary>
    public string? Currency { get; init; }
}
