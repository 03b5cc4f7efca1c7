namespace TsPmo.Sdk.Forecasting;

/// <summary>
/// Where every forecast gets its randomness (a singleton the host registers). Tests replace the registration with one
/// that returns a seeded <see cref="Random"/> to make forecasts repeatable. A <see cref="Random"/> is not thread-safe:
/// create one per request.
/// </summary>
public class ForecastRandom
{
    public virtual Random Create() => new();
}
