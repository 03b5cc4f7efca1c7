namespace TsPmo.Agile.Domain;

/// <summary>
/// The three instants flow metrics need from a card: when it was created (lead time starts), when it entered a
/// "started" column (cycle time starts) and when it entered a "done" column (both stop).
/// </summary>
public sealed record CardFlow(long CardId, string Title, DateTimeOffset Created, DateTimeOffset? Started, DateTimeOffset? Done);
