namespace TsPmo.Core.People;

/// <summary>What a user submits to create or edit a person, before validation. Time off is changed on its own.</summary>
public sealed record PersonInput
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Title { get; init; }
    public decimal WeeklyCapacityHours { get; init; } = 40;
    public long? UserId { get; init; }
    public IReadOnlyList<SkillInput>? Skills { get; init; }
}
