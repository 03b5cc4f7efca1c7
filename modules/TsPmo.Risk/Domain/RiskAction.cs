namespace TsPmo.Risk.Domain;

/// <summary>A mitigation action of a risk.</summary>
public sealed record RiskAction
{
    public long Id { get; init; }
    public long RiskId { get; init; }
    public string Title { get; init; } = "";
    public long? Owner { get; init; }
    public string? OwnerName { get; init; }
    public DateOnly? DueDate { get; init; }
    public ActionStatus Status { get; init; }
    public long Version { get; init; }

    public bool IsOpen => Status is ActionStatus.Open or ActionStatus.InProgress;
}
