namespace TsPmo.Waterfall.Engine.Scheduling;

/// <summary>
/// A computed schedule: <see cref="Tasks"/> in the input's outline order; <see cref="CriticalPath"/> the ids of
/// the critical non-summary tasks in early-start order.
/// </summary>
public sealed record Schedule(DateTime Start, DateTime Finish, IReadOnlyList<ScheduledTask> Tasks, IReadOnlyList<long> CriticalPath);
