using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Methodology;

namespace TsPmo.Reporting.Domain;

/// <summary>
/// One project as the dashboard sees it: core facts, the methodology's progress (null when none reports it), health
/// (null for closed and cancelled projects: they are history), and customer satisfaction when a module measures it.
/// </summary>
public sealed record ProjectRow(ProjectInfo Project, MethodologyProgress? Progress, ProjectHealth? Health, decimal? Satisfaction)
{
    public long Id => Project.Id;
    public bool IsActive => ProjectPhases.IsActive(Project.Phase);

    /// <summary>Forecast finish minus target date in days (positive is late); null without both.</summary>
    public int? ScheduleVarianceDays =>
        Progress?.ForecastFinish is { } f && (Project.TargetDate ?? Progress.PlannedFinish) is { } t ? f.DayNumber - t.DayNumber : null;

    /// <summary>Earned value minus actual cost in minor units (negative is over budget); null without budget and actuals.</summary>
    public long? CostVarianceMinor =>
        Project.BudgetMinor is { } b && Progress?.ActualCostMinor is { } a ? (long)Math.Round(b * Progress.PercentComplete / 100m) - a : null;
}

public static class ProjectPhases
{
    public const string Closed = "Closed";
    public const string Cancelled = "Cancelled";

    /// <summary>The lifecycle order, for grouping.</summary>
    public static readonly IReadOnlyList<string> Order = ["Initiation", "Planning", "Execution", "Closing", "OnHold", Closed, Cancelled];

    public static bool IsActive(string phase) => phase is not (Closed or Cancelled);
}
