using TsPmo.Reporting.Domain;

namespace TsPmo.Reporting.Engine;

/// <summary>A closed project's plan against what happened: duration start → target against start → closed, budget against actual cost.</summary>
public sealed record PastProject(ProjectRow Row, int? PlannedDays, int? ActualDays, long? BudgetMinor, long? ActualCostMinor)
{
    public int? SlipDays => PlannedDays is { } p && ActualDays is { } a ? a - p : null;
    public decimal? DurationRatio => PlannedDays is > 0 and var p && ActualDays is { } a ? Math.Round((decimal)a / p, 2) : null;
    public decimal? CostRatio => BudgetMinor is > 0 and var b && ActualCostMinor is { } a ? Math.Round((decimal)a / b, 2) : null;
}

/// <summary>The closed projects of one methodology with the averages the next estimate can learn from.</summary>
public sealed record PastProjectGroup(string MethodologyId, IReadOnlyList<PastProject> Projects)
{
    public decimal? AveragePlannedDays => Average(Projects.Select(p => p.PlannedDays));
    public decimal? AverageActualDays => Average(Projects.Select(p => p.ActualDays));
    /// <summary>Actual duration over planned, averaged: 1.25 means projects took a quarter longer than planned.</summary>
    public decimal? AverageDurationRatio => Average(Projects.Select(p => p.DurationRatio));
    public decimal? AverageCostRatio => Average(Projects.Select(p => p.CostRatio));

    private static decimal? Average(IEnumerable<int?> values) => Average(values.Select(v => (decimal?)v));

    private static decimal? Average(IEnumerable<decimal?> values)
    {
        var list = values.OfType<decimal>().ToList();
        return list.Count == 0 ? null : Math.Round(list.Average(), 2);
    }
}

public static class PastProjects
{
    /// <summary>
    /// Closed projects grouped by methodology. Actual cost is the methodology's figure when it still reports one, else
    /// the last snapshot of <c>reporting.actual_cost</c> (major units) taken while the project ran.
    /// </summary>
    public static IReadOnlyList<PastProjectGroup> Compute(IEnumerable<ProjectRow> rows, IReadOnlyDictionary<long, decimal> lastActualCost) =>
        rows.Where(r => r.Project.Phase == ProjectPhases.Closed)
            .Select(r =>
            {
                var p = r.Project;
                int? planned = p.StartDate is { } s && p.TargetDate is { } t ? t.DayNumber - s.DayNumber : null;
                int? actual = p.StartDate is { } s2 && p.ClosedOn is { } c ? c.DayNumber - s2.DayNumber : null;
                long? cost = r.Progress?.ActualCostMinor ?? (lastActualCost.TryGetValue(r.Id, out var major) ? (long)Math.Round(major * 100m) : null);
                return new PastProject(r, planned, actual, p.BudgetMinor, cost);
            })
            .GroupBy(p => p.Row.Project.MethodologyId)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PastProjectGroup(g.Key, g.OrderBy(p => p.Row.Project.ClosedOn).ToList()))
            .ToList();
}
