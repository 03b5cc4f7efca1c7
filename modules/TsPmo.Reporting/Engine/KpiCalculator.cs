using TsPmo.Reporting.Domain;

namespace TsPmo.Reporting.Engine;

/// <summary>
/// The portfolio KPIs from the projects' rows (pure, hand-checked in unit tests). Each KPI keeps the counts behind
/// it, and <see cref="Matches"/> says which projects a figure stands for, so every figure drills down.
/// </summary>
public static class KpiCalculator
{
    public static PortfolioKpis Compute(IReadOnlyList<ProjectRow> rows)
    {
        var closed = rows.Where(r => r.Project.Phase == ProjectPhases.Closed).ToList();
        var measuredClosed = closed.Where(IsOnTimeMeasurable).ToList();
        var onTime = new OnTimeKpi(closed.Count, measuredClosed.Count, measuredClosed.Count(IsOnTime));

        var active = rows.Where(r => r.IsActive).ToList();
        var slips = active.Select(r => r.ScheduleVarianceDays).OfType<int>().ToList();
        var schedule = new ScheduleKpi(active.Count, slips.Count, slips.Count(s => s > 0),
            slips.Count == 0 ? null : Math.Round((decimal)slips.Average(), 1), slips.Count == 0 ? null : slips.Max());

        var costed = rows.Where(r => r.CostVarianceMinor is not null).ToList();
        var totals = costed.GroupBy(r => r.Project.Currency ?? "").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CostTotals(g.Key, g.Sum(r => r.Project.BudgetMinor!.Value),
                g.Sum(r => (long)Math.Round(r.Project.BudgetMinor!.Value * r.Progress!.PercentComplete / 100m)),
                g.Sum(r => r.Progress!.ActualCostMinor!.Value)))
            .ToList();
        var cost = new CostKpi(rows.Count(r => r.Project.BudgetMinor is > 0), costed.Count, costed.Count(r => r.CostVarianceMinor < 0), totals);

        var withDefects = rows.Where(r => r.Progress?.DefectsTotal is not null).ToList();
        var quality = new QualityKpi(withDefects.Count, withDefects.Sum(r => r.Progress!.DefectsTotal!.Value),
            withDefects.Sum(r => r.Progress!.DefectsOpen ?? 0));

        var scores = rows.Select(r => r.Satisfaction).OfType<decimal>().ToList();
        var satisfaction = new SatisfactionKpi(scores.Count > 0, scores.Count, scores.Count == 0 ? null : Math.Round(scores.Average(), 1));

        return new PortfolioKpis(rows.Count, active.Count, onTime, schedule, cost, quality, satisfaction);
    }

    public static bool IsOnTimeMeasurable(ProjectRow r) =>
        r.Project.Phase == ProjectPhases.Closed && r.Project.ClosedOn is not null && r.Project.TargetDate is not null;

    public static bool IsOnTime(ProjectRow r) => IsOnTimeMeasurable(r) && r.Project.ClosedOn <= r.Project.TargetDate;

    /// <summary>The projects behind a KPI figure; null for an unknown key.</summary>
    public static Func<ProjectRow, bool>? Matches(string kpi) => kpi switch
    {
        "closed" => r => r.Project.Phase == ProjectPhases.Closed,
        "on-time" => IsOnTime,
        "late-closed" => r => IsOnTimeMeasurable(r) && !IsOnTime(r),
        "schedule-measured" => r => r.IsActive && r.ScheduleVarianceDays is not null,
        "schedule-late" => r => r.IsActive && r.ScheduleVarianceDays > 0,
        "cost-measured" => r => r.CostVarianceMinor is not null,
        "over-budget" => r => r.CostVarianceMinor < 0,
        "defects" => r => r.Progress?.DefectsTotal is not null,
        "defects-open" => r => r.Progress?.DefectsOpen > 0,
        "satisfaction" => r => r.Satisfaction is not null,
        _ => null,
    };

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["closed"] = "Closed projects",
        ["on-time"] = "Closed on or before their target date",
        ["late-closed"] = "Closed after their target date",
        ["schedule-measured"] = "Active projects with a forecast and a target",
        ["schedule-late"] = "Active projects forecast to finish late",
        ["cost-measured"] = "Projects with a budget and actual cost",
        ["over-budget"] = "Projects over budget (actual cost above earned value)",
        ["defects"] = "Projects reporting defects",
        ["defects-open"] = "Projects with open defects",
        ["satisfaction"] = "Projects with customer satisfaction",
    };
}
