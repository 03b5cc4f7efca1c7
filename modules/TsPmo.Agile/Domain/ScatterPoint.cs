namespace TsPmo.Agile.Domain;

/// <summary>
/// One finished card on the cycle-time / lead-time scatterplot. Only cards with a start instant get a point
/// (a cycle time cannot be drawn without one); cards done without a start still count in lead time and throughput.
/// </summary>
public sealed record ScatterPoint(long CardId, string Title, DateOnly DoneOn, double CycleDays, double LeadDays);
