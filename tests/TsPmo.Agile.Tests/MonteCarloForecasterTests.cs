using TsPmo.Agile.Domain;
using TsPmo.Agile.Engine;

namespace TsPmo.Agile.Tests;

public sealed class MonteCarloForecasterTests
{
    private static readonly DateOnly Today = new(2024, 1, 1);

    private static MonteCarloForecaster Seeded(int seed = 42) => new(new Random(seed));

    [Fact]
    public void Constant_throughput_gives_an_exact_date_at_every_confidence()
    {
        // Always 5 a week, 23 items: 5, 10, 15, 20 after four weeks, 25 ≥ 23 after the fifth → today + 35 days.
        var forecast = Seeded().WhenDone([5, 5, 5], 23, Today, 10_000);
        var expected = new DateOnly(2024, 2, 5);
        Assert.Equal(new DateForecast(expected, expected, expected), forecast);
    }

    [Fact]
    public void Items_finished_in_a_single_week_land_on_its_end()
    {
        // 5 items at 5 a week: one week, today + 7.
        var forecast = Seeded().WhenDone([5], 5, Today, 100);
        Assert.Equal(new DateOnly(2024, 1, 8), forecast!.P95);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Two_valued_throughput_matches_the_negative_binomial_within_a_week(int seed)
    {
        // Weeks of 0 or 10 items, equally likely; 30 items need 3 "ten" weeks. The weeks W a trial takes satisfy
        // P(W ≤ w) = P(Binomial(w, ½) ≥ 3), computed by hand:
        //   w=5: (10+5+1)/32 = 0.5      w=7: 99/128 = 0.773     w=8: 1 − 37/256 = 0.855
        //   w=10: 1 − 56/1024 = 0.945   w=11: 1 − 67/2048 = 0.967
        // Smallest w with P(W ≤ w) ≥ c: P50 = 5 weeks, P85 = 8 weeks, P95 = 11 weeks. 10,000 trials estimate
        // each probability to about ±0.004 (one standard deviation), so allow one week either way — P50 sits
        // exactly on 0.5 and may honestly come out as 5 or 6.
        var forecast = Seeded(seed).WhenDone([0, 10], 30, Today, 10_000)!;
        AssertWeeks(5, forecast.P50);
        AssertWeeks(8, forecast.P85);
        AssertWeeks(11, forecast.P95);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Two_valued_throughput_count_matches_the_binomial_within_one_sample(int seed)
    {
        // 10 whole weeks (74 days) of 0 or 10 items: the count is 10 × X, X ~ Binomial(10, ½). P(X ≥ k) by hand
        // (sums of C(10, j), j ≥ k, over 1024): k=6: 386 → 0.377; k=5: 638 → 0.623; k=4: 848 → 0.828;
        // k=3: 968 → 0.945; k=2: 1013 → 0.989. The largest k reached by at least c of the trials:
        // P50 → 5 (50 items), P85 → 3 (30), P95 → 2 (20; 0.945 is close to 0.95, hence the tolerance of one sample).
        var forecast = Seeded(seed).HowMany([0, 10], Today, Today.AddDays(74), 10_000)!;
        Assert.InRange(forecast.P50, 40, 60);
        Assert.InRange(forecast.P85, 20, 40);
        Assert.InRange(forecast.P95, 10, 30);
    }

    [Fact]
    public void Constant_throughput_counts_whole_weeks_only()
    {
        // 30 days hold 4 whole weeks: 4 × 5 = 20 at every confidence.
        var forecast = Seeded().HowMany([5, 5], Today, Today.AddDays(30), 1_000);
        Assert.Equal(new CountForecast(20, 20, 20), forecast);
    }

    [Fact]
    public void Less_than_a_week_away_forecasts_nothing_done()
    {
        Assert.Equal(new CountForecast(0, 0, 0), Seeded().HowMany([5], Today, Today.AddDays(6), 100));
    }

    [Fact]
    public void More_confidence_promises_fewer_items_and_later_dates()
    {
        int[] history = [3, 0, 7, 2, 5, 1, 4, 6, 0, 9, 2, 3];
        var counts = Seeded(7).HowMany(history, Today, Today.AddDays(12 * 7), 10_000)!;
        Assert.True(counts.P95 <= counts.P85 && counts.P85 <= counts.P50, counts.ToString());
        Assert.True(counts.P95 < counts.P50, "a spread-out history must give a spread-out forecast: " + counts);

        var dates = Seeded(7).WhenDone(history, 40, Today, 10_000)!;
        Assert.True(dates.P50 <= dates.P85 && dates.P85 <= dates.P95, dates.ToString());
    }

    [Fact]
    public void The_same_seed_gives_the_same_forecast()
    {
        int[] history = [3, 0, 7, 2, 5, 1, 4, 6];
        Assert.Equal(Seeded(11).WhenDone(history, 50, Today, 5_000), Seeded(11).WhenDone(history, 50, Today, 5_000));
        Assert.Equal(Seeded(11).HowMany(history, Today, Today.AddDays(60), 5_000), Seeded(11).HowMany(history, Today, Today.AddDays(60), 5_000));
    }

    [Fact]
    public void No_samples_or_only_zero_weeks_give_no_date()
    {
        Assert.Null(Seeded().WhenDone([], 10, Today, 1_000));
        Assert.Null(Seeded().WhenDone([0, 0, 0], 10, Today, 1_000));
        Assert.Null(Seeded().HowMany([], Today, Today.AddDays(30), 1_000));
    }

    [Fact]
    public void Only_zero_weeks_forecast_zero_items_by_a_date()
    {
        Assert.Equal(new CountForecast(0, 0, 0), Seeded().HowMany([0, 0], Today, Today.AddDays(30), 1_000));
    }

    [Fact]
    public void A_finish_beyond_the_horizon_gives_no_date()
    {
        // One item a year on average: 100 items take about a century, far past the ten-year horizon.
        var history = new int[52];
        history[0] = 1;
        Assert.Null(Seeded().WhenDone(history, 100, Today, 1_000));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Fewer_than_one_item_is_refused(int items)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Seeded().WhenDone([5], items, Today, 1_000));
        Assert.Equal("items", error.ParamName);
        Assert.Contains("at least one item", error.Message);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(100_001)]
    public void Trials_outside_100_to_100000_are_refused(int trials)
    {
        var when = Assert.Throws<ArgumentOutOfRangeException>(() => Seeded().WhenDone([5], 10, Today, trials));
        var many = Assert.Throws<ArgumentOutOfRangeException>(() => Seeded().HowMany([5], Today, Today.AddDays(30), trials));
        Assert.Contains("between 100 and 100,000", when.Message);
        Assert.Equal("trials", many.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_by_date_not_after_today_is_refused(int days)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Seeded().HowMany([5], Today, Today.AddDays(days), 1_000));
        Assert.Equal("by", error.ParamName);
        Assert.Contains("must be after today", error.Message);
    }

    [Fact]
    public void A_by_date_past_the_horizon_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Seeded().HowMany([5], Today, Today.AddYears(11), 1_000));

    [Fact]
    public void Negative_throughput_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Seeded().WhenDone([3, -1], 10, Today, 1_000));
        Assert.Contains("week 2", error.Message);
    }

    private static void AssertWeeks(int expectedWeeks, DateOnly actual)
    {
        var weeks = (actual.DayNumber - Today.DayNumber) / 7.0;
        Assert.InRange(weeks, expectedWeeks - 1, expectedWeeks + 1);
        Assert.Equal(0, (actual.DayNumber - Today.DayNumber) % 7); // always the end of a whole week
    }
}
