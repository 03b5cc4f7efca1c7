using TsPmo.Sdk.Ports.Health;

namespace TsPmo.Reporting.Domain;

/// <summary>One dimension's colour: what the signals say, what is shown, and the override that made the difference.</summary>
public sealed record DimensionHealth(HealthDimension Dimension, HealthRag Computed, HealthRag Effective, HealthOverride? Override);

/// <summary>The health of one project: overall and per dimension, with every signal behind it.</summary>
public sealed record ProjectHealth(
    long ProjectId,
    HealthRag ComputedOverall,
    HealthRag Overall,
    HealthOverride? OverallOverride,
    IReadOnlyList<DimensionHealth> Dimensions,
    IReadOnlyList<HealthSignal> Signals)
{
    public DimensionHealth this[HealthDimension dimension] => Dimensions.First(d => d.Dimension == dimension);

    public IEnumerable<HealthOverride> ActiveOverrides =>
        Dimensions.Select(d => d.Override).Append(OverallOverride).OfType<HealthOverride>();
}
