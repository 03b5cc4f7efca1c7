using TsPmo.Waterfall.Engine.Calendars;

namespace TsPmo.Waterfall.Engine.Scheduling;

/// <summary>
/// Everything the scheduler needs. <see cref="Tasks"/> are in outline order (a parent before its children);
/// <see cref="ProjectStart"/> on a non-working moment moves to the first working moment after it.
/// </summary>
public sealed record PlanInput(DateTime ProjectStart, CalendarDefinition Calendar, IReadOnlyList<PlanTask> Tasks, IReadOnlyList<PlanLink> Links)
{
    /// <summary>Minutes in a "day" for durations and lags given in days (Microsoft Project's default 480).</summary>
    public int MinutesPerDay { get; init; } = 480;

    /// <summary>
    /// Microsoft Project's "tasks will always honor their constraint dates" (on by default): a must-start/finish-on or
    /// no-later-than date wins over the links (the clash shows as negative slack). Off: links win and those
    /// constraints only push a task later, never hold it earlier.
    /// </summary>
    public bool HonorConstraintDates { get; init; } = true;

    public IReadOnlyDictionary<string, CalendarDefinition> TaskCalendars { get; init; } = new Dictionary<string, CalendarDefinition>();
}
