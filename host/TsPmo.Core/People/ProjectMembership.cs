using TsPmo.Sdk.Security;
namespace TsPmo.Core.People;

/// <summary>One member of a project, with the person's directory facts a members list shows.</summary>
public sealed record ProjectMembership
{
    public long ProjectId { get; init; }
    public long PersonId { get; init; }
    public string Name { get; init; } = "";
    public string? Title { get; init; }
    public string? Email { get; init; }
    public bool Archived { get; init; }
    public ProjectRole Role { get; init; }
    public DateTimeOffset AddedAt { get; init; }

    /// <summary>Bumped by each role change; a change or removal that sends an older one is refused.</summary>
    public long Version { get; init; }
}
