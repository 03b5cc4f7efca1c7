using TsPmo.Scrum.Services;
namespace TsPmo.Scrum.Domain;

public enum ItemType { Story, Bug, Task }

public enum ItemStatus { ToDo, InProgress, Done }

public static class ItemStatuses
{
    public static string Label(ItemStatus status) => status switch
    {
        ItemStatus.ToDo => "To do",
        ItemStatus.InProgress => "In progress",
        _ => "Done",
    };

    /// <summary>Reads "Done", "done", "To do", "ToDo", "in progress"…; null when it is none of them.</summary>
    public static ItemStatus? Parse(string? text)
    {
        var key = (text ?? "").Replace(" ", "").Replace("_", "").Replace("-", "").Trim();
        return Enum.TryParse<ItemStatus>(key, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(key, out _) ? status : null;
    }
}

/// <summary>A product backlog item: a story, bug or task.</summary>
public sealed record BacklogItem
{
    public long Id { get; init; }
    public long ProjectId { get; init; }
    public long? SprintId { get; init; }
    public string? SprintName { get; init; }
    public ItemType Type { get; init; }
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public string AcceptanceCriteria { get; init; } = "";
    public decimal Points { get; init; }
    public decimal? EstimateHours { get; init; }
    public long? AssigneeId { get; init; }
    public string? AssigneeName { get; init; }
    public ItemStatus Status { get; init; }
    public int Rank { get; init; }
    public int BoardPosition { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? DoneAt { get; init; }
    public long Version { get; init; }
}

/// <summary>What a user submits to create or edit an item.</summary>
public sealed record ItemInput
{
    public string? Title { get; init; }
    public ItemType Type { get; init; } = ItemType.Story;
    public string? Description { get; init; }
    public string? AcceptanceCriteria { get; init; }
    public decimal? Points { get; init; }
    public decimal? EstimateHours { get; init; }
    public long? AssigneeId { get; init; }
    public ItemStatus Status { get; init; } = ItemStatus.ToDo;
}

/// <summary>One recorded change of an item: its kind (Created, Status, Committed, Added, Removed, Resized, CarriedOver), when and by whom.</summary>
public sealed record ItemEvent
{
    public string Kind { get; init; } = "";
    public string? SprintName { get; init; }
    public ItemStatus? FromStatus { get; init; }
    public ItemStatus? ToStatus { get; init; }
    public double ScopeDelta { get; init; }
    public double DoneDelta { get; init; }
    public DateTimeOffset At { get; init; }
    public string ByName { get; init; } = "";
}
