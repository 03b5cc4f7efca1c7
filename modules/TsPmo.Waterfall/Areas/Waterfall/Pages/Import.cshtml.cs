using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Web;
using TsPmo.Waterfall.Services;

namespace TsPmo.Waterfall.Areas.Waterfall.Pages;

/// <summary>Imports a Microsoft Project XML file (replacing the plan, after the user confirms) and offers the plan as one.</summary>
public sealed class ImportModel(PlanService plan, MspdiService mspdi) : ProjectPageModel
{
    protected override string? MethodologyId => WaterfallModule.Id;
    protected override string WorkPermission => WaterfallModule.EditProgress;
    protected override string ManagePermission => WaterfallModule.ManagePlan;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public bool ConfirmReplace { get; set; }

    public int ExistingTasks { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>The download for signed-in users (the API's export needs a token).</summary>
    public async Task<IActionResult> OnGetExportAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Import", ct);
        var (name, xml) = await mspdi.ExportAsync(id, ct);
        return File(xml, "application/xml", name);
    }

    [ProjectPermission(WaterfallModule.ManagePlan)]
    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (Upload is not { Length: > 0 }) { Errors = ["Choose a Microsoft Project XML file."]; return Page(); }
        if (Upload.Length > MspdiService.MaxBytes) { Errors = [MspdiService.TooLarge]; return Page(); }
        if (ExistingTasks > 0 && !ConfirmReplace)
        {
            Errors = [$"This project already has a plan of {ExistingTasks} task(s). Tick “Replace the current plan” to import over it."];
            return Page();
        }
        await using var buffer = await BoundedBody.ReadAsync(Upload.OpenReadStream(), MspdiService.MaxBytes, "file", MspdiService.TooLarge, ct);
        var result = await mspdi.ImportAsync(id, buffer, ct);
        TempData.Success($"Imported {result.Tasks} task(s), {result.Links} link(s), {result.Resources} resource(s) and {result.Assignments} assignment(s).");
        return RedirectToPage("/Gantt", new { area = "Waterfall", id });
    }

    /// <summary>A refused file: its problems are listed under "Nothing was imported".</summary>
    protected override async Task ReloadAsync(CancellationToken ct)
    {
        Errors = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList();
        await LoadAsync(Convert.ToInt64(RouteData.Values["id"], CultureInfo.InvariantCulture), ct);
    }

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Import", ct);
        ViewData["WfSection"] = "import";
        ExistingTasks = (await plan.ReadAsync(id, ct)).State.Tasks.Count;
    }
}
