using TsPmo.Agile.Engine;
namespace TsPmo.Agile.Domain;

/// <summary>Everything the flow-metrics page draws, computed in one pass by <see cref="FlowMetricsCalculator"/>.</summary>
public sealed record FlowMetrics(
    PercentileSet CycleTime,
    PercentileSet LeadTime,
    IReadOnlyList<WeeklyCount> Throughput,
    CfdSeries Cfd,
    IReadOnlyList<AgingItem> Aging,
    IReadOnlyList<ScatterPoint> Scatter);
