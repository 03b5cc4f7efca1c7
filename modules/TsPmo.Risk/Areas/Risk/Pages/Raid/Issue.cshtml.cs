using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Risk.Domain;
using TsPmo.Risk.Services;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Web;

namespace TsPmo.Risk.Areas.Risk.Pages.Raid;

/// <summary>
/// The edit page of one issue: the form carries the version it was opened at, so a stale save shows the conflict
/// message above the form (with the current version, so a second save deliberately replaces the other change).
/// </summary>
public sealed class IssueModel(IssueService issues, IPeopleDirectory people) : ProjectPageModel
{
    private long _id, _itemId;

    protected override string WorkPermission => RiskModule.EditRaid;

    [BindProperty] public IssueInput Input { get; set; } = new();
    [BindProperty] public long Version { get; set; }
    public Issue Issue { get; private set; } = null!;
    public IReadOnlyList<PersonInfo> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, long itemId, CancellationToken ct)
    {
        await LoadAsync(id, itemId, ct);
        Input = new IssueInput
        {
            Title = Issue.Title, Description = Issue.Description, Severity = Issue.Severity.ToString(), OwnerId = Issue.OwnerId,
            DueDate = Issue.DueDate, Status = Issue.Status.ToString(), Resolution = Issue.Resolution,
        };
        Version = Issue.Version;
        return Page();
    }

    [ProjectPermission(RiskModule.EditRaid)]
    public async Task<IActionResult> OnPostAsync(long id, long itemId, CancellationToken ct)
    {
        (_id, _itemId) = (id, itemId);
        TempData.Success($"Issue \"{(await issues.UpdateAsync(id, itemId, Version, Input, ct)).Title}\" saved.");
        return RedirectToPage("/Raid/Log", new { area = "Risk", id });
    }


    protected override async Task ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(_id, _itemId, ct);
        // The typed values stay; the current version lets a second save deliberately replace the other change.
        if (RefusedAsStale) Version = Issue.Version;
    }

    private async Task LoadAsync(long id, long itemId, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Issue", ct, new Breadcrumb("RAID log", Url.Page("/Raid/Log", new { area = "Risk", id })!));
        Issue = await issues.GetAsync(id, itemId, ct);
        People = await people.ListAsync(ct);
    }
}
