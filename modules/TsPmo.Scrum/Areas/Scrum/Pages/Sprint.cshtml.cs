using TsPmo.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;
using TsPmo.Scrum.Domain;
using TsPmo.Scrum.Services;

namespace TsPmo.Scrum.Areas.Scrum.Pages;

/// <summary>
/// Sprint planning: the sprint's items against its capacity and against the average velocity of the last three
/// completed sprints; backlog items are added and sprint items removed with one button each; the sprint is started and
/// completed here (with the choice of where unfinished items go).
/// </summary>
public sealed class SprintModel(SprintService sprints, ItemService items) : ProjectPageModel
{
    protected override string? MethodologyId => ScrumModule.Id;
    protected override string WorkPermission => ScrumModule.EditItems;
    protected override string ManagePermission => ScrumModule.ManagePlan;
    protected override string InputPrefix => nameof(Edit);

    /// <summary>Backlog items listed for planning; the rest are counted.</summary>
    public const int BacklogShown = 200;

    public Sprint Sprint { get; private set; } = null!;
    public IReadOnlyList<BacklogItem> SprintItems { get; private set; } = [];
    public IReadOnlyList<BacklogItem> Backlog { get; private set; } = [];
    public decimal? AverageVelocity { get; private set; }
    public int CompletedSprints { get; private set; }
    public bool HasNextSprint { get; private set; }

    [BindProperty] public SprintInput Edit { get; set; } = new();
    [BindProperty] public long EditVersion { get; set; }

    public decimal Commitment => Sprint.State == SprintState.Planned ? Sprint.PlannedPoints : Sprint.CommittedPoints ?? Sprint.PlannedPoints;

    public async Task<IActionResult> OnGetAsync(long id, long sprintId, CancellationToken ct)
    {
        await LoadAsync(id, sprintId, ct);
        Edit = new SprintInput { Name = Sprint.Name, Goal = Sprint.Goal, Start = Sprint.Start, End = Sprint.End, CapacityPoints = Sprint.CapacityPoints };
        EditVersion = Sprint.Version;
        return Page();
    }

    /// <summary>Edits the sprint's name, goal, dates and capacity (versioned); errors show next to the fields.</summary>
    [ProjectPermission(ScrumModule.ManagePlan)]
    public async Task<IActionResult> OnPostEditAsync(long id, long sprintId, CancellationToken ct)
    {
        await LoadAsync(id, sprintId, ct);
        var saved = await sprints.UpdateAsync(id, sprintId, EditVersion, Edit, ct);
        TempData.Success($"{saved.Name} saved.");
        return RedirectToPage("/Sprint", new { area = "Scrum", id, sprintId });
    }

    /// <summary>
    /// Before a refused edit is shown again: the sprint as it is now. After a conflict or a broken rule (a page-level
    /// message) the current version lets a second save deliberately replace the other change; the typed values stay.
    /// </summary>
    protected override async Task ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(Project.Id, Sprint.Id, ct);
        if (ModelState.TryGetValue("", out var page) && page.Errors.Count > 0) EditVersion = Sprint.Version;
    }

    [ProjectPermission(ScrumModule.ManagePlan)]
    public Task<IActionResult> OnPostAddAsync(long id, long sprintId, long itemId, CancellationToken ct) =>
        ActAsync(id, sprintId, async () => $"\"{(await sprints.AddItemAsync(id, sprintId, itemId, ct)).Title}\" is in the sprint.", ct);

    [ProjectPermission(ScrumModule.ManagePlan)]
    public Task<IActionResult> OnPostRemoveAsync(long id, long sprintId, long itemId, CancellationToken ct) =>
        ActAsync(id, sprintId, async () => $"\"{(await sprints.RemoveItemAsync(id, sprintId, itemId, ct)).Title}\" is back at the top of the backlog.", ct);

    [ProjectPermission(ScrumModule.ManagePlan)]
    public Task<IActionResult> OnPostStartAsync(long id, long sprintId, CancellationToken ct) =>
        ActAsync(id, sprintId, async () =>
        {
            var s = await sprints.StartAsync(id, sprintId, ct);
            return $"{s.Name} has started with {ScrumFormat.Pts(s.CommittedPoints)} points committed.";
        }, ct, "/Board");

    [ProjectPermission(ScrumModule.ManagePlan)]
    public Task<IActionResult> OnPostCompleteAsync(long id, long sprintId, string? unfinishedTo, CancellationToken ct) =>
        ActAsync(id, sprintId, async () =>
        {
            var target = unfinishedTo == "NextSprint" ? UnfinishedTarget.NextSprint : UnfinishedTarget.Backlog;
            var s = await sprints.CompleteAsync(id, sprintId, target, ct);
            return $"{s.Name} is completed: {ScrumFormat.Pts(s.CompletedPoints)} of {ScrumFormat.Pts(s.CommittedPoints)} committed points done; unfinished items went to {(target == UnfinishedTarget.Backlog ? "the backlog" : s.UnfinishedTo)}.";
        }, ct, "/Velocity");

    /// <summary>
    /// Runs a planning button's action and goes on to <paramref name="thenPage"/> (default: this sprint) with its
    /// message; a refused action comes back to the sprint with the reason as a message, since the buttons have no fields.
    /// </summary>
    private async Task<IActionResult> ActAsync(long id, long sprintId, Func<Task<string>> action, CancellationToken ct, string? thenPage = null)
    {
        await LoadProjectAsync(id, "Sprint", ct);
        try
        {
            TempData.Success(await action());
            return thenPage is null ? RedirectToPage("/Sprint", new { area = "Scrum", id, sprintId }) : RedirectToPage(thenPage, new { area = "Scrum", id });
        }
        catch (Exception ex) when (ex is DomainValidationException or RuleViolationException or NotFoundException or ConcurrencyConflictException)
        {
            TempData.Error(ex.Message);
            return RedirectToPage("/Sprint", new { area = "Scrum", id, sprintId });
        }
    }

    private async Task LoadAsync(long id, long sprintId, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Sprint", ct, new Breadcrumb("Sprints", Url.Page("/Sprints", new { area = "Scrum", id })));
        var all = await sprints.ListAsync(id, ct);
        Sprint = all.FirstOrDefault(s => s.Id == sprintId) ?? throw new NotFoundException("Sprint", sprintId.ToString());
        ViewData["Title"] = $"{Project.Code} {Sprint.Name}";
        var completed = all.Where(s => s.State == SprintState.Completed && s.Id != sprintId && s.End <= Sprint.End).OrderBy(s => s.End).ToList();
        CompletedSprints = completed.Count;
        AverageVelocity = Engine.Velocity.AverageOfLast(completed.Select(s => s.CompletedPoints ?? 0).ToList());
        HasNextSprint = all.Any(s => s.State == SprintState.Planned && s.Id != sprintId);
        SprintItems = await sprints.ItemsAsync(id, sprintId, ct);
        if (Sprint.State != SprintState.Completed) Backlog = await items.BacklogAsync(id, ct, withText: false);
    }
}
