namespace TsPmo.Waterfall.Engine.Calendars;

/// <summary>
/// Dates [From, To] that work differently from the week: no intervals = non-working (a holiday). <see cref="Id"/> is the
/// stored row's id (null for one not saved yet), so an edit names the exception it means rather than its place in a list.
/// </summary>
public sealed record CalendarException(DateOnly From, DateOnly To, IReadOnlyList<WorkingInterval> Working, string? Name = null, long? Id = null);
