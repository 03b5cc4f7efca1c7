namespace TsPmo.Agile.Domain;

/// <summary>The dates by which the work is done with 50 %, 85 % and 95 % confidence (P50 ≤ P85 ≤ P95).</summary>
public sealed record DateForecast(DateOnly P50, DateOnly P85, DateOnly P95);
