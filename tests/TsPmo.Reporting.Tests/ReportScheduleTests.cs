using TsPmo.Reporting.Domain;

namespace TsPmo.Reporting.Tests;

public sealed class ReportScheduleTests
{
    private static readonly ReportSchedule MondaySeven = new(DayOfWeek.Monday, new TimeOnly(7, 0));

    [Fact]
    public void The_slot_is_the_latest_weekday_and_time_not_after_now()
    {
        var monday = new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);
        Assert.Equal(monday, MondaySeven.SlotAtOrBefore(monday, TimeZoneInfo.Utc));
        Assert.Equal(monday, MondaySeven.SlotAtOrBefore(monday.AddDays(3), TimeZoneInfo.Utc));
        Assert.Equal(monday.AddDays(-7), MondaySeven.SlotAtOrBefore(monday.AddMinutes(-1), TimeZoneInfo.Utc));
    }

    [Fact]
    public void A_slot_is_due_for_one_day_after_it()
    {
        var monday = new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);
        Assert.Equal(monday, MondaySeven.DueSlot(monday.AddHours(5), TimeZoneInfo.Utc));
        Assert.Null(MondaySeven.DueSlot(monday.AddDays(1), TimeZoneInfo.Utc));
        Assert.Null(MondaySeven.DueSlot(monday.AddDays(3), TimeZoneInfo.Utc));
    }

    [Fact]
    public void The_time_is_read_in_the_organizations_zone()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        // Monday 30 November 2026, 07:00 in Paris (UTC+1) is 06:00 UTC.
        var now = new DateTimeOffset(2026, 11, 30, 6, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero), MondaySeven.DueSlot(now, zone));
    }

    [Theory]
    [InlineData("monday", "7:30", true)]
    [InlineData("Friday", "17:00", true)]
    [InlineData("Funday", "07:00", false)]
    [InlineData("Monday", "25:00", false)]
    [InlineData("1", "07:00", false)]
    public void Settings_text_is_parsed_or_refused_with_a_reason(string weekday, string time, bool valid)
    {
        var schedule = ReportSchedule.Parse(weekday, time, out var error);
        Assert.Equal(valid, schedule is not null);
        Assert.Equal(valid, error is null);
    }
}
