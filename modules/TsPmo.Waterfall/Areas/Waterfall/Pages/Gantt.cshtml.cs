using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Time;
using TsPmo.Sdk.Web;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Engine;
using TsPmo.Waterfall.Services;

namespace TsPmo.Waterfall.Areas.Waterfall.Pages;

/// <summary>The Gantt chart (server-drawn SVG, see ADR 0009) against a chosen baseline, with the same facts as a table.</summary>
public sealed class GanttModel(PlanService plan, BaselineService baselines, IOrganizationClock clock) : ProjectPageModel
{
    protected override string? MethodologyId => WaterfallModule.Id;
    protected override string WorkPermission => WaterfallModule.EditProgress;
    protected override string ManagePermission => WaterfallModule.ManagePlan;

    public PlanCalculator Reader { get; private set; } = null!;
    public IReadOnlyList<BaselineInfo> Baselines { get; private set; } = [];
    public BaselineInfo? Baseline { get; private set; }
    public IReadOnlyDictionary<long, (DateTime? Start, DateTime? Finish)> BaselineDates { get; private set; } = new Dictionary<long, (DateTime?, DateTime?)>();
    public string Svg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, long? baselineId, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Gantt", ct);
        ViewData["WfSection"] = "gantt";
        Reader = await plan.ReadAsync(id, ct);
        Baselines = await baselines.ListAsync(id, ct);
        Baseline = baselineId is { } b ? Baselines.FirstOrDefault(x => x.Id == b) : Baselines.LastOrDefault();
        if (Baseline is not null)
            BaselineDates = (await baselines.TasksAsync(Baseline.Id, ct)).ToDictionary(x => x.Key, x => (LocalTime.Parse(x.Value.Start), LocalTime.Parse(x.Value.Finish)));
        Svg = new GanttSvg(Reader, BaselineDates, clock.Today).Render("gantt-title", "gantt-desc");
        return Page();
    }
}
