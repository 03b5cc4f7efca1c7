using TsPmo.Agile.Engine;

namespace TsPmo.Agile.Tests;

public sealed class ZoneCalendarTests
{
    [Fact]
    public void Start_of_day_is_local_midnight_with_the_offset_in_force_that_day()
    {
        // Winter: Paris is UTC+1, so midnight on 1 March is 23:00 UTC the day before.
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 23, 0, 0, TimeSpan.Zero), ZoneCalendar.StartOfDay(new DateOnly(2024, 3, 1), TestZones.Paris));
        // Summer: UTC+2.
        Assert.Equal(new DateTimeOffset(2024, 6, 30, 22, 0, 0, TimeSpan.Zero), ZoneCalendar.StartOfDay(new DateOnly(2024, 7, 1), TestZones.Paris));
    }

    [Fact]
    public void A_day_whose_midnight_is_skipped_starts_when_the_gap_ends()
    {
        // 8 Sep 2024: at 00:00 (UTC−4, i.e. 04:00 UTC) clocks jump to 01:00 UTC−3. The day's first instant is 04:00 UTC.
        var start = ZoneCalendar.StartOfDay(new DateOnly(2024, 9, 8), TestZones.MidnightShift);
        Assert.Equal(new DateTimeOffset(2024, 9, 8, 4, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateOnly(2024, 9, 8), ZoneCalendar.DayOf(start, TestZones.MidnightShift));
        Assert.Equal(new DateOnly(2024, 9, 7), ZoneCalendar.DayOf(start.AddTicks(-1), TestZones.MidnightShift));
    }

    [Fact]
    public void A_day_whose_midnight_happens_twice_starts_at_the_first()
    {
        // 1 Nov 2024: 01:00 UTC−3 (04:00 UTC) goes back to 00:00 UTC−4. The first midnight is 00:00 UTC−3 = 03:00 UTC.
        var start = ZoneCalendar.StartOfDay(new DateOnly(2024, 11, 1), TestZones.MidnightShift);
        Assert.Equal(new DateTimeOffset(2024, 11, 1, 3, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateOnly(2024, 10, 31), ZoneCalendar.DayOf(start.AddTicks(-1), TestZones.MidnightShift));
    }

    [Theory]
    [InlineData("2024-03-04", "2024-03-04")] // Monday
    [InlineData("2024-03-06", "2024-03-04")] // Wednesday
    [InlineData("2024-03-10", "2024-03-04")] // Sunday belongs to the week that started the Monday before
    [InlineData("2024-01-01", "2024-01-01")]
    [InlineData("2023-12-31", "2023-12-25")]
    public void Weeks_start_on_monday(string day, string monday) =>
        Assert.Equal(DateOnly.Parse(monday), ZoneCalendar.WeekStart(DateOnly.Parse(day)));
}
