using TsPmo.Reporting.Domain;
using TsPmo.Reporting.Engine;

namespace TsPmo.Reporting.Tests;

public sealed class KpiCalculatorTests
{
    [Fact]
    public void On_time_delivery_counts_closed_projects_with_a_target_and_a_closing_day()
    {
        var rows = new[]
        {
            Rows.Row(Rows.Project("Closed", target: "2026-03-31", closedOn: "2026-03-31")), // on time (same day)
            Rows.Row(Rows.Project("Closed", target: "2026-03-31", closedOn: "2026-03-01")), // early
            Rows.Row(Rows.Project("Closed", target: "2026-03-31", closedOn: "2026-04-01")), // late
            Rows.Row(Rows.Project("Closed", target: null, closedOn: "2026-04-01")),         // not measurable
            Rows.Row(Rows.Project("Execution", target: "2026-01-01")),
            Rows.Row(Rows.Project("Cancelled", target: "2026-01-01")),
        };
        var k = KpiCalculator.Compute(rows);
        Assert.Equal(new OnTimeKpi(Closed: 4, Measured: 3, OnTime: 2), k.OnTime);
        Assert.Equal(66.7m, k.OnTime.RatePercent); // 2 / 3
        Assert.Equal(1, k.OnTime.Late);
        Assert.Equal(6, k.Projects);
        Assert.Equal(1, k.ActiveProjects);
        Assert.Equal(2, rows.Count(KpiCalculator.Matches("on-time")!));
        Assert.Equal(1, rows.Count(KpiCalculator.Matches("late-closed")!));
    }

    [Fact]
    public void Schedule_variance_averages_forecast_slips_of_active_projects()
    {
        var rows = new[]
        {
            Rows.Row(Rows.Project(target: "2027-01-10"), Rows.Progress(forecast: "2027-01-20")), // +10
            Rows.Row(Rows.Project(target: "2027-01-10"), Rows.Progress(forecast: "2027-01-05")), // -5
            Rows.Row(Rows.Project(target: "2027-01-10"), Rows.Progress(forecast: "2027-02-09")), // +30
            Rows.Row(Rows.Project(target: "2027-01-10"), Rows.Progress()),                        // no forecast
            Rows.Row(Rows.Project("Closed", target: "2027-01-10"), Rows.Progress(forecast: "2027-12-01")), // not active
        };
        var s = KpiCalculator.Compute(rows).Schedule;
        Assert.Equal(4, s.Active);
        Assert.Equal(3, s.Measured);
        Assert.Equal(2, s.Late);
        Assert.Equal(11.7m, s.AverageDays); // (10 - 5 + 30) / 3 = 11.67
        Assert.Equal(30, s.WorstDays);
    }

    [Fact]
    public void Cost_variance_is_earned_value_minus_actual_cost_per_currency()
    {
        var rows = new[]
        {
            Rows.Row(Rows.Project(budget: 100_000_00), Rows.Progress(percent: 50, actual: 60_000_00)), // EV 50,000, AC 60,000: -10,000
            Rows.Row(Rows.Project(budget: 200_000_00), Rows.Progress(percent: 25, actual: 40_000_00)), // EV 50,000, AC 40,000: +10,000
            Rows.Row(Rows.Project(budget: 300_000_00), Rows.Progress(percent: 25)),                    // no actuals
            Rows.Row(Rows.Project(), Rows.Progress(percent: 25, actual: 1_00)),                        // no budget
        };
        var c = KpiCalculator.Compute(rows).Cost;
        Assert.Equal(3, c.WithBudget);
        Assert.Equal(2, c.Measured);
        Assert.Equal(1, c.OverBudget);
        var eur = Assert.Single(c.Totals);
        Assert.Equal(new CostTotals("EUR", 300_000_00, 100_000_00, 100_000_00), eur);
        Assert.Equal(0, eur.VarianceMinor);
        Assert.Equal(0m, eur.VariancePercent);
    }

    [Fact]
    public void Quality_and_satisfaction_count_only_the_projects_that_report_them()
    {
        var rows = new[]
        {
            Rows.Row(Rows.Project(), Rows.Progress(defects: 10, open: 3), satisfaction: 8m),
            Rows.Row(Rows.Project(), Rows.Progress(defects: 4, open: 0), satisfaction: 7m),
            Rows.Row(Rows.Project(), Rows.Progress()),
        };
        var k = KpiCalculator.Compute(rows);
        Assert.Equal(new QualityKpi(2, 14, 3), k.Quality);
        Assert.Equal(new SatisfactionKpi(true, 2, 7.5m), k.Satisfaction);

        var none = KpiCalculator.Compute([Rows.Row(Rows.Project())]);
        Assert.False(none.Satisfaction.Provided);
        Assert.Null(none.Satisfaction.Average);
        Assert.Null(none.OnTime.RatePercent);
        Assert.Null(none.Schedule.AverageDays);
    }

    [Fact]
    public void Past_projects_compare_planned_and_actual_by_methodology()
    {
        var rows = new[]
        {
            Rows.Row(Rows.Project("Closed", start: "2026-01-01", target: "2026-04-11", closedOn: "2026-05-21", budget: 100_000_00, methodology: "scrum"),
                Rows.Progress(actual: 120_000_00)), // 100 planned, 140 actual: 1.40; cost 1.20
            Rows.Row(Rows.Project("Closed", start: "2026-01-01", target: "2026-04-11", closedOn: "2026-04-11", budget: 50_000_00, methodology: "scrum")),
            Rows.Row(Rows.Project("Closed", start: "2026-01-01", target: "2026-01-11", closedOn: "2026-01-21", methodology: "waterfall")),
            Rows.Row(Rows.Project("Execution", methodology: "scrum")),
        };
        var groups = PastProjects.Compute(rows, new Dictionary<long, decimal> { [rows[1].Id] = 45_000m }); // snapshot: 45,000 spent
        Assert.Equal(["scrum", "waterfall"], groups.Select(g => g.MethodologyId).ToArray());
        var scrum = groups[0];
        Assert.Equal(2, scrum.Projects.Count);
        Assert.Equal(100m, scrum.AveragePlannedDays);
        Assert.Equal(120m, scrum.AverageActualDays);
        Assert.Equal(1.2m, scrum.AverageDurationRatio); // (1.40 + 1.00) / 2
        Assert.Equal(1.05m, scrum.AverageCostRatio);    // (1.20 + 0.90) / 2
        Assert.Equal(2.0m, groups[1].AverageDurationRatio);
    }
}
