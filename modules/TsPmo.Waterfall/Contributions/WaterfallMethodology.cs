using Microsoft.AspNetCore.Routing;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Methodology;
using TsPmo.Sdk.Time;
using TsPmo.Sdk.Web;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Services;

namespace TsPmo.Waterfall.Contributions;

/// <summary>
/// Progress of a schedule: EV ÷ BAC today when a baseline exists, else percent complete weighted by work (by duration
/// when nobody is assigned). Forecast finish: the scheduled finish, with the remaining working time stretched by 1/SPI
/// when the project runs behind its baseline. Planned finish: the baseline's finish, else the project's target date.
/// Actual cost: the sum of the tasks' actual costs.
/// </summary>
public sealed class WaterfallMethodology(PlanService plan, BaselineService baselines, EarnedValueService evm, IProjectDirectory projects, IOrganizationClock clock,
    LinkGenerator links) : IMethodology
{
    public string ModuleId => WaterfallModule.Id;

    /// <summary>The Gantt page, by its name (the project's page while the module's pages are not routed).</summary>
    public string PlanUrl(long projectId) =>
        links.GetPathByPage("/Gantt", values: new { area = "Waterfall", id = projectId }) ?? CoreLinks.Project(projectId);

    public async Task<MethodologyProgress> GetProgressAsync(long projectId, CancellationToken ct = default)
    {
        var project = await projects.FindAsync(projectId, ct);
        if (project?.MethodologyId != WaterfallModule.Id) return new MethodologyProgress(0, 0, "hours", null, project?.TargetDate);
        var reader = await plan.ReadAsync(projectId, ct);
        var leaves = reader.State.Tasks.Where(t => !reader.IsSummary(t)).ToList();
        var work = leaves.ToDictionary(t => t.Id, t => reader.Rollup(t.Id).WorkMinutes);
        var byWork = work.Values.Sum() > 0;
        decimal Weight(TaskRecord t) => byWork ? work[t.Id] : t.DurationMinutes;
        var total = leaves.Sum(Weight);
        var percent = total == 0 ? 0 : leaves.Sum(t => Weight(t) * t.PercentComplete) / total;
        var remaining = byWork ? leaves.Sum(t => work[t.Id] * (100 - t.PercentComplete) / 100m) / 60m
            : leaves.Sum(t => t.DurationMinutes * (100 - t.PercentComplete) / 100m) / reader.MinutesPerDay;
        var finish = reader.Schedule().Finish;
        DateOnly? planned = project.TargetDate;
        DateOnly? forecast = finish;

        var baseline = await baselines.ResolveAsync(projectId, null, ct);
        if (baseline is not null && leaves.Count > 0)
        {
            try
            {
                var figures = (await evm.ComputeAsync(projectId, clock.Today, baseline.Id, ct)).Reading.Figures;
                if (figures.Bac > 0) percent = 100m * figures.Ev / figures.Bac;
                planned = baseline.Finish ?? planned;
                var end = reader.State.Tasks.Where(t => t.EarlyFinish is not null).Select(t => t.EarlyFinish!.Value).DefaultIfEmpty().Max();
                if (figures.Spi is { } spi && spi > 0 && spi < 1 && end > clock.Today.ToDateTime(TimeOnly.MinValue))
                {
                    var from = reader.Calendar.NextWorkingMoment(clock.Today.ToDateTime(TimeOnly.MinValue));
                    var left = reader.Calendar.WorkingMinutesBetween(from, end);
                    forecast = reader.Calendar.FinishDay(reader.Calendar.AddWorkingMinutes(from, (long)(left / spi)));
                }
            }
            catch (RuleViolationException) { }
        }
        // Actual cost is entered on leaf tasks only (summaries roll theirs up), so summing leaves counts each amount once.
        return new MethodologyProgress(Math.Round(percent, 1), Math.Round(remaining, 1), byWork ? "hours" : "days", forecast, planned)
        {
            ActualCostMinor = leaves.Sum(t => t.ActualCostMinor),
        };
    }
}
