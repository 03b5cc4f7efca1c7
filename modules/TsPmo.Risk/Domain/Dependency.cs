namespace TsPmo.Risk.Domain;

/// <summary>Something the project needs from another project or from a vendor, by a date.</summary>
public sealed record Dependency
{
    public long Id { get; init; }
    public long ProjectId { get; init; }
    public string Title { get; init; } = "";
    public long? OnProjectId { get; init; }
    public string? OnProjectName { get; init; }
    public string? Vendor { get; init; }
    public DateOnly? NeededBy { get; init; }
    public DependencyStatus Status { get; init; }
    public long? OwnerId { get; init; }
    public string? OwnerName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }
}

/// <summary>What a user submits for a dependency: exactly one of <see cref="OnProjectId"/> and <see cref="Vendor"/>.</summary>
public sealed record DependencyInput
{
    public string? Title { get; init; }
    public long? OnProjectId { get; init; }
    public string? Vendor { get; init; }
    public DateOnly? NeededBy { get; init; }
    public string? Status { get; init; }
    public long? OwnerId { get; init; }
}

public sealed record DependencyFields(string Title, long? OnProjectId, string? Vendor, DateOnly? NeededBy, DependencyStatus Status, long? OwnerId);
