namespace TsPmo.Sdk.Ports.Directory;

/// <summary>Read access to the people who do the work. Implemented by core.</summary>
public interface IPeopleDirectory
{
    Task<PersonInfo?> FindAsync(long personId, CancellationToken ct = default);

    Task<IReadOnlyList<PersonInfo>> ListAsync(CancellationToken ct = default);

    /// <summary>
    /// The people with these ids, archived ones included, keyed by id (ids not in the directory are absent): how a
    /// module shows names beside its own rows without joining core's tables.
    /// </summary>
    Task<IReadOnlyDictionary<long, PersonInfo>> FindManyAsync(IEnumerable<long> personIds, CancellationToken ct = default);

    /// <summary>Members of a project with their project role (Manager, Member, Viewer).</summary>
    Task<IReadOnlyList<ProjectMember>> MembersAsync(long projectId, CancellationToken ct = default);
}

public sealed record PersonInfo(long Id, string Name, string? Email, decimal WeeklyCapacityHours, long? UserId);

public sealed record ProjectMember(long PersonId, string Name, string ProjectRole);
