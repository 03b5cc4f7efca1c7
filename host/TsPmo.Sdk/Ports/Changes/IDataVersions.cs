namespace TsPmo.Sdk.Ports.Changes;

/// <summary>
/// How far the organization's data has moved: a counter core advances with every audited change (every write through
/// the SDK's unit of work or <c>IAuditLog</c>), overall and per project. A cache stores the version it was built at and
/// rebuilds when the version moves — instead of reading core's audit table. Implemented by core.
/// </summary>
public interface IDataVersions
{
    /// <summary>The current version of everything; cheap (an index lookup).</summary>
    Task<DataVersion> CurrentAsync(CancellationToken ct = default);

    /// <summary>The version of one project's data: moves with every audited change that names the project.</summary>
    Task<long> OfProjectAsync(long projectId, CancellationToken ct = default);

    /// <summary>
    /// What changed after <paramref name="since"/> up to <paramref name="upTo"/>: the projects named, and whether some
    /// change named no project (other than accounts and API tokens, which touch no project's figures). Null when more
    /// than <paramref name="limit"/> changes happened: rebuild everything then.
    /// </summary>
    Task<DataChanges?> ChangesAsync(long since, long upTo, int limit, CancellationToken ct = default);
}

/// <param name="Changes">The change counter: only grows.</param>
/// <param name="ProjectFacts">
/// A digest of the projects' own rows (count and last update), which also moves for projects written without an
/// audit entry (seeding, imports).
/// </param>
public sealed record DataVersion(long Changes, string ProjectFacts);

/// <summary>The projects a range of changes named; <paramref name="Unscoped"/> when one of them named none.</summary>
public sealed record DataChanges(IReadOnlySet<long> Projects, bool Unscoped);
