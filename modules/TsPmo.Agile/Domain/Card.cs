namespace TsPmo.Agile.Domain;

public sealed record Card
{
    public long Id { get; init; }
    public long ProjectId { get; init; }
    public long ColumnId { get; init; }
    public string ColumnName { get; init; } = "";
    public int Position { get; init; }
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public ClassOfService ClassOfService { get; init; }
    public long? AssigneeId { get; init; }
    public string? AssigneeName { get; init; }
    public decimal? EstimateHours { get; init; }
    public DateOnly? DueDate { get; init; }
    public bool Blocked { get; init; }
    public string? BlockedReason { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? DoneAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }
}

/// <summary>What a user submits to create or edit a card.</summary>
public sealed record CardInput
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public ClassOfService ClassOfService { get; init; } = ClassOfService.Standard;
    public long? AssigneeId { get; init; }
    public decimal? EstimateHours { get; init; }
    public DateOnly? DueDate { get; init; }
    public bool Blocked { get; init; }
    public string? BlockedReason { get; init; }
}

/// <summary>A board: its columns in order and every card on it; <see cref="ColumnsVersion"/> guards edits of the columns.</summary>
public sealed record BoardView(IReadOnlyList<BoardColumn> Columns, IReadOnlyList<Card> Cards, long ColumnsVersion = 0)
{
    public int CountIn(long columnId) => Cards.Count(c => c.ColumnId == columnId);

    public bool AtLimit(BoardColumn column) => column.WipLimit is { } limit && CountIn(column.Id) >= limit;
}
