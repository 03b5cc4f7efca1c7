namespace TsPmo.Agile.Domain;

/// <summary>
/// A column of a project's board. <see cref="IsStarted"/> marks the commitment point (cards entering it or any
/// column after it count as started); <see cref="IsDone"/> marks the column that means done.
/// </summary>
public sealed record BoardColumn
{
    public long Id { get; init; }
    public long ProjectId { get; init; }
    public int Position { get; init; }
    public string Name { get; init; } = "";
    public int? WipLimit { get; init; }
    public string Policy { get; init; } = "";
    public bool IsStarted { get; init; }
    public bool IsDone { get; init; }
}
