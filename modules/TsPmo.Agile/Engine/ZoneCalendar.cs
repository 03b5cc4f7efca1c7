using TsPmo.Sdk.Time;

namespace TsPmo.Agile.Engine;

/// <summary>
/// Calendar days and weeks in the organization's time zone. Metrics bucket instants by local day, and the CSV
/// importer reads a bare date as that day's start, so both must agree on where a day begins — including on days
/// a daylight-saving change skips or repeats midnight.
/// </summary>
internal static class ZoneCalendar
{
    /// <summary>The local calendar day <paramref name="instant"/> falls on.</summary>
    public static DateOnly DayOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>
    /// The first instant of <paramref name="day"/> in <paramref name="zone"/>: midnight, or when midnight does not
    /// exist (a spring-forward gap at 00:00, as in Chile or Brazil's old rules) the instant the gap ends; when
    /// midnight happens twice (a fall-back at 01:00 to 00:00) the earlier one.
    /// </summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(midnight))
        {
            // Read the skipped wall-clock time with the offset in force before the gap: that names the transition
            // instant itself, which the zone shows as the end of the gap (e.g. 01:00).
            var before = zone.GetUtcOffset(midnight.AddHours(-12));
            return new DateTimeOffset(midnight, before);
        }
        if (zone.IsAmbiguousTime(midnight))
        {
            // The larger offset is the first occurrence (still on summer time).
            var offsets = zone.GetAmbiguousTimeOffsets(midnight);
            return new DateTimeOffset(midnight, offsets.Max());
        }
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    /// <summary>The Monday on or before <paramref name="day"/>: <see cref="Weeks.StartOf"/>, kept under this name for the calendar's callers.</summary>
    public static DateOnly WeekStart(DateOnly day) => Weeks.StartOf(day);
}
