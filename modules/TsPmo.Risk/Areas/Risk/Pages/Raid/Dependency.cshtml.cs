using Microsoft.AspNetCore.Mvc;
using TsPmo.Risk.Raid;
using TsPmo.Sdk.Ports.Directory;

namespace TsPmo.Risk.Areas.Risk.Pages.Raid;

public sealed class DependencyModel(DependencyService dependencies, IProjectDirectory projects, IProjectPermissions permissions, IPeopleDirectory people)
    : EditPageModel(projects, permissions)
{
    [BindProperty] public DependencyInput Input { get; set; } = new();
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

    public async Task<IActionResult> OnPostAsync(long id, long itemId, CancellationToken ct)
    {
        await LoadAsync(id, itemId, ct);
        return await SaveAsync(id, async () => $"Dependency \"{(await dependencies.UpdateAsync(id, itemId, Version, Input, ct)).Title}\" saved.", Dependency.Version);
    }

    private async Task LoadAsync(long id, long itemId, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Dependency", ct, underRaidLog: true);
        Dependency = await dependencies.GetAsync(id, itemId, ct);
        People = await people.ListAsync(ct);
        OtherProjects = await OtherProjectsAsync(ct);
    }
}
