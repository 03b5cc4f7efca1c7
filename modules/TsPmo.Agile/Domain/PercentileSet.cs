using TsPmo.Sdk.Forecasting;
namespace TsPmo.Agile.Domain;

/// <summary>
/// The 50th, 85th and 95th nearest-rank percentiles of a set of durations, in (fractional) days, and how many
/// durations they were taken from. The percentiles are null when <see cref="Count"/> is 0: there is nothing to
/// rank, and zero would read as "instant".
/// </summary>
public sealed record PercentileSet(double? P50, double? P85, double? P95, int Count)
{
    internal static readonly PercentileSet Empty = new(null, null, null, 0);

    /// <summary>Sorts <paramref name="days"/> in place once and reads the three ranks from it.</summary>
    internal static PercentileSet From(List<double> days)
    {
        if (days.Count == 0) return Empty;
        days.Sort();
        return new(
            days[Percentiles.NearestRankIndex(days.Count, 50)],
            days[Percentiles.NearestRankIndex(days.Count, 85)],
            days[Percentiles.NearestRankIndex(days.Count, 95)],
            days.Count);
    }
}
