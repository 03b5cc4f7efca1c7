namespace TsPmo.Risk.Domain;

/// <summary>A problem the project has now (unlike a risk, which may happen).</summary>
public sealed record Issue
{
    public long Id { get; init; }
    public long ProjectId { get; init; }
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public IssueSeverity Severity { get; init; }
    public long? OwnerId { get; init; }
    public string? OwnerName { get; init; }
    public DateOnly? DueDate { get; init; }
    public IssueStatus Status { get; init; }
    public string? Resolution { get; init; }
    /// <summary>The risk that occurred and became this issue, if any.</summary>
    public long? FromRiskId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }
}

/// <summary>
/// What a user submits for an issue. Severity and status are text so that an unknown value is a field error
/// (with the allowed values), not a JSON binding failure.
/// </summary>
public sealed record IssueInput
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Severity { get; init; }
    public long? OwnerId { get; init; }
    public DateOnly? DueDate { get; init; }
    public string? Status { get; init; }
    public string? Resolution { get; init; }
}

/// <summary>An issue's fields once checked.</summary>
public sealed record IssueFields(string Title, string Description, IssueSeverity Severity, long? OwnerId, DateOnly? DueDate,
    IssueStatus Status, string? Resolution);
