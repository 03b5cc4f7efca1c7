namespace TsPmo.Waterfall.Scheduling;

/// <summary>
/// Working-time arithmetic over a <see cref="CalendarDefinition"/>, to the minute. Immutable and thread-safe once built.
/// CONTRACT (implemented by the scheduling engine work; signatures are fixed).
/// </summary>
public sealed class WorkingCalendar
{
    public WorkingCalendar(CalendarDefinition definition) => Definition = definition;

    public CalendarDefinition Definition { get; }

    public bool IsWorkingDay(DateOnly day) => throw new NotImplementedException();

    /// <summary>The first working moment at or after <paramref name="at"/>.</summary>
    public DateTime NextWorkingMoment(DateTime at) => throw new NotImplementedException();

    /// <summary><paramref name="at"/> plus (or minus, when negative) working minutes. Adding lands at the end of a working interval rather than the start of the next.</summary>
    public DateTime AddWorkingMinutes(DateTime at, long minutes) => throw new NotImplementedException();

    /// <summary>Working minutes in [from, to); negative when to &lt; from.</summary>
    public long WorkingMinutesBetween(DateTime from, DateTime to) => throw new NotImplementedException();

    /// <summary>Working minutes on one day.</summary>
    public int WorkingMinutesOn(DateOnly day) => throw new NotImplementedException();

    /// <summary>The day a start belongs to: its date, or the next working day when it is at/after the day's last working minute.</summary>
    public DateOnly StartDay(DateTime start) => throw new NotImplementedException();

    /// <summary>The day a finish belongs to, as Microsoft Project shows it: a finish at or before the day's first working minute belongs to the previous working day.</summary>
    public DateOnly FinishDay(DateTime finish) => throw new NotImplementedException();
}
