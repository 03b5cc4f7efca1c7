namespace TsPmo.Agile.Domain;

/// <summary>One column of the cumulative flow diagram: its card count at the end of each day of the series.</summary>
public sealed record CfdBand(string Column, IReadOnlyList<int> Counts);
