using Microsoft.AspNetCore.Mvc;
using TsPmo.Announcements.Services;
using TsPmo.Announcements.Domain;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Text;
using TsPmo.Sdk.Web;

namespace TsPmo.Announcements.Areas.Announcements.Pages;

public sealed class IndexModel(AnnouncementService announcements, ICurrentUser user, IMarkdownRenderer markdown) : FormPageModel
{
    [BindProperty]
    public AnnouncementForm Input { get; set; } = new();

    public IReadOnlyList<Announcement> Items { get; private set; } = [];
    public bool CanPost => user.HasPermission(AnnouncementsModule.PostPermission);

    public string Render(string body) => markdown.ToSafeHtml(body);

    public async Task OnGetAsync(CancellationToken ct) => Items = await announcements.ListAsync(100, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanPost) return Forbid();
        await announcements.CreateAsync(Input.ToInput(), ct);
        TempData.Success("The announcement was posted.");
        return RedirectToPage();
    }

    protected override Task ReloadAsync(CancellationToken ct) => OnGetAsync(ct);

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        if (!CanPost) return Forbid();
        try
        {
            await announcements.DeleteAsync(id, ct);
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
