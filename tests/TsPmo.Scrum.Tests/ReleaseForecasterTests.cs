using TsPmo.Sdk.Forecasting;
using TsPmo.Scrum.Engine;

namespace TsPmo.Scrum.Tests;

/// <summary>The Monte Carlo release forecast, with draws scripted so each trial can be followed by hand.</summary>
public sealed class ReleaseForecasterTests
{
    /// <summary>Returns the scripted indices in order for <see cref="Random.Next(int)"/>.</summary>
    private sealed class ScriptedRandom(params int[] draws) : Random
    {
        private int next;

        public override int Next(int maxValue)
        {
            var value = draws[next++ % draws.Length];
            Assert.InRange(value, 0, maxValue - 1);
            return value;
        }
    }

    [Fact]
    public void Scripted_trials_give_the_hand_computed_percentiles()
    {
        // Velocities 4 and 8 (index 0 and 1), 12 points remain, 4 trials:
        //   trial 1 draws 1, 1     → 8 + 8     = 16 ≥ 12 after 2 sprints
        //   trial 2 draws 0, 0, 0  → 4 + 4 + 4 = 12 ≥ 12 after 3 sprints
        //   trial 3 draws 0, 1     → 4 + 8     = 12      after 2 sprints
        //   trial 4 draws 1, 0     → 8 + 4     = 12      after 2 sprints
        // Sorted: 2, 2, 2, 3. Nearest rank: P50 = rank ⌈0.50 × 4⌉ = 2 → 2; P85 = rank ⌈3.4⌉ = 4 → 3; P95 = rank ⌈3.8⌉ = 4 → 3.
        var forecaster = new ReleaseForecaster(new ScriptedRandom(1, 1, 0, 0, 0, 0, 1, 1, 0));

        var forecast = forecaster.SprintsNeeded([4m, 8m], 12m, trials: 4);

        Assert.Equal(new SprintForecast(2, 3, 3), forecast);
    }

    [Fact]
    public void A_steady_team_needs_the_same_number_of_sprints_in_every_trial()
    {
        // 35 points at 10 a sprint: 10, 20, 30, 40 ≥ 35 → 4 sprints, whatever is drawn.
        var forecast = new ReleaseForecaster(new Random(7)).SprintsNeeded([10m, 10m, 10m], 35m, trials: 1000);
        Assert.Equal(new SprintForecast(4, 4, 4), forecast);
    }

    [Fact]
    public void Seeded_forecasts_are_ordered_and_bounded_by_the_best_and_worst_velocity()
    {
        // 100 points with velocities 15 to 30: at best ⌈100/30⌉ = 4 sprints, at worst ⌈100/15⌉ = 7.
        var forecast = new ReleaseForecaster(new Random(42)).SprintsNeeded([15m, 20m, 25m, 30m], 100m)!;
        Assert.InRange(forecast.P50, 4, 7);
        Assert.True(forecast.P50 <= forecast.P85 && forecast.P85 <= forecast.P95 && forecast.P95 <= 7, forecast.ToString());
    }

    [Fact]
    public void Nothing_left_needs_no_sprint_and_no_history_gives_no_forecast()
    {
        var forecaster = new ReleaseForecaster(new Random(1));
        Assert.Equal(new SprintForecast(0, 0, 0), forecaster.SprintsNeeded([], 0m));
        Assert.Null(forecaster.SprintsNeeded([], 10m));
        Assert.Null(forecaster.SprintsNeeded([0m, 0m], 10m));
        Assert.Throws<ArgumentOutOfRangeException>(() => forecaster.SprintsNeeded([5m, -1m], 10m));
        Assert.Throws<ArgumentOutOfRangeException>(() => forecaster.SprintsNeeded([5m], -1m));
    }

    [Fact]
    public void A_trickle_that_would_take_longer_than_the_horizon_gives_no_forecast()
    {
        // 0.5 points a sprint for 1,000 points: 2,000 sprints, beyond the 200-sprint horizon.
        Assert.Null(new ReleaseForecaster(new Random(3)).SprintsNeeded([0.5m], 1000m, trials: 10));
    }

    [Theory]
    [InlineData(4, 50, 1)]   // rank ⌈2⌉ = 2
    [InlineData(4, 85, 3)]   // rank ⌈3.4⌉ = 4
    [InlineData(10, 95, 9)]  // rank ⌈9.5⌉ = 10
    [InlineData(20, 85, 16)] // rank 17
    [InlineData(1, 50, 0)]
    public void Nearest_rank_indices(int count, int percent, int index) =>
        Assert.Equal(index, Percentiles.NearestRankIndex(count, percent));

    [Fact]
    public void Average_velocity_is_the_mean_of_the_last_three_sprints()
    {
        Assert.Equal(30m, Velocity.AverageOfLast([10m, 20m, 30m, 40m]));   // (20 + 30 + 40) / 3
        Assert.Equal(12.5m, Velocity.AverageOfLast([10m, 15m]));          // (10 + 15) / 2
        Assert.Equal(13.3m, Velocity.AverageOfLast([10m, 10m, 20m]));     // 40 / 3 = 13.33… → 13.3
        Assert.Null(Velocity.AverageOfLast([]));
    }
}
