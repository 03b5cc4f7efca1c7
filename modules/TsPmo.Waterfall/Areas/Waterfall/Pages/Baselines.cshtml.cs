using TsPmo.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;
using TsPmo.Waterfall.Data;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Engine;
using TsPmo.Waterfall.Services;

namespace TsPmo.Waterfall.Areas.Waterfall.Pages;

/// <summary>Save up to 11 named baselines and read each task's start, finish and cost variance against one of them.</summary>
public sealed class BaselinesModel(PlanService plan, IProjectPermissions permissions, BaselineService baselines) : WaterfallPageModel(plan, permissions)
{
    [BindProperty] public string? Name { get; set; }

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
        await LoadProjectAsync(id, "Baselines", ct);
        if (!CanEdit) return Forbid();
        try
        {
            var saved = await baselines.SaveAsync(id, Name, ct);
            TempData.Success($"Baseline \"{saved.Name}\" saved with {saved.Tasks} task(s).");
            return Redirect($"/Projects/{id}/Waterfall/Baselines?baselineId={saved.Id}");
        }
        catch (DomainValidationException ex)
        {
            foreach (var m in ex.Errors.SelectMany(e => e.Value)) ModelState.AddModelError("Name", m);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddModelError("Name", ex.Message);
        }
        await LoadAsync(id, null, ct);
        return Page();
    }

    [ProjectPermission(WaterfallModule.ManagePlan)]
    public async Task<IActionResult> OnPostDeleteAsync(long id, long baselineId, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Baselines", ct);
        if (!CanEdit) return Forbid();
        await baselines.DeleteAsync(id, baselineId, ct);
        TempData.Success("The baseline is deleted.");
        return Redirect($"/Projects/{id}/Waterfall/Baselines");
    }

    private async Task LoadAsync(long id, long? baselineId, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Baselines", ct);
        ViewData["WfSection"] = "baselines";
        All = await baselines.ListAsync(id, ct);
        if (All.Count > 0) Variance = await baselines.VarianceAsync(id, baselineId is { } b && All.Any(x => x.Id == b) ? b : All[^1].Id, ct);
    }
}
