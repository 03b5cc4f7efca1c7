namespace TsPmo.Waterfall.Scheduling;

/// <summary>Dates [From, To] that work differently from the week: no intervals = non-working (a holiday).</summary>
public sealed record CalendarException(DateOnly From, DateOnly To, IReadOnlyList<WorkingInterval> Working, string? Name = null);
