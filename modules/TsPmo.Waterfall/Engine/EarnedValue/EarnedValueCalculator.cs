using TsPmo.Waterfall.Engine.Calendars;

namespace TsPmo.Waterfall.Engine.EarnedValue;

/// <summary>
/// PV from baseline cost spread evenly over each task's baseline working time up to the status date (end of that
/// day); EV = Σ baseline cost × % complete; AC = Σ actual cost; EAC by the CPI method (BAC / CPI).
/// CONTRACT: signatures fixed.
/// </summary>
public static class EarnedValueCalculator
{
    public static EarnedValueFigures Compute(IReadOnlyList<EvmTask> tasks, WorkingCalendar calendar, DateOnly statusDate)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(calendar);
        var cutoff = EndOf(statusDate);
        decimal bac = 0, pv = 0, ev = 0, ac = 0;
        foreach (var t in tasks)
        {
            bac += t.BaselineCostMinor;
            pv += t.BaselineCostMinor * PlannedFraction(t, calendar, cutoff);
            ev += t.BaselineCostMinor * Math.Clamp(t.PercentComplete, 0m, 100m) / 100m;
            ac += t.ActualCostMinor;
        }

        decimal? spi = pv == 0 ? null : ev / pv;
        decimal? cpi = ac == 0 ? null : ev / ac;
        decimal? eac = cpi is { } c && c != 0 ? bac / c : null;
        decimal? etc = eac - ac;
        decimal? vac = bac - eac;
        decimal? tcpi = bac - ac == 0 ? null : (bac - ev) / (bac - ac);
        return new EarnedValueFigures(statusDate, bac, pv, ev, ac, ev - pv, ev - ac, spi, cpi, eac, etc, vac, tcpi);
    }

    /// <summary>Cumulative planned value at the end of each day in [from, to] (for the S-curve).</summary>
    public static IReadOnlyList<(DateOnly Day, decimal PlannedValue)> PlannedValueCurve(IReadOnlyList<EvmTask> tasks, WorkingCalendar calendar, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(calendar);
        var curve = new List<(DateOnly, decimal)>(Math.Max(0, to.DayNumber - from.DayNumber + 1));
        if (to < from) return curve;

        // Each task's baseline working minutes are computed once; a day then costs one WorkingMinutesBetween per task in progress.
        var spans = new (EvmTask Task, DateTime Start, DateTime Finish, long Minutes)[tasks.Count];
        var count = 0;
        foreach (var t in tasks)
        {
            if (t.BaselineCostMinor == 0 || Dates(t) is not { } d) continue;
            spans[count++] = (t, d.Start, d.Finish, Math.Max(0, calendar.WorkingMinutesBetween(d.Start, d.Finish)));
        }

        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var cutoff = EndOf(day);
            decimal pv = 0;
            for (var i = 0; i < count; i++)
            {
                var (task, start, finish, minutes) = spans[i];
                pv += task.BaselineCostMinor * Fraction(calendar, start, finish, minutes, cutoff);
            }

            curve.Add((day, pv));
        }

        return curve;
    }

    private static DateTime EndOf(DateOnly day) => day.AddDays(1).ToDateTime(TimeOnly.MinValue);

    private static (DateTime Start, DateTime Finish)? Dates(EvmTask t)
    {
        // A task with only one baseline date is a point in time; with none it was never planned and earns no PV.
        if (t.BaselineStart is null && t.BaselineFinish is null) return null;
        var start = t.BaselineStart ?? t.BaselineFinish!.Value;
        var finish = t.BaselineFinish ?? start;
        return finish < start ? (finish, start) : (start, finish);
    }

    private static decimal PlannedFraction(EvmTask t, WorkingCalendar calendar, DateTime cutoff)
    {
        if (Dates(t) is not { } d) return 0m;
        return Fraction(calendar, d.Start, d.Finish, Math.Max(0, calendar.WorkingMinutesBetween(d.Start, d.Finish)), cutoff);
    }

    private static decimal Fraction(WorkingCalendar calendar, DateTime start, DateTime finish, long minutes, DateTime cutoff)
    {
        if (finish <= cutoff) return 1m;      // all of it is planned by then (milestones: all PV at their date)
        if (start >= cutoff || minutes == 0) return 0m;
        return (decimal)calendar.WorkingMinutesBetween(start, cutoff) / minutes;
    }
}
