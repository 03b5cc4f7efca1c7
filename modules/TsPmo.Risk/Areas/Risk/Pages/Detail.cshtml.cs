using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Risk.Domain;
using TsPmo.Risk.Services;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Web;

namespace TsPmo.Risk.Areas.Risk.Pages;

/// <summary>One risk: the reassess form (versioned), review and close, mitigation actions, and the score trend over its assessments.</summary>
public sealed class DetailModel(RiskService risks, IPeopleDirectory people) : ProjectPageModel
{
    private long _id, _riskId;
    private string _prefix = "Input";

    protected override string WorkPermission => RiskModule.EditRaid;

    /// <summary>The risk form's fields, or the action form's, whichever was posted.</summary>
    protected override string InputPrefix => _prefix;

    [BindProperty] public RiskInput Input { get; set; } = new();
    [BindProperty] public long Version { get; set; }
    [BindProperty] public ActionInput NewAction { get; set; } = new();

    public IReadOnlyList<PersonInfo> People { get; private set; } = [];
    public RiskDetail Detail { get; private set; } = null!;
    public string ChartJson { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(long id, long riskId, CancellationToken ct)
    {
        await LoadAsync(id, riskId, ct);
        Input = RiskInput.From(Detail.Risk);
        Version = Detail.Risk.Version;
        return Page();
    }

    [ProjectPermission(RiskModule.EditRaid)]
    public async Task<IActionResult> OnPostAsync(long id, long riskId, CancellationToken ct)
    {
        Posting(id, riskId, "Input");
        return Done($"\"{(await risks.UpdateAsync(id, riskId, Version, Input, ct)).Title}\" saved.");
    }

    [ProjectPermission(RiskModule.EditRaid)]
    public async Task<IActionResult> OnPostReviewAsync(long id, long riskId, CancellationToken ct)
    {
        Posting(id, riskId, "Input");
        return Done($"\"{(await risks.MarkReviewedAsync(id, riskId, Version, ct)).Title}\" marked reviewed today.");
    }

    [ProjectPermission(RiskModule.EditRaid)]
    public async Task<IActionResult> OnPostCloseAsync(long id, long riskId, CancellationToken ct)
    {
        Posting(id, riskId, "Input");
        return Done($"\"{(await risks.CloseAsync(id, riskId, Version, ct)).Title}\" closed.");
    }

    [ProjectPermission(RiskModule.EditRaid)]
    public async Task<IActionResult> OnPostActionAsync(long id, long riskId, CancellationToken ct)
    {
        Posting(id, riskId, "NewAction");
        return Done($"Action \"{(await risks.AddActionAsync(id, riskId, NewAction, ct)).Title}\" added.");
    }

    [ProjectPermission(RiskModule.EditRaid)]
    public async Task<IActionResult> OnPostActionStatusAsync(long id, long riskId, long actionId, long actionVersion, string status, CancellationToken ct)
    {
        var detail = await risks.GetAsync(id, riskId, ct);
        var action = detail.Actions.FirstOrDefault(a => a.Id == actionId) ?? throw new NotFoundException("Action", actionId.ToString());
        Posting(id, riskId, "NewAction");
        var saved = await risks.UpdateActionAsync(id, riskId, actionId, actionVersion,
            new ActionInput { Title = action.Title, Owner = action.Owner, DueDate = action.DueDate, Status = status }, ct);
        return Done($"Action \"{saved.Title}\" is {saved.Status}.");
    }


    /// <summary>
    /// The page again after a refused change: the risk form keeps what was typed into it; when another form was posted
    /// (an action's), or its save met a conflict, it carries the risk's current version so that the next save is checked
    /// against what is stored now.
    /// </summary>
    protected override async Task ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(_id, _riskId, ct);
        if (_prefix == "NewAction") Input = RiskInput.From(Detail.Risk);
        if (_prefix == "NewAction" || RefusedAsStale) Version = Detail.Risk.Version;
    }

    private void Posting(long id, long riskId, string prefix) => (_id, _riskId, _prefix) = (id, riskId, prefix);

    private IActionResult Done(string message)
    {
        TempData.Success(message);
        return RedirectToPage("/Detail", new { area = "Risk", id = _id, riskId = _riskId });
    }

    private async Task LoadAsync(long id, long riskId, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Risk", ct, new Breadcrumb("Risks", Url.Page("/Register", new { area = "Risk", id })!));
        People = await people.ListAsync(ct);
        Detail = await risks.GetAsync(id, riskId, ct);
        ViewData["Title"] = $"{Project.Code} risk: {Detail.Risk.Title}";
        ChartJson = JsonSerializer.Serialize(new
        {
            labels = Detail.Assessments.Select(a => a.AssessedAt.ToString("yyyy-MM-dd HH:mm")),
            score = Detail.Assessments.Select(a => a.Score),
            residual = Detail.Assessments.Select(a => a.ResidualScore),
        });
    }
}
