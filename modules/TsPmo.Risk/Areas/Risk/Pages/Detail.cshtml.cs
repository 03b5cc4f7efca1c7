using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Risk.Risks;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;

namespace TsPmo.Risk.Areas.Risk.Pages;

/// <summary>One risk: the reassess form (versioned), review and close, mitigation actions, and the score trend over its assessments.</summary>
public sealed class DetailModel(RiskService risks, IProjectPermissions permissions, IPeopleDirectory people) : RiskPageModel(risks, permissions, people)
{
    [BindProperty] public RiskInput Input { get; set; } = new();
    [BindProperty] public long Version { get; set; }
    [BindProperty] public ActionInput NewAction { get; set; } = new();

    public RiskDetail Detail { get; private set; } = null!;
    public string ChartJson { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(long id, long riskId, CancellationToken ct)
    {
        await LoadAsync(id, riskId, ct);
        Input = RiskInput.From(Detail.Risk);
        Version = Detail.Risk.Version;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(long id, long riskId, CancellationToken ct) =>
        ChangeAsync(id, riskId, "Input", async () => $"\"{(await Risks.UpdateAsync(id, riskId, Version, Input, ct)).Title}\" saved.", ct);

    public Task<IActionResult> OnPostReviewAsync(long id, long riskId, CancellationToken ct) =>
        ChangeAsync(id, riskId, "Input", async () => $"\"{(await Risks.MarkReviewedAsync(id, riskId, Version, ct)).Title}\" marked reviewed today.", ct);

    public Task<IActionResult> OnPostCloseAsync(long id, long riskId, CancellationToken ct) =>
        ChangeAsync(id, riskId, "Input", async () => $"\"{(await Risks.CloseAsync(id, riskId, Version, ct)).Title}\" closed.", ct);

    public Task<IActionResult> OnPostActionAsync(long id, long riskId, CancellationToken ct) =>
        ChangeAsync(id, riskId, "NewAction", async () => $"Action \"{(await Risks.AddActionAsync(id, riskId, NewAction, ct)).Title}\" added.", ct);

    public async Task<IActionResult> OnPostActionStatusAsync(long id, long riskId, long actionId, long actionVersion, string status, CancellationToken ct)
    {
        var detail = await Risks.GetAsync(id, riskId, ct);
        var action = detail.Actions.FirstOrDefault(a => a.Id == actionId) ?? throw new NotFoundException("Action", actionId.ToString());
        return await ChangeAsync(id, riskId, "NewAction", async () =>
        {
            var saved = await Risks.UpdateActionAsync(id, riskId, actionId, actionVersion,
                new ActionInput { Title = action.Title, Owner = action.Owner, DueDate = action.DueDate, Status = status }, ct);
            return $"Action \"{saved.Title}\" is {saved.Status}.";
        }, ct);
    }

    /// <summary>Runs a change; on success redirects with its message, on bad input shows the errors next to the fields.</summary>
    private async Task<IActionResult> ChangeAsync(long id, long riskId, string prefix, Func<Task<string>> change, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Risk", ct, new Breadcrumb("Risks", $"/Projects/{id}/Risk"));
        if (!CanEdit) return Forbid();
        var conflict = false;
        try
        {
            TempData.Success(await change());
            return Redirect($"/Projects/{id}/Risk/{riskId}");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, prefix);
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError("", ex.Message);
            conflict = true;
        }
        await LoadAsync(id, riskId, ct);
        // The risk form keeps what was typed into it; when another form was posted (an action's), or its save met a conflict,
        // it carries the risk's current version so that the next save is checked against what is stored now.
        if (prefix == "NewAction") Input = RiskInput.From(Detail.Risk);
        if (prefix == "NewAction" || conflict) Version = Detail.Risk.Version;
        return Page();
    }

    private async Task LoadAsync(long id, long riskId, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Risk", ct, new Breadcrumb("Risks", $"/Projects/{id}/Risk"));
        Detail = await Risks.GetAsync(id, riskId, ct);
        ViewData["Title"] = $"{Project.Code} risk: {Detail.Risk.Title}";
        ChartJson = JsonSerializer.Serialize(new
        {
            labels = Detail.Assessments.Select(a => a.AssessedAt.ToString("yyyy-MM-dd HH:mm")),
            score = Detail.Assessments.Select(a => a.Score),
            residual = Detail.Assessments.Select(a => a.ResidualScore),
        });
    }
}
