namespace TsPmo.Reporting.Domain;

/// <summary>The metrics reporting itself snapshots for every project (the modules' own come from <c>IMetricSource</c>).</summary>
public static class ReportingMetrics
{
    public const string PercentComplete = "reporting.percent_complete";
    public const string RemainingWork = "reporting.remaining_work";
    public const string ScheduleVarianceDays = "reporting.schedule_variance_days";
    public const string ActualCost = "reporting.actual_cost";
    public const string CostVariance = "reporting.cost_variance";
    public const string DefectsOpen = "reporting.defects_open";

    /// <summary>Overall health as a number: 1 green, 2 amber, 3 red (no data is not stored).</summary>
    public const string Health = "reporting.health";

    public static readonly IReadOnlyList<string> All = [PercentComplete, RemainingWork, ScheduleVarianceDays, ActualCost, CostVariance, DefectsOpen, Health];
}

/// <summary>One point of a metric series.</summary>
public sealed record MetricPoint(DateOnly TakenOn, decimal Value, string Unit);

/// <summary>One captured value, ready to store.</summary>
public sealed record CapturedMetric(long ProjectId, string Metric, decimal Value, string Unit);
