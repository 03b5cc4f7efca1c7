using TsPmo.Sdk.Ports.Lifecycle;
using TsPmo.Sdk.Security;

namespace TsPmo.Core.Projects;

public enum ProjectPriority { Low, Medium, High, Critical }

/// <summary>A project of the portfolio as stored; <see cref="Version"/> guards every edit.</summary>
public sealed record Project
{
    public long Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public long? OwnerPersonId { get; init; }
    public string? OwnerName { get; init; }
    public long? SponsorPersonId { get; init; }
    public string? SponsorName { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? TargetDate { get; init; }
    public long? BudgetMinor { get; init; }
    public string? Currency { get; init; }
    public int BusinessValue { get; init; }
    public int StrategicImportance { get; init; }
    public ProjectPriority Priority { get; init; }
    public string MethodologyId { get; init; } = "";
    public LifecyclePhase Phase { get; init; }
    public string? PhaseReason { get; init; }
    public LifecyclePhase? PhaseBeforeHold { get; init; }
    public bool Archived { get; init; }
    public ProjectVisibility Visibility { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];

    public Money? Budget => BudgetMinor is { } minor && Currency is { } c ? new Money(minor, c) : null;
}
