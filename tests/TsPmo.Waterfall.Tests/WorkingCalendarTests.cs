using TsPmo.Waterfall.Engine.Calendars;
using TsPmo.Waterfall.Engine.Scheduling;

namespace TsPmo.Waterfall.Tests;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Standard = new(CalendarDefinition.Standard);

    // 2026-01-05 is a Monday.
    private static DateTime At(int day, int hour, int minute = 0) => new(2026, 1, day, hour, minute, 0);

    [Fact]
    public void Weekdays_work_and_weekends_do_not()
    {
        Assert.True(Standard.IsWorkingDay(new DateOnly(2026, 1, 5)));
        Assert.False(Standard.IsWorkingDay(new DateOnly(2026, 1, 10)));
        Assert.Equal(480, Standard.WorkingMinutesOn(new DateOnly(2026, 1, 9)));
        Assert.Equal(0, Standard.WorkingMinutesOn(new DateOnly(2026, 1, 11)));
    }

    [Theory]
    [InlineData(5, 7, 0, 5, 8, 0)]    // before the day starts → 08:00
    [InlineData(5, 12, 30, 5, 13, 0)] // lunch → 13:00
    [InlineData(5, 17, 0, 6, 8, 0)]   // end of day → next morning
    [InlineData(9, 17, 0, 12, 8, 0)]  // Friday evening → Monday
    [InlineData(10, 10, 0, 12, 8, 0)] // Saturday → Monday
    [InlineData(5, 10, 15, 5, 10, 15)]
    public void Next_working_moment(int d, int h, int m, int ed, int eh, int em) =>
        Assert.Equal(At(ed, eh, em), Standard.NextWorkingMoment(At(d, h, m)));

    [Theory]
    [InlineData(5, 8, 0, 480, 5, 17, 0)]     // a day lands at 17:00, not next-day 08:00
    [InlineData(5, 8, 0, 240, 5, 12, 0)]     // half a day lands at 12:00
    [InlineData(5, 8, 0, 300, 5, 14, 0)]
    [InlineData(5, 17, 0, 480, 6, 17, 0)]
    [InlineData(9, 13, 0, 480, 12, 12, 0)]   // Friday afternoon + 1 day → Monday noon
    [InlineData(5, 8, 0, 2400 * 3 + 60, 26, 9, 0)] // three weeks and an hour (week skipping)
    [InlineData(5, 17, 0, -480, 5, 8, 0)]    // back a day lands at 08:00
    [InlineData(5, 13, 0, -240, 5, 8, 0)]
    [InlineData(12, 8, 0, -60, 9, 16, 0)]
    [InlineData(26, 9, 0, -(2400 * 3 + 60), 5, 8, 0)]
    [InlineData(5, 10, 0, 0, 5, 10, 0)]
    public void Add_working_minutes(int d, int h, int m, long minutes, int ed, int eh, int em) =>
        Assert.Equal(At(ed, eh, em), Standard.AddWorkingMinutes(At(d, h, m), minutes));

    [Fact]
    public void Add_and_between_agree_over_long_spans()
    {
        var start = At(5, 8);
        for (var minutes = 1L; minutes < 60_000; minutes += 997)
        {
            var end = Standard.AddWorkingMinutes(start, minutes);
            Assert.Equal(minutes, Standard.WorkingMinutesBetween(start, end));
            Assert.Equal(-minutes, Standard.WorkingMinutesBetween(end, start));
            Assert.Equal(start, Standard.AddWorkingMinutes(end, -minutes));
        }
    }

    [Fact]
    public void Between_counts_only_working_time()
    {
        Assert.Equal(480, Standard.WorkingMinutesBetween(At(5, 0), At(6, 0)));
        Assert.Equal(0, Standard.WorkingMinutesBetween(At(5, 17), At(6, 8)));
        Assert.Equal(2400, Standard.WorkingMinutesBetween(At(5, 8), At(12, 8)));
        Assert.Equal(60, Standard.WorkingMinutesBetween(At(5, 11, 30), At(5, 13, 30)));
    }

    [Fact]
    public void Start_and_finish_days_follow_the_day_boundary_rules()
    {
        Assert.Equal(new DateOnly(2026, 1, 5), Standard.FinishDay(At(6, 8)));   // 08:00 Tuesday closes Monday
        Assert.Equal(new DateOnly(2026, 1, 9), Standard.FinishDay(At(12, 8)));  // 08:00 Monday closes Friday
        Assert.Equal(new DateOnly(2026, 1, 5), Standard.FinishDay(At(6, 0)));
        Assert.Equal(new DateOnly(2026, 1, 6), Standard.FinishDay(At(6, 8, 1)));
        Assert.Equal(new DateOnly(2026, 1, 5), Standard.FinishDay(At(5, 17)));
        Assert.Equal(new DateOnly(2026, 1, 6), Standard.StartDay(At(5, 17)));   // 17:00 start opens Tuesday
        Assert.Equal(new DateOnly(2026, 1, 12), Standard.StartDay(At(9, 17)));
        Assert.Equal(new DateOnly(2026, 1, 5), Standard.StartDay(At(5, 16, 59)));
    }

    [Fact]
    public void Exceptions_override_the_week()
    {
        var def = CalendarDefinition.Standard with
        {
            Exceptions =
            [
                new CalendarException(new DateOnly(2026, 1, 6), new DateOnly(2026, 1, 6), [], "Holiday"),
                new CalendarException(new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 10), [new WorkingInterval(9 * 60, 13 * 60)], "Saturday shift"),
            ],
        };
        var cal = new WorkingCalendar(def);
        Assert.False(cal.IsWorkingDay(new DateOnly(2026, 1, 6)));
        Assert.True(cal.IsWorkingDay(new DateOnly(2026, 1, 10)));
        Assert.Equal(At(7, 17), cal.AddWorkingMinutes(At(5, 8), 960));
        Assert.Equal(At(10, 13), cal.AddWorkingMinutes(At(5, 8), 480 * 4 + 240));
        Assert.Equal(480 * 4 + 240, cal.WorkingMinutesBetween(At(5, 8), At(12, 8)));
        Assert.Equal(new DateOnly(2026, 1, 5), cal.FinishDay(At(7, 8)));
        // Long spans across many weeks with an exception in the middle still agree both ways.
        var far = cal.AddWorkingMinutes(At(5, 8), 2400 * 10);
        Assert.Equal(2400 * 10, cal.WorkingMinutesBetween(At(5, 8), far));
        Assert.Equal(At(5, 8), cal.AddWorkingMinutes(far, -2400 * 10));
    }

    [Fact]
    public void A_round_the_clock_calendar_crosses_midnight()
    {
        var all = Enum.GetValues<DayOfWeek>().ToDictionary(d => d, IReadOnlyList<WorkingInterval> (_) => [new WorkingInterval(0, 1440)]);
        var cal = new WorkingCalendar(new CalendarDefinition("24h", all, []));
        Assert.Equal(At(6, 2), cal.AddWorkingMinutes(At(5, 20), 360));
        Assert.Equal(At(6, 0), cal.AddWorkingMinutes(At(5, 20), 240));
        Assert.Equal(new DateOnly(2026, 1, 5), cal.FinishDay(At(6, 0)));
    }
}
