using TsPmo.Reporting.Domain;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Methodology;

namespace TsPmo.Reporting.Tests;

/// <summary>Project rows for the pure rules, with only what a test cares about.</summary>
internal static class Rows
{
    private static long _next = 1;

    public static ProjectInfo Project(string phase = "Execution", string? start = "2026-01-01", string? target = null, string? closedOn = null,
        long? budget = null, string methodology = "scrum") =>
        new(_next++, "P" + _next, "Project " + _next, methodology, phase, D(start), D(target), null, false)
        {
            ClosedOn = D(closedOn), BudgetMinor = budget, Currency = budget is null ? null : "EUR",
        };

    public static ProjectRow Row(ProjectInfo project, MethodologyProgress? progress = null, decimal? satisfaction = null, ProjectHealth? health = null) =>
        new(project, progress, health, satisfaction);

    public static MethodologyProgress Progress(decimal percent = 50, string? forecast = null, string? planned = null, long? actual = null, int? defects = null, int? open = null) =>
        new(percent, 10, "points", D(forecast), D(planned)) { ActualCostMinor = actual, DefectsTotal = defects, DefectsOpen = open };

    public static DateOnly? D(string? iso) => iso is null ? null : DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
