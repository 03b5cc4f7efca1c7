using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Web;
using TsPmo.Waterfall.Engine;
using TsPmo.Waterfall.Services;

namespace TsPmo.Waterfall.Areas.Waterfall.Pages;

/// <summary>The WBS as a table (ID, outline, duration, dates, links, progress, float) with a form to add a task.</summary>
public sealed class PlanModel(PlanService plan) : ProjectPageModel
{
    protected override string? MethodologyId => WaterfallModule.Id;
    protected override string WorkPermission => WaterfallModule.EditProgress;
    protected override string ManagePermission => WaterfallModule.ManagePlan;
    protected override string InputPrefix => "NewTask";

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
        var task = await plan.CreateTaskAsync(id, NewTask.ToCreate(Reader), ct);
        TempData.Success($"\"{task.Name}\" is in the plan: {task.Start:yyyy-MM-dd} to {task.Finish:yyyy-MM-dd}.");
        return RedirectToPage("/Plan", new { area = "Waterfall", id });
    }

    protected override Task ReloadAsync(CancellationToken ct) => LoadAsync(Convert.ToInt64(RouteData.Values["id"], CultureInfo.InvariantCulture), ct);

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Plan", ct);
        ViewData["WfSection"] = "plan";
        Reader = await plan.ReadAsync(id, ct);
    }
}
