using TsPmo.Scrum.Engine;

namespace TsPmo.Scrum.Tests;

/// <summary>
/// Burndown and burnup worked by hand. The sprint runs Monday 3 March 2025 to Sunday 16 March 2025: 14 calendar days,
/// 10 working days (1 March 2025 was a Saturday, so 3 March is a Monday).
/// </summary>
public sealed class BurndownCalculatorTests
{
    private static readonly DateOnly Start = new(2025, 3, 3);
    private static readonly DateOnly End = new(2025, 3, 16);

    private static DateTimeOffset At(int day, int hour) => new(2025, 3, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_ideal_line_burns_on_working_days_and_stays_flat_over_the_weekend()
    {
        var burndown = BurndownCalculator.Compute(Start, End, 40, [], TimeZoneInfo.Utc, End);

        // 40 points over 10 working days = 4 a working day, at the end of each day:
        // Mon 36, Tue 32, Wed 28, Thu 24, Fri 20, Sat 20, Sun 20, Mon 16, Tue 12, Wed 8, Thu 4, Fri 0, Sat 0, Sun 0.
        Assert.Equal([36m, 32m, 28m, 24m, 20m, 20m, 20m, 16m, 12m, 8m, 4m, 0m, 0m, 0m], burndown.Days.Select(d => d.IdealPoints));
        Assert.Equal(14, burndown.Days.Count);
        Assert.Equal([false, false], burndown.Days.Where(d => d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).Take(2).Select(d => d.WorkingDay));
        Assert.Equal(40m, burndown.CommittedPoints);
    }

    [Fact]
    public void Remaining_counts_commitment_added_removed_re_estimated_completed_and_reopened_work_per_day()
    {
        // Committed at the start: A 5, B 8, C 3, D 8, E 5, F 3, G 8 = 40 points.
        var changes = new List<ScopeChange>();
        foreach (var points in new[] { 5m, 8m, 3m, 8m, 5m, 3m, 8m }) changes.Add(new ScopeChange(At(3, 9), points, 0));
        changes.Add(new ScopeChange(At(4, 16), 0, 5));   // Tue: A done
        changes.Add(new ScopeChange(At(5, 10), 3, 0));   // Wed: H (3) added mid-sprint
        changes.Add(new ScopeChange(At(6, 15), 0, 8));   // Thu: B done
        changes.Add(new ScopeChange(At(7, 11), 2, 0));   // Fri: C re-estimated 3 → 5
        changes.Add(new ScopeChange(At(10, 9), -3, 0));  // Mon: F (3) removed
        changes.Add(new ScopeChange(At(11, 17), 0, 8));  // Tue: D done
        changes.Add(new ScopeChange(At(12, 10), 0, -8)); // Wed: D reopened

        var burndown = BurndownCalculator.Compute(Start, End, 40, changes, TimeZoneInfo.Utc, new DateOnly(2025, 3, 12));

        // scope:     40, 40, 43, 43, 45, 45, 45, 42, 42, 42
        // completed:  0,  5,  5, 13, 13, 13, 13, 13, 21, 13
        // remaining: 40, 35, 38, 30, 32, 32, 32, 29, 21, 29, then unknown (the future) from Thu 13.
        Assert.Equal([40m, 35m, 38m, 30m, 32m, 32m, 32m, 29m, 21m, 29m, null, null, null, null], burndown.Days.Select(d => d.RemainingPoints));
        Assert.Equal([40m, 40m, 43m, 43m, 45m, 45m, 45m, 42m, 42m, 42m], burndown.Days.Take(10).Select(d => d.ScopePoints));
        Assert.Equal([0m, 5m, 5m, 13m, 13m, 13m, 13m, 13m, 21m, 13m], burndown.Days.Take(10).Select(d => d.CompletedPoints));
        Assert.Equal(new DateOnly(2025, 3, 12), burndown.Latest!.Date);
        // The ideal line is drawn for the whole sprint, future included.
        Assert.Equal(0m, burndown.Days[^1].IdealPoints);
    }

    [Fact]
    public void Days_are_those_of_the_organizations_time_zone()
    {
        var plus10 = TimeZoneInfo.CreateCustomTimeZone("Test/Plus10", TimeSpan.FromHours(10), "Test +10", "Test +10");
        var changes = new[]
        {
            new ScopeChange(new DateTimeOffset(2025, 3, 2, 22, 0, 0, TimeSpan.Zero), 10, 0), // Mon 3 08:00 local: committed
            new ScopeChange(new DateTimeOffset(2025, 3, 3, 13, 30, 0, TimeSpan.Zero), 0, 4), // Mon 3 23:30 local: done on Monday
            new ScopeChange(new DateTimeOffset(2025, 3, 4, 14, 30, 0, TimeSpan.Zero), 0, 6), // Wed 5 00:30 local: done on Wednesday, not Tuesday
        };

        var burndown = BurndownCalculator.Compute(Start, End, 10, changes, plus10, new DateOnly(2025, 3, 5));

        Assert.Equal([6m, 6m, 0m], burndown.Days.Take(3).Select(d => d.RemainingPoints));
    }

    [Fact]
    public void Changes_before_the_start_count_on_the_first_day_and_after_the_end_on_the_last()
    {
        var changes = new[]
        {
            new ScopeChange(At(1, 12), 8, 0),  // Saturday before the start (committed early)
            new ScopeChange(At(5, 12), 0, 3),
            new ScopeChange(At(18, 12), 0, 5), // Tuesday after the end (sprint completed late)
        };

        var burndown = BurndownCalculator.Compute(Start, End, 8, changes, TimeZoneInfo.Utc, End);

        Assert.Equal(8m, burndown.Days[0].RemainingPoints);
        Assert.Equal(5m, burndown.Days[2].RemainingPoints);
        Assert.Equal(5m, burndown.Days[12].RemainingPoints);
        Assert.Equal(0m, burndown.Days[13].RemainingPoints);
    }

    [Fact]
    public void Ideal_values_are_rounded_to_hundredths_and_a_weekend_only_sprint_burns_by_calendar_day()
    {
        // Wed 5 to Fri 7 March: 10 points over 3 working days → 6.666… → 6.67, 3.33, 0.
        var short1 = BurndownCalculator.Compute(new DateOnly(2025, 3, 5), new DateOnly(2025, 3, 7), 10, [], TimeZoneInfo.Utc, new DateOnly(2025, 3, 4));
        Assert.Equal([6.67m, 3.33m, 0m], short1.Days.Select(d => d.IdealPoints));
        Assert.All(short1.Days, d => Assert.Null(d.RemainingPoints));
        Assert.Null(short1.Latest);

        // Sat 8 to Sun 9 March: no working day, so the 10 points burn over the 2 calendar days: 5, 0.
        var weekend = BurndownCalculator.Compute(new DateOnly(2025, 3, 8), new DateOnly(2025, 3, 9), 10, [], TimeZoneInfo.Utc, new DateOnly(2025, 3, 9));
        Assert.Equal([5m, 0m], weekend.Days.Select(d => d.IdealPoints));
        Assert.Equal([0m, 0m], weekend.Days.Select(d => d.RemainingPoints!.Value));
    }

    [Fact]
    public void An_end_before_the_start_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BurndownCalculator.Compute(End, Start, 1, [], TimeZoneInfo.Utc, End));
    }
}
