namespace TsPmo.Sdk.Ports.Directory;

/// <summary>Read access to the people who do the work. Implemented by core.</summary>
public interface IPeopleDirectory
{
    Task<PersonInfo?> FindAsync(long personId, CancellationToken ct = default);

    Task<IReadOnlyList<PersonInfo>> ListAsync(CancellationToken ct = default);

    /// <summary>Members of a project with their project role (Manager, Member, Viewer).</summary>
    Task<IReadOnlyList<ProjectMember>> MembersAsync(long projectId, CancellationToken ct = default);
}

public sealed record PersonInfo(long Id, string Name, string? Email, decimal WeeklyCapacityHours, long? UserId);

public sealed record ProjectMember(long PersonId, string Name, string ProjectRole);
