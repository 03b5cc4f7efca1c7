namespace TsPmo.Core.People;

/// <summary>Someone who does the work, as stored; <see cref="Version"/> guards every edit of the person's own fields.</summary>
public sealed record Person
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string? Email { get; init; }
    public string? Title { get; init; }
    public decimal WeeklyCapacityHours { get; init; }

    /// <summary>The sign-in account this person is, if any: it makes them a project manager where they are one.</summary>
    public long? UserId { get; init; }
    public string? UserDisplayName { get; init; }
    public string? UserEmail { get; init; }
    public bool Archived { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }
    public IReadOnlyList<Skill> Skills { get; init; } = [];
    public IReadOnlyList<TimeOffPeriod> TimeOff { get; init; } = [];
}
