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
/// The edit page of one dependency: the form carries the version it was opened at, so a stale save shows the conflict
/// message above the form (with the current version, so a second save deliberately replaces the other change).
/// </summary>
public sealed class DependencyModel(DependencyService dependencies, IPeopleDirectory people) : ProjectPageModel
{
    private long _id, _itemId;

    protected override string WorkPermission => RiskModule.EditRaid;

    [BindProperty] public DependencyInput Input { get; set; } = new();
    [BindProperty] public long Version { get; set; }
    public Dependency Dependency { get; private set; } = null!;
    public IReadOnlyList<PersonInfo> People { get; private set; } = [];
    public IReadOnlyList<ProjectInfo> OtherProjects { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, long itemId, CancellationToken ct)
    {
        await LoadAsync(id, itemId, ct);
        Input = new DependencyInput
        {
            Title = Dependency.Title, OnProjectId = Dependency.OnProjectId, Vendor = Dependency.Vendor, NeededBy = Dependency.NeededBy,
            Status = Dependency.Status.ToString(), OwnerId = Dependency.OwnerId,
        };
        Version = Dependency.Version;
        return Page();
    }

    [ProjectPermission(RiskModule.EditRaid)]
    public async Task<IActionResult> OnPostAsync(long id, long itemId, CancellationToken ct)
    {
        (_id, _itemId) = (id, itemId);
        TempData.Success($"Dependency \"{(await dependencies.UpdateAsync(id, itemId, Version, Input, ct)).Title}\" saved.");
        return RedirectToPage("/Raid/Log", new { area = "Risk", id });
    }


    protected override async Task ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(_id, _itemId, ct);
        if (RefusedAsStale) Version = Dependency.Version;
    }

    private async Task LoadAsync(long id, long itemId, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Dependency", ct, new Breadcrumb("RAID log", Url.Page("/Raid/Log", new { area = "Risk", id })!));
        Dependency = await dependencies.GetAsync(id, itemId, ct);
        People = await people.ListAsync(ct);
        OtherProjects = await dependencies.OtherProjectsAsync(id, ct);
    }
}
