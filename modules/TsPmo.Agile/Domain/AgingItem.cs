namespace TsPmo.Agile.Domain;

/// <summary>
/// A card in progress (started, not done) and how long it has been since it started. <see cref="OlderThanP85"/>
/// flags it once it is older than the 85th percentile cycle time: most cards were done by that age, so this one
/// needs attention.
/// </summary>
public sealed record AgingItem(long CardId, string Title, string Column, double AgeDays, bool OlderThanP85);
