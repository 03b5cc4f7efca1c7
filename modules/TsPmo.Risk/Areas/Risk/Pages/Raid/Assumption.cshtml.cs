using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Risk.Domain;
using TsPmo.Risk.Services;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Web;

namespace TsPmo.Risk.Areas.Risk.Pages.Raid;

/// <summary>
/// The edit page of one assumption: the form carries the version it was opened at, so a stale save shows the conflict
/// message above the form (with the current version, so a second save deliberately replaces the other change).
/// </summary>
public sealed class AssumptionModel(AssumptionService assumptions) : ProjectPageModel
{
    private long _id, _itemId;

    protected override string WorkPermission => RiskModule.EditRaid;

    [BindProperty] public AssumptionInput Input { get; set; } = new();
    [BindProperty] public long Version { get; set; }
    public Assumption Assumption { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, long itemId, CancellationToken ct)
    {
        await LoadAsync(id, itemId, ct);
        Input = new AssumptionInput { Title = Assumption.Title, Description = Assumption.Description };
        Version = Assumption.Version;
        return Page();
    }

    [ProjectPermission(RiskModule.EditRaid)]
    public async Task<IActionResult> OnPostAsync(long id, long itemId, CancellationToken ct)
    {
        (_id, _itemId) = (id, itemId);
        TempData.Success($"Assumption \"{(await assumptions.UpdateAsync(id, itemId, Version, Input, ct)).Title}\" saved.");
        return RedirectToPage("/Raid/Log", new { area = "Risk", id });
    }


    protected override async Task ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(_id, _itemId, ct);
        if (RefusedAsStale) Version = Assumption.Version;
    }

    private async Task LoadAsync(long id, long itemId, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Assumption", ct, new Breadcrumb("RAID log", Url.Page("/Raid/Log", new { area = "Risk", id })!));
        Assumption = await assumptions.GetAsync(id, itemId, ct);
    }
}
