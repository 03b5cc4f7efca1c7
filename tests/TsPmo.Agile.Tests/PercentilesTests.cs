using TsPmo.Sdk.Forecasting;

namespace TsPmo.Agile.Tests;

/// <summary>Worked examples of the nearest-rank method from Wikipedia, "Percentile" (§ The nearest-rank method).</summary>
public sealed class PercentilesTests
{
    [Theory]
    [InlineData(5, 15)]   // rank ⌈0.05 × 5⌉ = 1
    [InlineData(30, 20)]  // rank ⌈1.5⌉ = 2
    [InlineData(40, 20)]  // rank ⌈2.0⌉ = 2 — exactly on a rank, not the next one
    [InlineData(50, 35)]  // rank ⌈2.5⌉ = 3
    [InlineData(100, 50)] // rank 5
    public void Wikipedia_example_one(double percent, double expected) =>
        // Given out of order on purpose: the method must sort.
        Assert.Equal(expected, Percentiles.Of([50, 15, 40, 20, 35], percent));

    [Theory]
    [InlineData(0, 3)]
    [InlineData(25, 7)]   // ⌈2.5⌉ = 3rd of ten
    [InlineData(50, 8)]   // 5th
    [InlineData(75, 15)]  // ⌈7.5⌉ = 8th
    [InlineData(100, 20)]
    public void Wikipedia_example_two(double percent, double expected) =>
        Assert.Equal(expected, Percentiles.Of([3, 6, 7, 8, 8, 10, 13, 15, 16, 20], percent));

    [Theory]
    [InlineData(25, 7)]   // ⌈2.75⌉ = 3rd of eleven
    [InlineData(50, 9)]   // ⌈5.5⌉ = 6th
    [InlineData(75, 15)]  // ⌈8.25⌉ = 9th
    [InlineData(100, 20)]
    public void Wikipedia_example_three(double percent, double expected) =>
        Assert.Equal(expected, Percentiles.Of([3, 6, 7, 8, 8, 9, 10, 13, 15, 16, 20], percent));

    [Fact]
    public void Does_not_reorder_the_callers_list()
    {
        double[] values = [50, 15, 40];
        Percentiles.Of(values, 50);
        Assert.Equal([50, 15, 40], values);
    }

    [Fact]
    public void No_values_means_no_percentile() => Assert.Null(Percentiles.Of([], 85));

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void Percent_outside_0_to_100_is_refused(double percent) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of([1, 2, 3], percent));
}
