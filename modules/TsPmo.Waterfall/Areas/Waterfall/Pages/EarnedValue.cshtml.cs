using TsPmo.Sdk.Security;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;
using TsPmo.Waterfall.Data;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Engine;
using TsPmo.Waterfall.Services;

namespace TsPmo.Waterfall.Areas.Waterfall.Pages;

/// <summary>Earned value at a status date against a baseline: the figures, an S-curve (Chart.js) and the curve as a table.</summary>
public sealed class EarnedValueModel(PlanService plan, IProjectPermissions permissions, BaselineService baselines, EarnedValueService evm)
    : WaterfallPageModel(plan, permissions)
{
    [BindProperty(SupportsGet = true)] public DateOnly? StatusDate { get; set; }
    [BindProperty(SupportsGet = true)] public long? BaselineId { get; set; }

    public IReadOnlyList<BaselineInfo> Baselines { get; private set; } = [];
    public EvmFigures? Figures { get; private set; }
    public IReadOnlyList<SCurvePoint> Curve { get; private set; } = [];
    public string ChartJson { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    [ProjectPermission(WaterfallModule.ManagePlan)]
    public async Task<IActionResult> OnPostRecordAsync(long id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit) return Forbid();
        if (Figures is null) return Page();
        await evm.RecordAsync(id, Figures, ct);
        TempData.Success($"Earned value at {Figures.StatusDate:yyyy-MM-dd} is recorded; it stays on the S-curve.");
        return Redirect($"/Projects/{id}/Waterfall/EarnedValue?statusDate={Figures.StatusDate:yyyy-MM-dd}&baselineId={Figures.Baseline.Id}");
    }

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Earned value", ct);
        ViewData["WfSection"] = "evm";
        Baselines = await baselines.ListAsync(id, ct);
        if (Baselines.Count == 0) return;
        try
        {
            var (figures, tasks, reader) = await evm.ComputeAsync(id, StatusDate, BaselineId, ct);
            Figures = figures;
            StatusDate = figures.StatusDate;
            BaselineId = figures.Baseline.Id;
            Curve = await evm.SCurveAsync(id, figures, tasks, reader, ct);
            ChartJson = JsonSerializer.Serialize(new
            {
                statusDate = figures.StatusDate.ToString("yyyy-MM-dd"),
                bac = figures.Bac,
                days = Curve.Select(p => p.Day.ToString("yyyy-MM-dd")),
                pv = Curve.Select(p => p.Pv),
                ev = Curve.Select(p => p.Ev),
                ac = Curve.Select(p => p.Ac),
            });
        }
        catch (NotFoundException ex)
        {
            ModelState.AddModelError("BaselineId", ex.Message);
        }
    }
}
