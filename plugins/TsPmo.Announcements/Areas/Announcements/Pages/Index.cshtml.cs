using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Announcements.Data;
using TsPmo.Announcements.Domain;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Text;
using TsPmo.Sdk.Web;

namespace TsPmo.Announcements.Areas.Announcements.Pages;

public sealed class IndexModel(AnnouncementRepository repo, ICurrentUser user, IMarkdownRenderer markdown) : PageModel
{
    [BindProperty]
    public AnnouncementForm Input { get; set; } = new();

    public IReadOnlyList<Announcement> Items { get; private set; } = [];
    public bool CanPost => user.HasPermission(AnnouncementsModule.PostPermission);

    public string Render(string body) => markdown.ToSafeHtml(body);

    public async Task OnGetAsync(CancellationToken ct) => Items = await repo.ListAsync(100, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanPost) return Forbid();
        try
        {
            await repo.CreateAsync(Input.ToInput(), ct);
            TempData.Success("The announcement was posted.");
            return RedirectToPage();
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
            await OnGetAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        if (!CanPost) return Forbid();
        try
        {
            await repo.DeleteAsync(id, ct);
            TempData.Success("The announcement was deleted.");
        }
        catch (NotFoundException)
        {
            TempData.Error("That announcement no longer exists.");
        }
        return RedirectToPage();
    }
}

public sealed class AnnouncementForm
{
    public string? Title { get; set; }
    public string? Body { get; set; }
    public bool Pinned { get; set; }
    public long Version { get; set; }

    public AnnouncementInput ToInput() => new(Title, Body, Pinned);
}
