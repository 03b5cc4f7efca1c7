namespace TsPmo.Scrum.Domain;

public enum ActionStatus { Open, InProgress, Done }

public sealed record RetroAction
{
    public long Id { get; init; }
    public long SprintId { get; init; }
    public string SprintName { get; init; } = "";
    public string Text { get; init; } = "";
    public long? OwnerPersonId { get; init; }
    public string? OwnerName { get; init; }
    public ActionStatus Status { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DoneAt { get; init; }
    public long Version { get; init; }
}

/// <summary>
/// A sprint's retrospective: what went well, what to improve (Markdown), the actions agreed in it, and the actions of
/// earlier retrospectives that are not done yet — they are carried to every later retrospective until done.
/// </summary>
public sealed record Retro(long SprintId, string SprintName, string WentWell, string ToImprove, long Version,
    IReadOnlyList<RetroAction> Actions, IReadOnlyList<RetroAction> CarriedActions);

internal sealed record RetroRow(string WentWell, string ToImprove, long Version);

public sealed record RetroInput(string? WentWell, string? ToImprove);

public sealed record ActionInput(string? Text, long? OwnerPersonId);
