using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Web;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Services;

namespace TsPmo.Waterfall.Areas.Waterfall.Pages;

/// <summary>Earned value at a status date against a baseline: the figures, an S-curve (Chart.js) and the curve as a table.</summary>
public sealed class EarnedValueModel(BaselineService baselines, EarnedValueService evm) : ProjectPageModel
{
    protected override string? MethodologyId => WaterfallModule.Id;
    protected override string WorkPermission => WaterfallModule.EditProgress;
    protected override string ManagePermission => WaterfallModule.ManagePlan;

    [BindProperty(SupportsGet = true)] public DateOnly? StatusDate { get; set; }
    [BindProperty(SupportsGet = true)] public long? BaselineId { get; set; }

    public IReadOnlyList<BaselineInfo> Baselines { get; private set; } = [];
    public EarnedValueReading? Reading { get; private set; }
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
        if (Reading is null) return Page();
        await evm.RecordAsync(id, Reading, ct);
        var date = Reading.Figures.StatusDate;
        TempData.Success($"Earned value at {date:yyyy-MM-dd} is recorded; it stays on the S-curve.");
        return RedirectToPage("/EarnedValue", new { area = "Waterfall", id, statusDate = date.ToString("yyyy-MM-dd"), baselineId = Reading.Baseline.Id });
    }

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Earned value", ct);
        ViewData["WfSection"] = "evm";
        Baselines = await baselines.ListAsync(id, ct);
        if (Baselines.Count == 0) return;
        // An unknown baseline id in the address is a message next to the baseline picker, not a 404 page.
        if (BaselineId is { } asked && Baselines.All(b => b.Id != asked))
        {
            ModelState.AddModelError("BaselineId", new NotFoundException("Baseline", asked.ToString()).Message);
            return;
        }
        var (reading, tasks, plan) = await evm.ComputeAsync(id, StatusDate, BaselineId, ct);
        Reading = reading;
        var figures = reading.Figures;
        StatusDate = figures.StatusDate;
        BaselineId = reading.Baseline.Id;
        Curve = await evm.SCurveAsync(id, reading, tasks, plan, ct);
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
}
