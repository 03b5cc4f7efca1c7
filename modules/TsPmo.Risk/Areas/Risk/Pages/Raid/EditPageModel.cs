using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;

namespace TsPmo.Risk.Areas.Risk.Pages.Raid;

/// <summary>
/// An edit page of one RAID entry: the form carries the version it was opened at, so a stale save shows the
/// conflict message above the form instead of overwriting someone else's change.
/// </summary>
public abstract class EditPageModel(IProjectDirectory projects, IProjectPermissions permissions) : RaidPageModel(projects, permissions)
{
    [BindProperty] public long Version { get; set; }

    protected async Task<IActionResult> SaveAsync(long id, Func<Task<string>> save)
    {
        if (!CanEdit) return Forbid();
        try
        {
            TempData.Success(await save());
            return Redirect($"/Projects/{id}/Risk/Raid");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError("", ex.Message);
        }
        return Page();
    }
}
