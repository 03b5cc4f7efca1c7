namespace TsPmo.Reporting.Domain;

/// <summary>Closed projects finished by their target date: <see cref="OnTime"/> of <see cref="Measured"/> (closed with a target and a closing day).</summary>
public sealed record OnTimeKpi(int Closed, int Measured, int OnTime)
{
    public int Late => Measured - OnTime;
    public decimal? RatePercent => Measured == 0 ? null : Math.Round(100m * OnTime / Measured, 1);
}

/// <summary>Active projects whose methodology forecasts a finish, against their target: average slip in days (positive is late).</summary>
public sealed record ScheduleKpi(int Active, int Measured, int Late, decimal? AverageDays, int? WorstDays);

/// <summary>Earned value against actual cost in one currency (minor units): negative variance is over budget.</summary>
public sealed record CostTotals(string Currency, long BudgetMinor, long EarnedMinor, long ActualMinor)
{
    public long VarianceMinor => EarnedMinor - ActualMinor;
    public decimal? VariancePercent => EarnedMinor == 0 ? null : Math.Round(100m * VarianceMinor / EarnedMinor, 1);
}

/// <summary>Projects with a budget whose methodology reports actual cost; <see cref="OverBudget"/> spent more than they earned.</summary>
public sealed record CostKpi(int WithBudget, int Measured, int OverBudget, IReadOnlyList<CostTotals> Totals);

/// <summary>Defects (methodology items of type bug) over the projects that report them.</summary>
public sealed record QualityKpi(int Measured, int DefectsTotal, int DefectsOpen);

/// <summary>Average customer satisfaction (0–10) over the projects a module measures; <see cref="Provided"/> is false when no module does.</summary>
public sealed record SatisfactionKpi(bool Provided, int Measured, decimal? Average);

public sealed record PortfolioKpis(int Projects, int ActiveProjects, OnTimeKpi OnTime, ScheduleKpi Schedule, CostKpi Cost, QualityKpi Quality, SatisfactionKpi Satisfaction);
