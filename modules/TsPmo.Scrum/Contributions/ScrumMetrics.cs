using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Methodology;
using TsPmo.Sdk.Ports.Reporting;
using TsPmo.Scrum.Services;

namespace TsPmo.Scrum.Contributions;

/// <summary>Scrum's key figures for reporting's time series: average velocity, remaining points, percent complete.</summary>
public sealed class ScrumMetrics(SprintService sprints, ScrumMethodology methodology, IProjectDirectory projects) : IMetricSource
{
    public async Task<IReadOnlyList<MetricValue>> CaptureAsync(long projectId, CancellationToken ct = default)
    {
        if ((await projects.FindAsync(projectId, ct))?.MethodologyId != ScrumModule.Id) return [];
        var velocity = await sprints.VelocityAsync(projectId, ct);
        MethodologyProgress progress = await methodology.GetProgressAsync(projectId, ct);
        var values = new List<MetricValue>
        {
            new("scrum.remaining_points", progress.RemainingWork, "points"),
            new("scrum.percent_complete", progress.PercentComplete, "%"),
        };
        if (velocity.AverageLast3 is { } average) values.Add(new MetricValue("scrum.velocity", average, "points/sprint"));
        return values;
    }
}
