using TsPmo.Waterfall.Engine.Calendars;
using TsPmo.Waterfall.Engine.Scheduling;
using static TsPmo.Waterfall.Tests.PlanBuilder;

namespace TsPmo.Waterfall.Tests;

public sealed class CpmSchedulerTests
{
    /// <summary>
    /// The "Milwaukee Paper Manufacturing" air-pollution project, Heizer &amp; Render, <i>Operations Management</i>
    /// (Pearson, 10th ed., ch. 3 "Project Management", Examples 4–7 and Table 3.3). Durations there are in weeks; here
    /// each week is one working day (480 min) so the published ES/EF/LS/LF (in weeks from 0) read as working days.
    /// Published: ES/EF A 0/2 B 0/3 C 2/4 D 3/7 E 4/8 F 4/7 G 8/13 H 13/15; LS/LF A 0/2 B 1/4 C 2/4 D 4/8 E 4/8
    /// F 10/13 G 8/13 H 13/15; slack A0 B1 C0 D1 E0 F6 G0 H0; critical path A-C-E-G-H, 15 weeks.
    /// Free slack (derived by hand: earliest successor ES − own EF): B 0, D 1, F 6, others 0.
    /// </summary>
    [Fact]
    public void Textbook_network_matches_published_early_late_dates_floats_and_critical_path()
    {
        var p = new PlanBuilder();
        var a = p.Task("A", 2 * Day); var b = p.Task("B", 3 * Day); var c = p.Task("C", 2 * Day); var d = p.Task("D", 4 * Day);
        var e = p.Task("E", 4 * Day); var f = p.Task("F", 3 * Day); var g = p.Task("G", 5 * Day); var h = p.Task("H", 2 * Day);
        p.Link(a, c).Link(a, d).Link(b, d).Link(c, e).Link(c, f).Link(d, g).Link(e, g).Link(f, h).Link(g, h);
        var s = p.Compute();

        var cal = new WorkingCalendar(CalendarDefinition.Standard);
        DateTime StartOfDay(int n) => cal.NextWorkingMoment(cal.AddWorkingMinutes(p.Start, n * Day));
        DateTime EndOfDay(int n) => cal.AddWorkingMinutes(p.Start, n * Day);
        var expected = new (long Id, int Es, int Ef, int Ls, int Lf, int Slack, int Free)[]
        {
            (a, 0, 2, 0, 2, 0, 0), (b, 0, 3, 1, 4, 1, 0), (c, 2, 4, 2, 4, 0, 0), (d, 3, 7, 4, 8, 1, 1),
            (e, 4, 8, 4, 8, 0, 0), (f, 4, 7, 10, 13, 6, 6), (g, 8, 13, 8, 13, 0, 0), (h, 13, 15, 13, 15, 0, 0),
        };
        foreach (var x in expected)
        {
            var t = s.Of(x.Id);
            Assert.Equal(StartOfDay(x.Es), t.EarlyStart);
            Assert.Equal(EndOfDay(x.Ef), t.EarlyFinish);
            Assert.Equal(StartOfDay(x.Ls), t.LateStart);
            Assert.Equal(EndOfDay(x.Lf), t.LateFinish);
            Assert.Equal(x.Slack * Day, t.TotalFloatMinutes);
            Assert.Equal(x.Free * Day, t.FreeFloatMinutes);
            Assert.Equal(x.Slack == 0, t.Critical);
        }

        Assert.Equal([a, c, e, g, h], s.CriticalPath);
        Assert.Equal(EndOfDay(15), s.Finish);
        Assert.Equal(At(23, 17), s.Finish); // 15 working days from Monday 5 January
    }

    [Fact]
    public void Finish_to_start_successor_starts_next_working_morning()
    {
        var p = new PlanBuilder();
        var a = p.Task("A", 2 * Day); var b = p.Task("B", Day);
        p.Link(a, b);
        var s = p.Compute();
        Assert.Equal(At(6, 17), s.Of(a).EarlyFinish);
        Assert.Equal(At(7, 8), s.Of(b).EarlyStart);
        Assert.Equal(At(7, 17), s.Of(b).EarlyFinish);
        Assert.Equal([a, b], s.Tasks.Select(t => t.Id));
    }

    [Fact]
    public void Half_day_task_successor_starts_13_00_same_day()
    {
        var p = new PlanBuilder();
        var a = p.Task("A", Day / 2); var b = p.Task("B", Day / 2);
        p.Link(a, b);
        var s = p.Compute();
        Assert.Equal(At(5, 12), s.Of(a).EarlyFinish);
        Assert.Equal(At(5, 13), s.Of(b).EarlyStart);
        Assert.Equal(At(5, 17), s.Of(b).EarlyFinish);
    }

    [Fact]
    public void Milestone_sits_on_its_predecessor_finish()
    {
        var p = new PlanBuilder();
        var a = p.Task("A", Day); var m = p.Task("M", 0); var b = p.Task("B", Day);
        p.Link(a, m).Link(m, b);
        var s = p.Compute();
        Assert.Equal(At(5, 17), s.Of(m).EarlyStart);
        Assert.Equal(At(5, 17), s.Of(m).EarlyFinish);
        Assert.Equal(At(6, 8), s.Of(b).EarlyStart);
        Assert.True(s.Of(m).Critical);
        Assert.Equal([a, m, b], s.CriticalPath);
    }

    [Theory]
    [InlineData(LinkType.FinishToStart, 120, 6, 10, 0, 7, 10, 0)]    // +2 h
    [InlineData(LinkType.FinishToStart, -240, 5, 13, 0, 6, 12, 0)]   // 4 h lead
    [InlineData(LinkType.FinishToStart, Day, 7, 8, 0, 7, 17, 0)]     // +1 day
    [InlineData(LinkType.FinishToStart, -Day, 5, 8, 0, 5, 17, 0)]    // 1 day lead
    [InlineData(LinkType.StartToStart, Day, 6, 8, 0, 6, 17, 0)]
    [InlineData(LinkType.StartToStart, 120, 5, 10, 0, 6, 10, 0)]
    [InlineData(LinkType.FinishToFinish, 2 * Day, 7, 8, 0, 7, 17, 0)]
    [InlineData(LinkType.FinishToFinish, -60, 5, 8, 0, 5, 17, 0)]    // can't start before the project: ES floor wins
    [InlineData(LinkType.FinishToFinish, 120, 5, 10, 0, 6, 10, 0)]
    [InlineData(LinkType.StartToFinish, 2 * Day, 6, 8, 0, 6, 17, 0)] // A starts Mon 08:00 + 2 d = Tue 17:00 finish
    [InlineData(LinkType.StartToFinish, 3 * Day, 7, 8, 0, 7, 17, 0)]
    public void Link_types_with_lags_and_leads(LinkType type, long lag, int sd, int sh, int sm, int fd, int fh, int fm)
    {
        // A: Monday 08:00–17:00 (1 day). B: 1 day.
        var p = new PlanBuilder();
        var a = p.Task("A", Day); var b = p.Task("B", Day);
        p.Link(a, b, type, lag);
        var s = p.Compute();
        Assert.Equal(At(sd, sh, sm), s.Of(b).EarlyStart);
        Assert.Equal(At(fd, fh, fm), s.Of(b).EarlyFinish);
    }

    [Fact]
    public void Start_to_finish_finish_sits_on_the_driving_moment()
    {
        // X (Mon) → A (Tue) FS; B SF from A: B must finish by A's start, Tue 08:00 — which belongs to Monday.
        var p = new PlanBuilder();
        var x = p.Task("X", Day); var a = p.Task("A", Day); var b = p.Task("B", Day);
        p.Link(x, a).Link(a, b, LinkType.StartToFinish);
        var s = p.Compute();
        Assert.Equal(At(6, 8), s.Of(b).EarlyFinish);
        Assert.Equal(At(5, 8), s.Of(b).EarlyStart);
        Assert.Equal(new DateOnly(2026, 1, 5), new WorkingCalendar(CalendarDefinition.Standard).FinishDay(s.Of(b).EarlyFinish));
    }

    [Fact]
    public void Elapsed_lag_and_percent_lag()
    {
        var p = new PlanBuilder();
        var a = p.Task("A", 2 * Day); var b = p.Task("B", Day); var c = p.Task("C", Day);
        p.Link(a, b, lag: 24 * 60, unit: LagUnit.ElapsedMinutes);      // Tue 17:00 + 24 h = Wed 17:00 → Thu 08:00
        p.Link(a, c, LinkType.StartToStart, 50, LagUnit.PercentOfPredecessor); // half of A's 2 days = 1 day
        var s = p.Compute();
        Assert.Equal(At(8, 8), s.Of(b).EarlyStart);
        Assert.Equal(At(6, 8), s.Of(c).EarlyStart);
    }

    [Fact]
    public void Elapsed_duration_runs_over_the_weekend()
    {
        var p = new PlanBuilder { Start = At(9, 8) }; // Friday
        var a = p.Task("A", 3 * 24 * 60, with: t => t with { ElapsedDuration = true });
        var b = p.Task("B", Day);
        p.Link(a, b);
        var s = p.Compute();
        Assert.Equal(At(9, 8), s.Of(a).EarlyStart);
        Assert.Equal(At(12, 8), s.Of(a).EarlyFinish);
        Assert.Equal(new DateOnly(2026, 1, 9), new WorkingCalendar(CalendarDefinition.Standard).FinishDay(s.Of(a).EarlyFinish));
        Assert.Equal(At(12, 8), s.Of(b).EarlyStart);
    }

    [Fact]
    public void Start_no_earlier_than_delays_the_task()
    {
        var p = new PlanBuilder();
        var a = p.Task("A", Day, with: t => t with { Constraint = ConstraintKind.StartNoEarlierThan, ConstraintDate = At(7, 0) });
        var s = p.Compute();
        Assert.Equal(At(7, 8), s.Of(a).EarlyStart);
        Assert.Equal(At(7, 17), s.Of(a).EarlyFinish);
        Assert.Equal(At(5, 8), s.Start);
    }

    [Theory]
    // X (3 days, Mon–Wed) → Y (1 day) by FS: links alone put Y on Thursday.
    [InlineData(ConstraintKind.AsSoonAsPossible, 0, 8, 8, 8, 17)]
    [InlineData(ConstraintKind.StartNoEarlierThan, 9, 9, 8, 9, 17)]   // later than the links: moves
    [InlineData(ConstraintKind.StartNoEarlierThan, 6, 8, 8, 8, 17)]   // earlier: links win
    [InlineData(ConstraintKind.FinishNoEarlierThan, 12, 12, 8, 12, 17)]
    [InlineData(ConstraintKind.StartNoLaterThan, 12, 8, 8, 8, 17)]    // not binding: ASAP
    [InlineData(ConstraintKind.StartNoLaterThan, 7, 7, 8, 7, 17)]     // binding: the date wins over the link
    [InlineData(ConstraintKind.FinishNoLaterThan, 7, 7, 8, 7, 17)]
    [InlineData(ConstraintKind.MustStartOn, 12, 12, 8, 12, 17)]
    [InlineData(ConstraintKind.MustFinishOn, 6, 6, 8, 6, 17)]
    public void Each_constraint_kind_in_the_forward_pass(ConstraintKind kind, int day, int sd, int sh, int fd, int fh)
    {
        var p = new PlanBuilder();
        var x = p.Task("X", 3 * Day);
        var y = p.Task("Y", Day, with: t => t with { Constraint = kind, ConstraintDate = kind == ConstraintKind.AsSoonAsPossible ? null : new DateTime(2026, 1, day) });
        p.Link(x, y);
        var s = p.Compute();
        Assert.Equal(At(sd, sh), s.Of(y).EarlyStart);
        Assert.Equal(At(fd, fh), s.Of(y).EarlyFinish);
        if (s.Of(y).EarlyStart < At(8, 8)) Assert.True(s.Of(x).TotalFloatMinutes < 0); // a broken link shows as negative float
    }

    [Fact]
    public void Must_start_on_overrides_links()
    {
        var p = new PlanBuilder();
        var a = p.Task("A", 3 * Day);
        var b = p.Task("B", Day, with: t => t with { Constraint = ConstraintKind.MustStartOn, ConstraintDate = At(6, 13) });
        p.Link(a, b);
        var s = p.Compute();
        Assert.Equal(At(6, 13), s.Of(b).EarlyStart);
        Assert.Equal(At(7, 12), s.Of(b).EarlyFinish);
        Assert.Equal(At(6, 13), s.Of(b).LateStart);
    }

    [Fact]
    public void Finish_no_later_than_gives_negative_float_when_links_push_past_it()
    {
        var p = new PlanBuilder();
        var a = p.Task("A", 3 * Day); var b = p.Task("B", 2 * Day);
        var c = p.Task("C", Day, with: t => t with { Constraint = ConstraintKind.FinishNoLaterThan, ConstraintDate = At(9, 17) });
        p.Link(a, b);
        var s = p.Compute();
        Assert.Equal(At(9, 17), s.Of(b).EarlyFinish);
        // C itself has plenty of room: its late finish is capped by the constraint (Friday), not the project finish.
        Assert.Equal(At(9, 17), s.Of(c).LateFinish);
        Assert.Equal(4 * Day, s.Of(c).TotalFloatMinutes);

        var p2 = new PlanBuilder();
        var x = p2.Task("X", 3 * Day);
        var y = p2.Task("Y", 2 * Day, with: t => t with { Constraint = ConstraintKind.FinishNoLaterThan, ConstraintDate = At(8, 17) });
        p2.Link(x, y);
        var s2 = p2.Compute();
        // Microsoft Project honours the constraint: Y finishes Thursday and the link is broken by a day of negative slack.
        Assert.Equal(At(8, 17), s2.Of(y).EarlyFinish);
        Assert.Equal(At(7, 8), s2.Of(y).EarlyStart);
        Assert.True(s2.Of(x).TotalFloatMinutes < 0);
        Assert.True(s2.Of(x).Critical);
    }

    [Fact]
    public void As_late_as_possible_task_sits_on_its_late_dates_and_drags_its_successors()
    {
        var p = new PlanBuilder();
        var a = p.Task("A", Day, with: t => t with { Constraint = ConstraintKind.AsLateAsPossible });
        var c = p.Task("C", Day);
        var b = p.Task("B", 5 * Day);
        p.Link(a, c);
        var s = p.Compute();
        Assert.Equal(At(8, 8), s.Of(a).EarlyStart);
        Assert.Equal(At(8, 17), s.Of(a).EarlyFinish);
        Assert.Equal(At(9, 8), s.Of(c).EarlyStart);
        Assert.Equal(At(9, 17), s.Finish);
        Assert.Equal(0, s.Of(a).TotalFloatMinutes);
        Assert.Equal(At(9, 17), s.Of(b).EarlyFinish);
    }

    [Fact]
    public void Without_honoring_constraint_dates_links_win()
    {
        var p = new PlanBuilder();
        var x = p.Task("X", 3 * Day);
        var y = p.Task("Y", 2 * Day, with: t => t with { Constraint = ConstraintKind.FinishNoLaterThan, ConstraintDate = At(8, 17) });
        var z = p.Task("Z", Day, with: t => t with { Constraint = ConstraintKind.MustStartOn, ConstraintDate = At(5, 8) });
        p.Link(x, y).Link(x, z);
        var s = CpmScheduler.Compute(p.Input() with { HonorConstraintDates = false });
        Assert.Equal(At(8, 8), s.Of(y).EarlyStart);   // after X, past its FNLT date
        Assert.Equal(At(9, 17), s.Of(y).EarlyFinish);
        Assert.True(s.Of(y).TotalFloatMinutes < 0);    // the missed constraint still shows as negative slack
        Assert.Equal(At(8, 8), s.Of(z).EarlyStart);   // MSO behaves like "start no earlier than"
    }

    [Fact]
    public void Work_span_places_the_finish_of_a_split_task()
    {
        // 2 days of duration spread over 3 working days (a day's split in the middle), as read from timephased work.
        var p = new PlanBuilder();
        var a = p.Task("A", 2 * Day, with: t => t with { WorkSpanMinutes = 3 * Day });
        var b = p.Task("B", Day);
        p.Link(a, b);
        var s = p.Compute();
        Assert.Equal(At(7, 17), s.Of(a).EarlyFinish);
        Assert.Equal(At(8, 8), s.Of(b).EarlyStart);

        // In progress: started Monday 13:00, expected to finish Wednesday noon whatever the duration says.
        var q = new PlanBuilder();
        var c = q.Task("C", Day, with: t => t with { ActualStart = At(5, 13), WorkSpanMinutes = 2 * Day });
        var d = q.Task("D", Day);
        q.Link(c, d);
        var r = q.Compute();
        Assert.Equal(At(7, 12), r.Of(c).EarlyFinish);
        Assert.Equal(At(7, 13), r.Of(d).EarlyStart);
    }

    [Fact]
    public void Missed_deadline_is_flagged_and_pulls_late_finish_in()
    {
        var p = new PlanBuilder();
        var a = p.Task("A", 3 * Day, with: t => t with { Deadline = At(6, 17) });
        var b = p.Task("B", 5 * Day);
        var s = p.Compute();
        Assert.True(s.Of(a).DeadlineMissed);
        Assert.Equal(At(6, 17), s.Of(a).LateFinish);
        Assert.Equal(-Day, s.Of(a).TotalFloatMinutes);
        Assert.True(s.Of(a).Critical);
        Assert.False(s.Of(b).DeadlineMissed);

        var p2 = new PlanBuilder();
        var c = p2.Task("C", Day, with: t => t with { Deadline = new DateTime(2026, 1, 5) }); // a bare date = end of that day
        Assert.False(p2.Compute().Of(c).DeadlineMissed);
    }

    [Fact]
    public void Actual_dates_are_kept_and_drive_successors()
    {
        var p = new PlanBuilder();
        var a = p.Task("A", 2 * Day, with: t => t with { ActualStart = At(6, 8), ActualFinish = At(7, 12), PercentComplete = 100 });
        var b = p.Task("B", Day / 2, with: t => t with { ActualStart = At(7, 8), PercentComplete = 50 });
        var c = p.Task("C", Day); var d = p.Task("D", Day);
        p.Link(a, c).Link(b, d);
        var s = p.Compute();
        Assert.Equal(At(6, 8), s.Of(a).EarlyStart);
        Assert.Equal(At(7, 12), s.Of(a).EarlyFinish);
        Assert.Equal(At(7, 13), s.Of(c).EarlyStart);
        Assert.Equal(At(8, 12), s.Of(c).EarlyFinish);
        Assert.Equal(At(7, 12), s.Of(b).EarlyFinish);
        Assert.Equal(At(7, 13), s.Of(d).EarlyStart);
        Assert.False(s.Of(a).Critical);
    }

    [Fact]
    public void Predecessors_of_started_tasks_are_measured_against_the_remaining_work_or_the_started_summary()
    {
        // Checked against Microsoft Project's own slack in the 3-point sample (in-progress successors, a started summary).
        var p = new PlanBuilder();
        var a = p.Task("A", 2 * Day);
        var b = p.Task("B", 3 * Day, with: t => t with { ActualStart = At(5, 8), PercentComplete = 50 });
        var c = p.Task("C", 5 * Day);
        p.Link(a, b);
        var s = p.Compute();
        Assert.Equal(At(5, 8), s.Of(b).LateStart);            // a started task's late start is its actual start
        Assert.Equal(2 * Day, s.Of(b).TotalFloatMinutes);      // late finish Friday − early finish Wednesday
        Assert.Equal(At(8, 12), s.Of(a).LateFinish);           // B's remaining 1.5 days must start by Thursday 13:00
        Assert.Equal(Day + Day / 2, s.Of(a).TotalFloatMinutes);
        Assert.False(s.Of(c).TotalFloatMinutes < 0);

        var q = new PlanBuilder();
        var x = q.Task("X", 3 * Day);
        var phase = q.Task("Phase", 0, with: t => t with { Milestone = false });
        q.Task("D", Day, phase, t => t with { ActualStart = At(5, 8) });
        q.Task("E", Day, phase);
        q.Link(x, phase);
        var r = q.Compute();
        Assert.Equal(-3 * Day, r.Of(x).TotalFloatMinutes);     // the phase really started Monday, before X can finish
        Assert.True(r.Of(x).Critical);
    }

    [Fact]
    public void Leveling_delay_moves_the_task_after_its_early_start()
    {
        var p = new PlanBuilder();
        var a = p.Task("A", Day);
        var b = p.Task("B", Day, with: t => t with { LevelingDelayMinutes = 24 * 60 });                              // 1 elapsed day
        var c = p.Task("C", Day, with: t => t with { LevelingDelayMinutes = Day / 2, LevelingDelayElapsed = false }); // half a working day
        p.Link(a, b).Link(a, c);
        var s = p.Compute();
        Assert.Equal(At(7, 8), s.Of(b).EarlyStart);
        Assert.Equal(At(6, 13), s.Of(c).EarlyStart);
    }

    [Fact]
    public void Manual_tasks_keep_their_dates()
    {
        var p = new PlanBuilder();
        var a = p.Task("A", Day, with: t => t with { Manual = true, ManualStart = At(12, 8), ManualFinish = At(13, 17) });
        var b = p.Task("B", Day);
        p.Link(a, b);
        var s = p.Compute();
        Assert.Equal(At(12, 8), s.Of(a).EarlyStart);
        Assert.Equal(At(13, 17), s.Of(a).EarlyFinish);
        Assert.Equal(At(14, 8), s.Of(b).EarlyStart);
    }

    [Fact]
    public void Project_start_on_saturday_moves_to_monday_morning()
    {
        var p = new PlanBuilder { Start = new DateTime(2026, 1, 10) };
        var a = p.Task("A", Day); var m = p.Task("M", 0);
        var s = p.Compute();
        Assert.Equal(At(12, 8), s.Start);
        Assert.Equal(At(12, 8), s.Of(a).EarlyStart);
        Assert.Equal(At(12, 8), s.Of(m).EarlyStart);
    }

    [Fact]
    public void Holiday_exception_is_skipped()
    {
        var p = new PlanBuilder
        {
            Calendar = CalendarDefinition.Standard with
            {
                Exceptions = [new CalendarException(new DateOnly(2026, 1, 6), new DateOnly(2026, 1, 6), [], "Holiday")],
            },
        };
        var a = p.Task("A", 2 * Day); var b = p.Task("B", Day);
        p.Link(a, b);
        var s = p.Compute();
        Assert.Equal(At(7, 17), s.Of(a).EarlyFinish);
        Assert.Equal(At(8, 8), s.Of(b).EarlyStart);
    }

    [Fact]
    public void Task_calendar_is_used_for_its_duration()
    {
        var mornings = new CalendarDefinition("Mornings",
            Enum.GetValues<DayOfWeek>().Where(d => d is not DayOfWeek.Saturday and not DayOfWeek.Sunday)
                .ToDictionary(d => d, IReadOnlyList<WorkingInterval> (_) => [new WorkingInterval(8 * 60, 12 * 60)]), []);
        var p = new PlanBuilder();
        var a = p.Task("A", Day, with: t => t with { CalendarKey = "m" });
        var input = p.Input() with { TaskCalendars = new Dictionary<string, CalendarDefinition> { ["m"] = mornings } };
        var s = CpmScheduler.Compute(input);
        Assert.Equal(At(6, 12), s.Of(a).EarlyFinish);
    }

    [Fact]
    public void Summaries_roll_up_and_links_on_a_summary_drive_its_children()
    {
        var p = new PlanBuilder();
        var a = p.Task("A", 2 * Day);
        var sum = p.Task("Phase", 0, with: t => t with { Milestone = false });
        var c1 = p.Task("C1", Day, sum);
        var c2 = p.Task("C2", 3 * Day, sum);
        var z = p.Task("Z", Day);
        p.Link(a, sum).Link(c1, c2, LinkType.StartToStart).Link(sum, z);
        var s = p.Compute();
        Assert.Equal(At(7, 8), s.Of(c1).EarlyStart);
        Assert.Equal(At(7, 8), s.Of(c2).EarlyStart);
        Assert.Equal(At(7, 8), s.Of(sum).EarlyStart);
        Assert.Equal(At(9, 17), s.Of(sum).EarlyFinish);
        Assert.True(s.Of(sum).Summary);
        Assert.Equal(At(12, 8), s.Of(z).EarlyStart);
        Assert.DoesNotContain(sum, s.CriticalPath);
        // C1 is tied to critical C2 by its SS link, so it has no float either; the summary is not listed.
        Assert.Equal([a, c1, c2, z], s.CriticalPath);
        Assert.Equal(0, s.Of(c1).TotalFloatMinutes);
        Assert.Equal(0, s.Of(c1).FreeFloatMinutes);
        Assert.Equal([a, sum, c1, c2, z], s.Tasks.Select(t => t.Id));
    }

    [Fact]
    public void Constraint_on_a_summary_applies_to_its_children()
    {
        var p = new PlanBuilder();
        var sum = p.Task("Phase", 0, with: t => t with { Milestone = false, Constraint = ConstraintKind.StartNoEarlierThan, ConstraintDate = At(8, 8) });
        var c = p.Task("C", Day, sum);
        var s = p.Compute();
        Assert.Equal(At(8, 8), s.Of(c).EarlyStart);
        Assert.Equal(At(8, 8), s.Of(sum).EarlyStart);
    }

    [Fact]
    public void Cycle_error_names_the_tasks_in_link_order()
    {
        var p = new PlanBuilder();
        var a = p.Task("Design", Day); var b = p.Task("Build", Day); var c = p.Task("Test", Day); var d = p.Task("Ship", Day);
        p.Link(a, b).Link(b, c).Link(c, a).Link(c, d);
        var ex = Assert.Throws<DependencyCycleException>(() => p.Compute());
        Assert.Equal(3, ex.TaskNames.Count);
        Assert.Equal(["Build", "Design", "Test"], ex.TaskNames.Order());
        var i = ex.TaskNames.ToList().IndexOf("Design");
        Assert.Equal("Build", ex.TaskNames[(i + 1) % 3]);
        Assert.Contains("Design", ex.Message);
    }

    [Fact]
    public void Self_link_is_a_cycle()
    {
        var p = new PlanBuilder();
        var a = p.Task("Lonely", Day);
        p.Link(a, a);
        var ex = Assert.Throws<DependencyCycleException>(() => p.Compute());
        Assert.Equal(["Lonely"], ex.TaskNames);
    }

    [Fact]
    public void Empty_plan_finishes_at_its_start()
    {
        var s = new PlanBuilder().Compute();
        Assert.Equal(At(5, 8), s.Start);
        Assert.Equal(At(5, 8), s.Finish);
        Assert.Empty(s.Tasks);
    }
}
