using Microsoft.AspNetCore.Mvc;
using TsPmo.Risk.Raid;
using TsPmo.Sdk.Ports.Directory;

namespace TsPmo.Risk.Areas.Risk.Pages.Raid;

public sealed class AssumptionModel(AssumptionService assumptions, IProjectDirectory projects, IProjectPermissions permissions)
    : EditPageModel(projects, permissions)
{
    [BindProperty] public AssumptionInput Input { get; set; } = new();
    public Assumption Assumption { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, long itemId, CancellationToken ct)
    {
        await LoadAsync(id, itemId, ct);
        Input = new AssumptionInput { Title = Assumption.Title, Description = Assumption.Description };
        Version = Assumption.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, long itemId, CancellationToken ct)
    {
        await LoadAsync(id, itemId, ct);
        return await SaveAsync(id, async () => $"Assumption \"{(await assumptions.UpdateAsync(id, itemId, Version, Input, ct)).Title}\" saved.", Assumption.Version);
    }

    private async Task LoadAsync(long id, long itemId, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Assumption", ct, underRaidLog: true);
        Assumption = await assumptions.GetAsync(id, itemId, ct);
    }
}
