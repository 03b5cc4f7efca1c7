namespace TsPmo.Risk.Domain;

/// <summary>Something the plan takes as true until someone checks it.</summary>
public sealed record Assumption
{
    public long Id { get; init; }
    public long ProjectId { get; init; }
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public bool Validated { get; init; }
    public string? ValidatedBy { get; init; }
    public DateTimeOffset? ValidatedAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }
}

public sealed record AssumptionInput
{
    public string? Title { get; init; }
    public string? Description { get; init; }
}
