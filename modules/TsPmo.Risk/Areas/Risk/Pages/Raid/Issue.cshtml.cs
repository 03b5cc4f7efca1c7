using Microsoft.AspNetCore.Mvc;
using TsPmo.Risk.Raid;
using TsPmo.Sdk.Ports.Directory;

namespace TsPmo.Risk.Areas.Risk.Pages.Raid;

public sealed class IssueModel(IssueService issues, IProjectDirectory projects, IProjectPermissions permissions, IPeopleDirectory people)
    : EditPageModel(projects, permissions)
{
    [BindProperty] public IssueInput Input { get; set; } = new();
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

    public async Task<IActionResult> OnPostAsync(long id, long itemId, CancellationToken ct)
    {
        await LoadAsync(id, itemId, ct);
        return await SaveAsync(id, async () => $"Issue \"{(await issues.UpdateAsync(id, itemId, Version, Input, ct)).Title}\" saved.", Issue.Version);
    }

    private async Task LoadAsync(long id, long itemId, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Issue", ct, underRaidLog: true);
        Issue = await issues.GetAsync(id, itemId, ct);
        People = await people.ListAsync(ct);
    }
}
