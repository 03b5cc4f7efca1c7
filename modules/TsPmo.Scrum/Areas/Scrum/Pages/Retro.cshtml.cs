using Microsoft.AspNetCore.Mvc;
using TsPmo.Scrum.Retros;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Text;
using TsPmo.Sdk.Web;

namespace TsPmo.Scrum.Areas.Scrum.Pages;

/// <summary>A sprint's retrospective: notes (Markdown), its actions, and the open actions carried from earlier retrospectives.</summary>
public sealed class RetroModel(ScrumGuard guard, IProjectPermissions permissions, RetroService retros, IPeopleDirectory people, IMarkdownRenderer markdown)
    : ScrumPageModel(guard, permissions)
{
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

    public async Task<IActionResult> OnPostNotesAsync(long id, long sprintId, CancellationToken ct)
    {
        await LoadAsync(id, sprintId, ct);
        try
        {
            await retros.SaveAsync(id, sprintId, Version, new RetroInput(WentWell, ToImprove), ct);
            TempData.Success("The retrospective notes are saved.");
            return Redirect($"/Projects/{id}/Scrum/Sprints/{sprintId}/Retro");
        }
        catch (DomainValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors)
                foreach (var message in messages) ModelState.AddModelError(field.Length == 0 ? "" : char.ToUpperInvariant(field[0]) + field[1..], message);
        }
        catch (ConcurrencyConflictException ex)
        {
            // The typed notes stay; the current version lets a second save deliberately replace the other change.
            ModelState.AddModelError("", ex.Message);
            Version = Retro.Version;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostActionAsync(long id, long sprintId, CancellationToken ct)
    {
        await LoadAsync(id, sprintId, ct);
        try
        {
            var action = await retros.AddActionAsync(id, sprintId, new ActionInput(ActionText, ActionOwner), ct);
            TempData.Success($"Action \"{action.Text}\" added.");
            return Redirect($"/Projects/{id}/Scrum/Sprints/{sprintId}/Retro#actions-heading");
        }
        catch (DomainValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors)
                foreach (var message in messages) ModelState.AddModelError(field == "ownerPersonId" ? "ActionOwner" : "ActionText", message);
            WentWell = Retro.WentWell;
            ToImprove = Retro.ToImprove;
            Version = Retro.Version;
            return Page();
        }
    }

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
            TempData.Error(ex.Message);
        }
        return Redirect($"/Projects/{id}/Scrum/Sprints/{sprintId}/Retro#actions-heading");
    }

    public static string StatusLabel(ActionStatus status) => status == ActionStatus.InProgress ? "In progress" : status.ToString();

    private async Task LoadAsync(long id, long sprintId, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Retrospective", ct, new Breadcrumb("Sprints", $"/Projects/{id}/Scrum/Sprints"));
        Retro = await retros.GetAsync(id, sprintId, ct);
        ViewData["Title"] = $"{Project.Code} {Retro.SprintName} retrospective";
        People = await people.ListAsync(ct);
    }
}
