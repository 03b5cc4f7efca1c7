namespace TsPmo.Sdk.Ports.Reporting;

/// <summary>
/// Current values of a module's key metrics for a project; reporting snapshots them into time series so
/// trends show and closed projects stay as history.
/// </summary>
public interface IMetricSource
{
    Task<IReadOnlyList<MetricValue>> CaptureAsync(long projectId, CancellationToken ct = default);
}

/// <summary>A metric value. <paramref name="Metric"/> is prefixed by the module id (<c>scrum.velocity</c>).</summary>
public sealed record MetricValue(string Metric, decimal Value, string Unit);
