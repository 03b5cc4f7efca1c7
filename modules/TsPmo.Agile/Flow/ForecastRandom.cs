namespace TsPmo.Agile.Flow;

/// <summary>Where forecasts get their randomness; replace the registration with a seeded one to make them repeatable.</summary>
public class ForecastRandom
{
    public virtual Random Create() => new();
}
