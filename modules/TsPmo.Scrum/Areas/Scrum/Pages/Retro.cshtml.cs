using TsPmo.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Text;
using TsPmo.Sdk.Web;
using TsPmo.Scrum.Domain;
using TsPmo.Scrum.Services;

namespace TsPmo.Scrum.Areas.Scrum.Pages;

/// <summary>A sprint's retrospective: notes (Markdown), its actions, and the open actions carried from earlier retrospectives.</summary>
public sealed class RetroModel(RetroService retros, IPeopleDirectory people, IMarkdownRenderer markdown) : ProjectPageModel
{
    protected override string? MethodologyId => ScrumModule.Id;
    protected override string WorkPermission => ScrumModule.EditRetros;
    protected override string ManagePermission => ScrumModule.ManagePlan;

    public Retro Retro { get; private set; } = null!;
    public IReadOnlyList<PersonInfo> People { get; private set; } = [];

    [BindProperty] public string? WentWell { get; set; }
    [BindProperty] public string? ToImprove { get; set; }
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? ActionText { get; set; }
    [BindProperty] public long? ActionOwner { get; set; }

    public sealed record ActionsTable(RetroModel Page, IReadOnlyList<RetroAction> Actions, string Caption, bool ShowSprint);

    public ActionsTable Carried => new(this, Retro.CarriedActions, "Carried over until done", true);

    public ActionsTable Own => new(this, Retro.Actions, $"Actions of {Retro.SprintName}; open ones carry over to later retrospectives until done", false);

    public string Html(string text) => markdown.ToSafeHtml(text);

    public async Task<IActionResult> OnGetAsync(long id, long sprintId, CancellationToken ct)
    {
        await LoadAsync(id, sprintId, ct);
        WentWell = Retro.WentWell;
        ToImprove = Retro.ToImprove;
        Version = Retro.Version;
        return Page();
    }

    [ProjectPermission(ScrumModule.EditRetros)]
    public async Task<IActionResult> OnPostNotesAsync(long id, long sprintId, CancellationToken ct)
    {
        await LoadAsync(id, sprintId, ct);
        try
        {
            await retros.SaveAsync(id, sprintId, Version, new RetroInput(WentWell, ToImprove), ct);
        }
        catch (DomainValidationException ex)
        {
            // The notes are bound one by one (WentWell, ToImprove), not under an input model: their messages go to them.
            foreach (var (field, messages) in ex.Errors)
                foreach (var message in messages) ModelState.AddModelError(field.Length == 0 ? "" : char.ToUpperInvariant(field[0]) + field[1..], message);
            return Page();
        }
        TempData.Success("The retrospective notes are saved.");
        return RedirectToPage("/Retro", null, new { area = "Scrum", id, sprintId }, null);
    }

    [ProjectPermission(ScrumModule.EditRetros)]
    public async Task<IActionResult> OnPostActionAsync(long id, long sprintId, CancellationToken ct)
    {
        await LoadAsync(id, sprintId, ct);
        try
        {
            var action = await retros.AddActionAsync(id, sprintId, new ActionInput(ActionText, ActionOwner), ct);
            TempData.Success($"Action \"{action.Text}\" added.");
            return RedirectToPage("/Retro", null, new { area = "Scrum", id, sprintId }, "actions-heading");
        }
        catch (DomainValidationException ex)
        {
            // The action's fields are ActionText and ActionOwner on this page: the messages go to them.
            foreach (var (field, messages) in ex.Errors)
                foreach (var message in messages) ModelState.AddModelError(field == "ownerPersonId" ? "ActionOwner" : "ActionText", message);
            WentWell = Retro.WentWell;
            ToImprove = Retro.ToImprove;
            Version = Retro.Version;
            return Page();
        }
    }

    [ProjectPermission(ScrumModule.EditRetros)]
    public async Task<IActionResult> OnPostStatusAsync(long id, long sprintId, long actionId, ActionStatus status, long actionVersion, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Retrospective", ct);
        try
        {
            var action = await retros.SetActionStatusAsync(id, actionId, status, actionVersion, ct);
            TempData.Success($"\"{action.Text}\" is {StatusLabel(action.Status).ToLowerInvariant()}.");
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or NotFoundException or DomainValidationException)
        {
            // A status button has no field: a refused change is a message above the actions.
            TempData.Error(ex.Message);
        }
        return RedirectToPage("/Retro", null, new { area = "Scrum", id, sprintId }, "actions-heading");
    }

    public static string StatusLabel(ActionStatus status) => status == ActionStatus.InProgress ? "In progress" : status.ToString();

    private async Task LoadAsync(long id, long sprintId, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Retrospective", ct, new Breadcrumb("Sprints", Url.Page("/Sprints", new { area = "Scrum", id })));
        Retro = await retros.GetAsync(id, sprintId, ct);
        ViewData["Title"] = $"{Project.Code} {Retro.SprintName} retrospective";
        People = await people.ListAsync(ct);
    }

    /// <summary>
    /// Before refused notes are shown again: the retrospective as it is now. After a conflict (a page-level message)
    /// the current version lets a second save deliberately replace the other change; the typed notes stay.
    /// </summary>
    protected override async Task ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(Project.Id, Retro.SprintId, ct);
        if (ModelState.TryGetValue("", out var page) && page.Errors.Count > 0) Version = Retro.Version;
    }
}
