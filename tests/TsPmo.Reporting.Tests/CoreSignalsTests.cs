using TsPmo.Reporting.Engine;
using TsPmo.Sdk.Ports.Health;

namespace TsPmo.Reporting.Tests;

public sealed class CoreSignalsTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData("2027-03-31", Rag.Green)] // forecast = target
    [InlineData("2027-04-14", Rag.Amber)] // 14 days late
    [InlineData("2027-04-15", Rag.Red)]   // 15 days late
    public void Schedule_compares_the_forecast_with_the_target(string forecast, Rag expected)
    {
        var signal = Assert.Single(CoreSignals.For(Rows.Project(target: "2027-03-31"), Rows.Progress(forecast: forecast), Today));
        Assert.Equal(HealthDimension.Schedule, signal.Dimension);
        Assert.Equal(expected, signal.Rag);
    }

    [Fact]
    public void A_passed_target_without_a_forecast_is_red_unless_the_work_is_done()
    {
        Assert.Equal(Rag.Red, Assert.Single(CoreSignals.For(Rows.Project(target: "2026-11-01"), null, Today)).Rag);
        Assert.Empty(CoreSignals.For(Rows.Project(target: "2026-11-01"), Rows.Progress(percent: 100), Today));
        Assert.Empty(CoreSignals.For(Rows.Project(target: "2027-11-01"), null, Today));
    }

    [Theory]
    [InlineData(50, 4_000_000, Rag.Green)]  // spent 40 % for 50 % of the work
    [InlineData(50, 5_500_000, Rag.Green)]  // 10 % over earned value is still green
    [InlineData(50, 5_600_000, Rag.Amber)]
    [InlineData(90, 10_100_000, Rag.Red)]   // over the whole budget
    public void Cost_compares_actual_cost_with_earned_value_and_budget(decimal percent, long actual, Rag expected)
    {
        var signal = Assert.Single(CoreSignals.For(Rows.Project(budget: 10_000_000), Rows.Progress(percent: percent, actual: actual), Today));
        Assert.Equal(HealthDimension.Cost, signal.Dimension);
        Assert.Equal(expected, signal.Rag);
    }

    [Theory]
    [InlineData(0, Rag.Green)]
    [InlineData(5, Rag.Amber)]
    [InlineData(6, Rag.Red)]
    public void Quality_counts_open_defects(int open, Rag expected) =>
        Assert.Equal(expected, Assert.Single(CoreSignals.For(Rows.Project(), Rows.Progress(defects: 10, open: open), Today)).Rag);
}
