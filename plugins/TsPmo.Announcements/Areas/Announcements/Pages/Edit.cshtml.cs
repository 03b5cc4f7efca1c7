using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Announcements.Services;
using TsPmo.Sdk.Web;

namespace TsPmo.Announcements.Areas.Announcements.Pages;

/// <summary>Edits one announcement; a stale version is refused and the other person's text kept.</summary>
[Authorize(Policy = AnnouncementsModule.PostPermission)]
public sealed class EditModel(AnnouncementService announcements) : FormPageModel
{
    [BindProperty]
    public AnnouncementForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await announcements.FindAsync(id, ct) is not { } a) return NotFound();
        Input = new AnnouncementForm { Title = a.Title, Body = a.Body, Pinned = a.Pinned, Version = a.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        await announcements.UpdateAsync(id, Input.Version, Input.ToInput(), ct);
        TempData.Success("The announcement was saved.");
        return RedirectToPage("/Index", new { area = "Announcements" });
    }
}
