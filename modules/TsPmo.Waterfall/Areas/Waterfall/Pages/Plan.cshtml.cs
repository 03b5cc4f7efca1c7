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

/// <summary>The WBS as a table (ID, outline, duration, dates, links, progress, float) with a form to add a task.</summary>
public sealed class PlanModel(PlanService plan, IProjectPermissions permissions) : WaterfallPageModel(plan, permissions)
{
    [BindProperty] public TaskForm NewTask { get; set; } = new();

    public PlanCalculator Reader { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    [ProjectPermission(WaterfallModule.ManagePlan)]
    public async Task<IActionResult> OnPostAddAsync(long id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit) return Forbid();
        try
        {
            var task = await Plan.CreateTaskAsync(id, NewTask.ToCreate(Reader), ct);
            TempData.Success($"\"{task.Name}\" is in the plan: {task.Start:yyyy-MM-dd} to {task.Finish:yyyy-MM-dd}.");
            return Redirect($"/Projects/{id}/Waterfall/Plan");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "NewTask");
            return Page();
        }
    }

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Plan", ct);
        ViewData["WfSection"] = "plan";
        Reader = await Plan.ReadAsync(id, ct);
    }
}
