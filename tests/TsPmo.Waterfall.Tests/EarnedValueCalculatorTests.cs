using TsPmo.Waterfall.Engine.Calendars;
using TsPmo.Waterfall.Engine.EarnedValue;
using TsPmo.Waterfall.Engine.Scheduling;

namespace TsPmo.Waterfall.Tests;

public sealed class EarnedValueCalculatorTests
{
    private static readonly WorkingCalendar Standard = new(CalendarDefinition.Standard);

    /// <summary>
    /// Worked example from Kathy Schwalbe, <i>Information Technology Project Management</i> (Course Technology,
    /// 6th ed., 2010), ch. 7 "Project Cost Management", Table 7-5 "Earned Value Calculations for One Activity After
    /// One Week": an activity (installing a Web server) planned for one week at $10,000, 75 % done at the end of the
    /// week at an actual cost of $15,000. Published: PV $10,000, EV $7,500, AC $15,000, CV −$7,500, SV −$2,500,
    /// CPI 50 %, SPI 75 %. The estimates below follow from the same figures by hand (BAC = $10,000 for this activity):
    /// EAC = BAC / CPI = $20,000; ETC = EAC − AC = $5,000; VAC = BAC − EAC = −$10,000;
    /// TCPI = (BAC − EV) / (BAC − AC) = 2,500 / −5,000 = −0.5. Money in cents.
    /// </summary>
    [Fact]
    public void Schwalbe_one_activity_after_one_week()
    {
        var webServer = new EvmTask(1, new DateTime(2026, 1, 5, 8, 0, 0), new DateTime(2026, 1, 9, 17, 0, 0), 1_000_000, 75m, 1_500_000);
        var f = EarnedValueCalculator.Compute([webServer], Standard, new DateOnly(2026, 1, 9));
        Assert.Equal(1_000_000m, f.Bac);
        Assert.Equal(1_000_000m, f.Pv);
        Assert.Equal(750_000m, f.Ev);
        Assert.Equal(1_500_000m, f.Ac);
        Assert.Equal(-750_000m, f.Cv);
        Assert.Equal(-250_000m, f.Sv);
        Assert.Equal(0.5m, f.Cpi);
        Assert.Equal(0.75m, f.Spi);
        Assert.Equal(2_000_000m, f.Eac);
        Assert.Equal(500_000m, f.Etc);
        Assert.Equal(-1_000_000m, f.Vac);
        Assert.Equal(-0.5m, f.Tcpi);
    }

    [Fact]
    public void Planned_value_spreads_over_working_time_to_the_end_of_the_status_day()
    {
        // Two weeks Mon 5 – Fri 16 January (10 working days, $1,000), status Wednesday 7: 3 of 10 days → $300.
        // A milestone on Thursday 8 with $200 earns nothing yet; a task starting next month earns nothing.
        var tasks = new[]
        {
            new EvmTask(1, new DateTime(2026, 1, 5, 8, 0, 0), new DateTime(2026, 1, 16, 17, 0, 0), 100_000, 40m, 30_000),
            new EvmTask(2, new DateTime(2026, 1, 8, 17, 0, 0), new DateTime(2026, 1, 8, 17, 0, 0), 20_000, 0m, 0),
            new EvmTask(3, new DateTime(2026, 2, 2, 8, 0, 0), new DateTime(2026, 2, 6, 17, 0, 0), 50_000, 0m, 0),
        };
        var f = EarnedValueCalculator.Compute(tasks, Standard, new DateOnly(2026, 1, 7));
        Assert.Equal(170_000m, f.Bac);
        Assert.Equal(30_000m, f.Pv);
        Assert.Equal(40_000m, f.Ev);
        Assert.Equal(30_000m, f.Ac);
        Assert.Equal(4m / 3m, f.Spi);
        Assert.Equal(4m / 3m, f.Cpi);

        // The milestone's whole PV lands on its day.
        var thursday = EarnedValueCalculator.Compute(tasks, Standard, new DateOnly(2026, 1, 8));
        Assert.Equal(40_000m + 20_000m, thursday.Pv);
    }

    [Fact]
    public void Index_figures_are_null_when_their_divisor_is_zero()
    {
        var notStarted = new EvmTask(1, new DateTime(2026, 2, 2, 8, 0, 0), new DateTime(2026, 2, 6, 17, 0, 0), 50_000, 0m, 0);
        var f = EarnedValueCalculator.Compute([notStarted], Standard, new DateOnly(2026, 1, 7));
        Assert.Equal(0m, f.Pv);
        Assert.Null(f.Spi);
        Assert.Null(f.Cpi);
        Assert.Null(f.Eac);
        Assert.Null(f.Etc);
        Assert.Null(f.Vac);
        Assert.Equal(1m, f.Tcpi);

        var spent = new EvmTask(2, null, null, 0, 0m, 0);
        var g = EarnedValueCalculator.Compute([spent], Standard, new DateOnly(2026, 1, 7));
        Assert.Null(g.Tcpi);
    }

    [Fact]
    public void Planned_value_curve_is_cumulative_per_day()
    {
        var t = new EvmTask(1, new DateTime(2026, 1, 5, 8, 0, 0), new DateTime(2026, 1, 9, 17, 0, 0), 50_000, 0m, 0);
        var curve = EarnedValueCalculator.PlannedValueCurve([t], Standard, new DateOnly(2026, 1, 4), new DateOnly(2026, 1, 11));
        Assert.Equal(8, curve.Count);
        Assert.Equal([0m, 10_000m, 20_000m, 30_000m, 40_000m, 50_000m, 50_000m, 50_000m], curve.Select(c => c.PlannedValue));
        Assert.Equal(new DateOnly(2026, 1, 4), curve[0].Day);
        Assert.Equal(EarnedValueCalculator.Compute([t], Standard, new DateOnly(2026, 1, 7)).Pv, curve[3].PlannedValue);
    }
}
