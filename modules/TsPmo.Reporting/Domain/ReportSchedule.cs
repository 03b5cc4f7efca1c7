using System.Globalization;

namespace TsPmo.Reporting.Domain;

/// <summary>
/// When the weekly status reports are due: a weekday and a time of day in the organization's zone (module settings).
/// The slot is the latest such instant not after now; it is due for <see cref="CatchUpWindow"/> after it, so a host
/// restarted on Monday morning still generates Monday's reports, but one started on Thursday does not.
/// </summary>
public sealed record ReportSchedule(DayOfWeek Day, TimeOnly Time)
{
    public const string EnabledKey = "scheduleEnabled";
    public const string WeekdayKey = "scheduleWeekday";
    public const string TimeKey = "scheduleTime";
    public static readonly TimeSpan CatchUpWindow = TimeSpan.FromDays(1);

    /// <summary>The schedule from the settings' text, or null with the reason.</summary>
    public static ReportSchedule? Parse(string weekday, string time, out string? error)
    {
        error = null;
        if (!Enum.TryParse<DayOfWeek>(weekday.Trim(), true, out var day) || !weekday.Trim().All(char.IsLetter))
            error = $"\"{weekday}\" is not a weekday (Monday … Sunday).";
        else if (!TimeOnly.TryParseExact(time.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            error = $"\"{time}\" is not a time of day (HH:mm, 24-hour).";
        else return new ReportSchedule(day, at);
        return null;
    }

    /// <summary>The latest slot at or before <paramref name="utcNow"/>, as a UTC instant.</summary>
    public DateTimeOffset SlotAtOrBefore(DateTimeOffset utcNow, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(utcNow, zone);
        var daysBack = ((int)local.DayOfWeek - (int)Day + 7) % 7;
        var date = DateOnly.FromDateTime(local.DateTime).AddDays(-daysBack);
        var slotLocal = date.ToDateTime(Time);
        if (slotLocal > local.DateTime) slotLocal = slotLocal.AddDays(-7);
        var offset = zone.GetUtcOffset(slotLocal);
        return new DateTimeOffset(slotLocal, offset).ToUniversalTime();
    }

    /// <summary>The slot to generate now, or null when none is due.</summary>
    public DateTimeOffset? DueSlot(DateTimeOffset utcNow, TimeZoneInfo zone)
    {
        var slot = SlotAtOrBefore(utcNow, zone);
        return utcNow - slot < CatchUpWindow ? slot : null;
    }
}
