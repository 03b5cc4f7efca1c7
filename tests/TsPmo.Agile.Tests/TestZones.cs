namespace TsPmo.Agile.Tests;

/// <summary>
/// Time zones built in code so the tests do not depend on the machine's tz database (containers often lack one)
/// or on rules changing in a future tzdata release.
/// </summary>
internal static class TestZones
{
    /// <summary>Like Europe/Paris: UTC+1, summer time (+2) from the last Sunday of March 02:00 to the last Sunday of October 03:00.</summary>
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.CreateCustomTimeZone(
        "Test/Paris", TimeSpan.FromHours(1), "Test Paris", "CET", "CEST",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                new DateTime(2000, 1, 1), new DateTime(2099, 12, 31), TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday)),
        ]);

    /// <summary>
    /// UTC−4 with summer time (−3) that starts at midnight on 8 September (00:00 jumps to 01:00, so that midnight
    /// never happens, as in Chile) and ends at 01:00 on 1 November (back to 00:00, so that midnight happens twice).
    /// </summary>
    public static readonly TimeZoneInfo MidnightShift = TimeZoneInfo.CreateCustomTimeZone(
        "Test/MidnightShift", TimeSpan.FromHours(-4), "Test Midnight Shift", "STD", "DST",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                new DateTime(2000, 1, 1), new DateTime(2099, 12, 31), TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 0, 0, 0), 9, 8),
                TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 1, 0, 0), 11, 1)),
        ]);

    /// <summary>UTC+10 all year (like Australia/Brisbane): far enough from UTC to move instants across midnight.</summary>
    public static readonly TimeZoneInfo Plus10 = TimeZoneInfo.CreateCustomTimeZone(
        "Test/Plus10", TimeSpan.FromHours(10), "Test +10", "Test +10");
}
