using TsPmo.Sdk.Forecasting;

namespace TsPmo.Sdk.Tests.Forecasting;

public class MonteCarloTests
{
    [Fact]
    public void Constant_samples_need_exactly_the_arithmetic_number_of_periods()
    {
        var forecast = new MonteCarlo(new Random(1)).PeriodsToFinish([5, 5, 5], amount: 23, horizon: 100);
        Assert.Equal(new PeriodsForecast(5, 5, 5), forecast);
    }

    [Fact]
    public void Nothing_left_needs_no_period_and_all_zero_history_gives_no_forecast()
    {
        var mc = new MonteCarlo(new Random(1));
        Assert.Equal(new PeriodsForecast(0, 0, 0), mc.PeriodsToFinish([3, 4], 0, 10));
        Assert.Null(mc.PeriodsToFinish([0, 0, 0], 10, 10));
        Assert.Null(mc.PeriodsToFinish([], 10, 10));
    }

    [Fact]
    public void A_forecast_past_the_horizon_is_refused()
    {
        Assert.Null(new MonteCarlo(new Random(1)).PeriodsToFinish([1], amount: 50, horizon: 10));
    }

    [Fact]
    public void Confidence_levels_are_ordered_and_repeatable_with_a_seed()
    {
        double[] history = [0, 2, 3, 5, 8, 1, 4];
        var a = new MonteCarlo(new Random(42)).PeriodsToFinish(history, 40, 520)!;
        var b = new MonteCarlo(new Random(42)).PeriodsToFinish(history, 40, 520)!;
        Assert.Equal(a, b);
        Assert.True(a.P50 <= a.P85 && a.P85 <= a.P95);
        var amounts = new MonteCarlo(new Random(42)).AmountWithin(history, 6)!;
        Assert.True(amounts.P50 >= amounts.P85 && amounts.P85 >= amounts.P95);
    }

    [Fact]
    public void Amount_within_constant_samples_is_exact_and_zero_periods_is_zero()
    {
        var mc = new MonteCarlo(new Random(3));
        Assert.Equal(new AmountForecast(12, 12, 12), mc.AmountWithin([4, 4], 3));
        Assert.Equal(new AmountForecast(0, 0, 0), mc.AmountWithin([4, 4], 0));
        Assert.Null(mc.AmountWithin([], 3));
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        var mc = new MonteCarlo(new Random(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => mc.PeriodsToFinish([1, -1], 5, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => mc.PeriodsToFinish([1], -5, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => mc.PeriodsToFinish([1], 5, 10, trials: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => mc.AmountWithin([1], -1));
    }

    [Theory]
    [InlineData(30, 20)]
    [InlineData(40, 20)]
    [InlineData(50, 35)]
    [InlineData(100, 50)]
    [InlineData(0, 15)]
    public void Percentiles_use_the_nearest_rank_method(double percent, double expected) =>
        Assert.Equal(expected, Percentiles.Of([50, 15, 35, 20, 40], percent));
}
