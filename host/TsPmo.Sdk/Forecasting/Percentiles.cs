namespace TsPmo.Sdk.Forecasting;

/// <summary>
/// Percentiles as TsPmo reports them everywhere (flow metrics, forecasts, benchmarks): the <b>nearest-rank method</b>,
/// always one of the observed values (docs/metrics.md, "Percentiles").
/// </summary>
public static class Percentiles
{
    /// <summary>
    /// The <paramref name="percent"/>-th percentile of <paramref name="values"/>: sort the N values ascending and take
    /// the one at rank ⌈percent / 100 × N⌉ (1-based; rank 1 for percent 0). "85 % of cards finished within this many
    /// days" stays literally true, which interpolated percentiles do not promise. Example (Wikipedia, "Percentile",
    /// nearest-rank): 15, 20, 35, 40, 50 → P30 = 20, P40 = 20, P50 = 35, P100 = 50.
    /// </summary>
    /// <param name="values">Need not be sorted; not modified. Must not contain NaN.</param>
    /// <param name="percent">Between 0 and 100 inclusive.</param>
    /// <returns>Null when <paramref name="values"/> is empty.</returns>
    public static double? Of(IReadOnlyList<double> values, double percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (double.IsNaN(percent) || percent < 0 || percent > 100)
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "A percentile is between 0 and 100.");
        if (values.Count == 0) return null;

        var sorted = new double[values.Count];
        for (var i = 0; i < sorted.Length; i++) sorted[i] = values[i];
        Array.Sort(sorted);
        return sorted[NearestRankIndex(sorted.Length, percent)];
    }

    /// <summary>
    /// The 0-based index of the nearest-rank percentile in a sorted list of <paramref name="count"/> values.
    /// <c>percent * count</c> is exact for whole percents, so the division only rounds when the rank is not an
    /// integer anyway — no epsilon needed to keep P40 of five values at rank 2.
    /// </summary>
    public static int NearestRankIndex(int count, double percent)
    {
        var rank = (int)Math.Ceiling(percent * count / 100.0);
        return Math.Clamp(rank, 1, count) - 1;
    }
}
