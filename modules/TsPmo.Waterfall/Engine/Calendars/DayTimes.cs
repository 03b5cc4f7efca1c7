namespace TsPmo.Waterfall.Engine.Calendars;

/// <summary>
/// Where a date-only value lands in working time: a start at the day's first working minute, a finish at its last
/// (Microsoft Project's default start and finish times). Read from the calendar definition, so it needs no engine.
/// </summary>
public static class DayTimes
{
    public static IReadOnlyList<WorkingInterval> Intervals(CalendarDefinition calendar, DateOnly day)
    {
        foreach (var e in calendar.Exceptions)
            if (day >= e.From && day <= e.To) return e.Working;
        return calendar.Week.TryGetValue(day.DayOfWeek, out var week) ? week : [];
    }

    public static DateTime StartOf(CalendarDefinition calendar, DateOnly day) =>
        day.ToDateTime(TimeOnly.MinValue).AddMinutes(Intervals(calendar, day) is { Count: > 0 } i ? i.Min(x => x.StartMinute) : 8 * 60);

    public static DateTime EndOf(CalendarDefinition calendar, DateOnly day) =>
        day.ToDateTime(TimeOnly.MinValue).AddMinutes(Intervals(calendar, day) is { Count: > 0 } i ? i.Max(x => x.EndMinute) : 17 * 60);
}
