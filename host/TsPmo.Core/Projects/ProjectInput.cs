namespace TsPmo.Core.Projects;

/// <summary>What a user submits to create or edit a project, before validation.</summary>
public sealed record ProjectInput
{
    public string? Name { get; init; }
    public string? Code { get; init; }
    public string? Description { get; init; }
    public long? OwnerPersonId { get; init; }
    public long? SponsorPersonId { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? TargetDate { get; init; }
    public decimal? BudgetAmount { get; init; }
    public string? Currency { get; init; }
    public int BusinessValue { get; init; } = 3;
    public int StrategicImportance { get; init; } = 3;
    public ProjectPriority Priority { get; init; } = ProjectPriority.Medium;
    public string? MethodologyId { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Who reads the project; null keeps it (on update) or takes the organization's default (on create).</summary>
    public TsPmo.Sdk.Security.ProjectVisibility? Visibility { get; init; }
}
