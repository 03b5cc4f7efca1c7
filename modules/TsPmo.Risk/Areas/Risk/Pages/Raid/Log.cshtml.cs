using Microsoft.AspNetCore.Mvc;
using TsPmo.Risk.Domain;
using TsPmo.Risk.Services;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Web;

namespace TsPmo.Risk.Areas.Risk.Pages.Raid;

/// <summary>
/// The RAID log's issues, assumptions and dependencies on one page: a table and an add form for each. Every form
/// posts and redirects (post-redirect-get), so it all works without JavaScript.
/// </summary>
public sealed class LogModel(IssueService issues, AssumptionService assumptions, DependencyService dependencies, IPeopleDirectory people)
    : ProjectPageModel
{
    private long _id;
    private string _prefix = "NewIssue";

    protected override string WorkPermission => RiskModule.EditRaid;

    /// <summary>The submitted add form's fields.</summary>
    protected override string InputPrefix => _prefix;

    [BindProperty] public IssueInput NewIssue { get; set; } = new();
    [BindProperty] public AssumptionInput NewAssumption { get; set; } = new();
    [BindProperty] public DependencyInput NewDependency { get; set; } = new();

    /// <summary>The issue status the table is filtered by, if any.</summary>
    [BindProperty(SupportsGet = true)] public IssueStatus? Status { get; set; }

    public IReadOnlyList<Issue> Issues { get; private set; } = [];
    public IReadOnlyList<Assumption> Assumptions { get; private set; } = [];
    public IReadOnlyList<Dependency> Dependencies { get; private set; } = [];
    public IReadOnlyList<PersonInfo> People { get; private set; } = [];
    public IReadOnlyList<ProjectInfo> OtherProjects { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    [ProjectPermission(RiskModule.EditRaid)]
    public async Task<IActionResult> OnPostAddIssueAsync(long id, CancellationToken ct)
    {
        Posting(id, "NewIssue");
        return Added($"Issue \"{(await issues.CreateAsync(id, NewIssue, ct)).Title}\" added.", "issues");
    }

    [ProjectPermission(RiskModule.EditRaid)]
    public async Task<IActionResult> OnPostAddAssumptionAsync(long id, CancellationToken ct)
    {
        Posting(id, "NewAssumption");
        return Added($"Assumption \"{(await assumptions.CreateAsync(id, NewAssumption, ct)).Title}\" added.", "assumptions");
    }

    [ProjectPermission(RiskModule.EditRaid)]
    public async Task<IActionResult> OnPostAddDependencyAsync(long id, CancellationToken ct)
    {
        Posting(id, "NewDependency");
        return Added($"Dependency \"{(await dependencies.CreateAsync(id, NewDependency, ct)).Title}\" added.", "dependencies");
    }

    /// <summary>The validate button of a row: a stale one comes back as a message on the log (post-redirect-get), not as a form to fix.</summary>
    [ProjectPermission(RiskModule.EditRaid)]
    public async Task<IActionResult> OnPostValidateAsync(long id, long assumptionId, long version, bool validated, CancellationToken ct)
    {
        try
        {
            var saved = await assumptions.SetValidatedAsync(id, assumptionId, validated, version, ct);
            TempData.Success(validated ? $"\"{saved.Title}\" is validated." : $"\"{saved.Title}\" is no longer validated.");
        }
        catch (ConcurrencyConflictException ex)
        {
            TempData.Error(ex.Message);
        }
        return RedirectToPage("/Raid/Log", null, new { area = "Risk", id }, "assumptions");
    }

    /// <summary>
    /// Every add form is bound on every post, so the other forms' empty inputs are dropped from the model state: only the
    /// submitted form's messages (added after the handler by the base page) are shown.
    /// </summary>
    private void Posting(long id, string prefix)
    {
        (_id, _prefix) = (id, prefix);
        ModelState.Clear();
    }

    private IActionResult Added(string message, string anchor)
    {
        TempData.Success(message);
        return RedirectToPage("/Raid/Log", null, new { area = "Risk", id = _id }, anchor);
    }

    protected override Task ReloadAsync(CancellationToken ct) => LoadAsync(_id, ct);

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "RAID log", ct);
        Issues = await issues.ListAsync(id, Status, ct);
        Assumptions = await assumptions.ListAsync(id, ct);
        Dependencies = await dependencies.ListAsync(id, ct);
        People = await people.ListAsync(ct);
        OtherProjects = await dependencies.OtherProjectsAsync(id, ct);
    }
}
