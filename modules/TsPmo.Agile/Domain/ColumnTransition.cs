namespace TsPmo.Agile.Domain;

/// <summary>
/// One recorded move of a card. The first transition of a card has <see cref="FromColumn"/> null: its creation
/// into a column. The cumulative flow diagram is rebuilt from these, so they must be complete.
/// </summary>
public sealed record ColumnTransition(long CardId, string? FromColumn, string ToColumn, DateTimeOffset At);
