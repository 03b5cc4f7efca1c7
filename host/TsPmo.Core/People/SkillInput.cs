namespace TsPmo.Core.People;

/// <summary>A skill as submitted, before validation: the name may be missing and the level out of range.</summary>
public sealed record SkillInput
{
    public string? Name { get; init; }
    public int Level { get; init; }
}
