namespace TsPmo.Waterfall.Engine.Calendars;

/// <summary>
/// A working calendar as stored and exchanged: the working intervals of each weekday (a missing or empty day is
/// non-working) and dated exceptions. <see cref="WorkingCalendar"/> compiles it for scheduling arithmetic.
/// </summary>
public sealed record CalendarDefinition(
    string Name,
    IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> Week,
    IReadOnlyList<CalendarException> Exceptions)
{
    /// <summary>Microsoft Project's Standard calendar: Monday to Friday, 08:00–12:00 and 13:00–17:00.</summary>
    public static CalendarDefinition Standard { get; } = new(
        "Standard",
        new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>
        {
            [DayOfWeek.Monday] = StandardDay, [DayOfWeek.Tuesday] = StandardDay, [DayOfWeek.Wednesday] = StandardDay,
            [DayOfWeek.Thursday] = StandardDay, [DayOfWeek.Friday] = StandardDay,
        },
        []);

    private static IReadOnlyList<WorkingInterval> StandardDay => [new(8 * 60, 12 * 60), new(13 * 60, 17 * 60)];
}
