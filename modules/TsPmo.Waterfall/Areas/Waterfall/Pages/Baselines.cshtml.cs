using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Web;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Services;

namespace TsPmo.Waterfall.Areas.Waterfall.Pages;

/// <summary>Save up to 11 named baselines and read each task's start, finish and cost variance against one of them.</summary>
public sealed class BaselinesModel(BaselineService baselines) : ProjectPageModel
{
    protected override string? MethodologyId => WaterfallModule.Id;
    protected override string WorkPermission => WaterfallModule.EditProgress;
    protected override string ManagePermission => WaterfallModule.ManagePlan;

    public sealed class BaselineInput
    {
        public string? Name { get; set; }
    }

    [BindProperty] public BaselineInput Input { get; set; } = new();

    public IReadOnlyList<BaselineInfo> All { get; private set; } = [];
    public BaselineVariance? Variance { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, long? baselineId, CancellationToken ct)
    {
        await LoadAsync(id, baselineId, ct);
        return Page();
    }

    [ProjectPermission(WaterfallModule.ManagePlan)]
    public async Task<IActionResult> OnPostSaveAsync(long id, CancellationToken ct)
    {
        var saved = await baselines.SaveAsync(id, Input.Name, ct);
        TempData.Success($"Baseline \"{saved.Name}\" saved with {saved.Tasks} task(s).");
        return RedirectToPage("/Baselines", new { area = "Waterfall", id, baselineId = saved.Id });
    }

    [ProjectPermission(WaterfallModule.ManagePlan)]
    public async Task<IActionResult> OnPostDeleteAsync(long id, long baselineId, CancellationToken ct)
    {
        await baselines.DeleteAsync(id, baselineId, ct);
        TempData.Success("The baseline is deleted.");
        return RedirectToPage("/Baselines", new { area = "Waterfall", id });
    }

    protected override Task ReloadAsync(CancellationToken ct) => LoadAsync(RouteProjectId, null, ct);

    private long RouteProjectId => Convert.ToInt64(RouteData.Values["id"], CultureInfo.InvariantCulture);

    private async Task LoadAsync(long id, long? baselineId, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Baselines", ct);
        ViewData["WfSection"] = "baselines";
        All = await baselines.ListAsync(id, ct);
        if (All.Count > 0) Variance = await baselines.VarianceAsync(id, baselineId is { } b && All.Any(x => x.Id == b) ? b : All[^1].Id, ct);
    }
}
