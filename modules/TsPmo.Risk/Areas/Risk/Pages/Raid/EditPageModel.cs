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

    /// <summary>Saves; <paramref name="currentVersion"/> (the entry as loaded for this request) replaces the form's version after a conflict.</summary>
    protected async Task<IActionResult> SaveAsync(long id, Func<Task<string>> save, long? currentVersion = null)
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
            // The typed values stay; the current version lets a second save deliberately replace the other change.
            ModelState.AddModelError("", ex.Message);
            if (currentVersion is { } current) Version = current;
        }
        return Page();
    }
}
