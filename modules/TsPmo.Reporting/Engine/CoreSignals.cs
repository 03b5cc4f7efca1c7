using System.Globalization;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Health;
using TsPmo.Sdk.Ports.Methodology;

namespace TsPmo.Reporting.Engine;

/// <summary>
/// Signals reporting derives itself from core facts and the methodology's comparable progress, so schedule, cost and
/// quality have a colour whichever methodology runs the project. Pure; thresholds are in docs/modules/reporting.md.
/// </summary>
public static class CoreSignals
{
    public const int ScheduleAmberDays = 14;
    public const decimal CostAmberOverrun = 0.10m;
    public const int DefectsRedAbove = 5;

    public static IReadOnlyList<HealthSignal> For(ProjectInfo project, MethodologyProgress? progress, DateOnly today)
    {
        var signals = new List<HealthSignal>();
        var target = project.TargetDate ?? progress?.PlannedFinish;
        if (target is { } due)
        {
            if (progress?.ForecastFinish is { } forecast)
            {
                var slip = forecast.DayNumber - due.DayNumber;
                signals.Add(new HealthSignal(ReportingModule.Id, "Forecast against target", HealthDimension.Schedule,
                    slip <= 0 ? Rag.Green : slip <= ScheduleAmberDays ? Rag.Amber : Rag.Red,
                    slip <= 0 ? $"{-slip} day(s) early" : $"{slip} day(s) late",
                    $"The methodology forecasts {forecast:yyyy-MM-dd} against the target {due:yyyy-MM-dd}."));
            }
            else if (due < today && (progress is null || progress.PercentComplete < 100))
            {
                signals.Add(new HealthSignal(ReportingModule.Id, "Target date", HealthDimension.Schedule, Rag.Red,
                    $"{today.DayNumber - due.DayNumber} day(s) past", $"The target date {due:yyyy-MM-dd} has passed and the work is not finished."));
            }
        }
        if (project.BudgetMinor is > 0 and var budget && progress?.ActualCostMinor is { } actual)
        {
            // Earned value: the budget's share of the work done, against what was spent to get there.
            var earned = budget * progress.PercentComplete / 100m;
            var rag = actual > budget ? Rag.Red : actual > earned * (1 + CostAmberOverrun) ? Rag.Amber : Rag.Green;
            signals.Add(new HealthSignal(ReportingModule.Id, "Spend against budget", HealthDimension.Cost, rag,
                $"{Money(actual)} of {Money(budget)} {project.Currency}",
                $"Spent {Money(actual)} for {progress.PercentComplete:0.#} % of the work (earned value {Money((long)earned)}); budget {Money(budget)}."));
        }
        if (progress?.DefectsOpen is { } open)
        {
            signals.Add(new HealthSignal(ReportingModule.Id, "Open defects", HealthDimension.Quality,
                open == 0 ? Rag.Green : open <= DefectsRedAbove ? Rag.Amber : Rag.Red,
                $"{open} open", $"{open} open of {progress.DefectsTotal ?? open} defect(s) recorded."));
        }
        return signals;
    }

    public static string Money(long minor) => (minor / 100m).ToString("#,0", CultureInfo.InvariantCulture);
}
