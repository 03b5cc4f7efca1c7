using TsPmo.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Time;
using TsPmo.Sdk.Web;
using TsPmo.Scrum.Domain;
using TsPmo.Scrum.Services;

namespace TsPmo.Scrum.Areas.Scrum.Pages;

/// <summary>Every sprint of the project, and the form that creates the next one.</summary>
public sealed class SprintsModel(SprintService sprints, IOrganizationClock clock) : ProjectPageModel
{
    protected override string? MethodologyId => ScrumModule.Id;
    protected override string WorkPermission => ScrumModule.EditItems;
    protected override string ManagePermission => ScrumModule.ManagePlan;
    protected override string InputPrefix => nameof(NewSprint);

    public IReadOnlyList<Sprint> Sprints { get; private set; } = [];

    [BindProperty] public SprintInput NewSprint { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        // Suggest the next two weeks after the last sprint (or from today).
        var last = Sprints.LastOrDefault();
        var start = last is null ? clock.Today : last.End.AddDays(1);
        NewSprint = new SprintInput
        {
            Name = $"Sprint {Sprints.Count + 1}", Start = start, End = start.AddDays(13), CapacityPoints = last?.CapacityPoints,
        };
        return Page();
    }

    [ProjectPermission(ScrumModule.ManagePlan)]
    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var sprint = await sprints.CreateAsync(id, NewSprint, ct);
        TempData.Success($"{sprint.Name} is planned. Add items from the backlog, then start it.");
        return RedirectToPage("/Sprint", new { area = "Scrum", id, sprintId = sprint.Id });
    }

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Sprints", ct);
        Sprints = await sprints.ListAsync(id, ct);
    }
}
