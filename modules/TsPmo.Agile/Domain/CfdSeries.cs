namespace TsPmo.Agile.Domain;

/// <summary>
/// The cumulative flow diagram: for each day (its end, in the organization's zone) how many cards sat in each
/// column. <see cref="Bands"/> follow the board's column order; every band has one count per day.
/// </summary>
public sealed record CfdSeries(IReadOnlyList<DateOnly> Days, IReadOnlyList<CfdBand> Bands);
