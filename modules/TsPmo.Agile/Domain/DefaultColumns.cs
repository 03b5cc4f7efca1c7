namespace TsPmo.Agile.Domain;

/// <summary>The board a new Kanban project starts with; teams change it under Columns.</summary>
public static class DefaultColumns
{
    public static readonly IReadOnlyList<ColumnDefinition> All =
    [
        new("Backlog", null, "Ideas and requests, not yet committed to.", false, false),
        new("Ready", 5, "Refined, small enough to finish in a week, acceptance criteria written.", false, false),
        new("In progress", 3, "Someone is working on it; blocked cards stay here, flagged.", true, false),
        new("Review", 2, "Code review and testing by someone other than the author.", false, false),
        new("Done", null, "Released to users.", false, true),
    ];
}
