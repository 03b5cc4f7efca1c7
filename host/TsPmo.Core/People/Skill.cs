namespace TsPmo.Core.People;

/// <summary>A skill a person has, rated from 1 (basic) to 5 (expert).</summary>
public sealed record Skill(string Name, int Level);
