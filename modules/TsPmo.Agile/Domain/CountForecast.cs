namespace TsPmo.Agile.Domain;

/// <summary>
/// How many items will be done by a date with 50 %, 85 % and 95 % confidence. More confidence means promising
/// fewer items, so P95 ≤ P85 ≤ P50.
/// </summary>
public sealed record CountForecast(int P50, int P85, int P95);
