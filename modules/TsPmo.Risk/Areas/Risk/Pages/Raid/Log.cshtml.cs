using Microsoft.AspNetCore.Mvc;
using TsPmo.Risk.Raid;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;

namespace TsPmo.Risk.Areas.Risk.Pages.Raid;

/// <summary>
/// The RAID log's issues, assumptions and dependencies on one page: a table and an add form for each. Every form
/// posts and redirects (post-redirect-get), so it all works without JavaScript.
/// </summary>
public sealed class LogModel(
    IssueService issues,
    AssumptionService assumptions,
    DependencyService dependencies,
    IProjectDirectory projects,
    IProjectPermissions permissions,
    IPeopleDirectory people) : RaidPageModel(projects, permissions)
{
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

    public Task<IActionResult> OnPostAddIssueAsync(long id, CancellationToken ct) =>
        SaveAsync(id, "NewIssue", "issues", async () => $"Issue \"{(await issues.CreateAsync(id, NewIssue, ct)).Title}\" added.", ct);

    public Task<IActionResult> OnPostAddAssumptionAsync(long id, CancellationToken ct) =>
        SaveAsync(id, "NewAssumption", "assumptions", async () => $"Assumption \"{(await assumptions.CreateAsync(id, NewAssumption, ct)).Title}\" added.", ct);

    public Task<IActionResult> OnPostAddDependencyAsync(long id, CancellationToken ct) =>
        SaveAsync(id, "NewDependency", "dependencies", async () => $"Dependency \"{(await dependencies.CreateAsync(id, NewDependency, ct)).Title}\" added.", ct);

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
        return Redirect($"/Projects/{id}/Risk/Raid#assumptions");
    }

    /// <summary>Runs a save; a validation failure shows the page again with the messages next to the fields of <paramref name="prefix"/>.</summary>
    private async Task<IActionResult> SaveAsync(long id, string prefix, string anchor, Func<Task<string>> save, CancellationToken ct)
    {
        try
        {
            TempData.Success(await save());
            return Redirect($"/Projects/{id}/Risk/Raid#{anchor}");
        }
        catch (DomainValidationException ex)
        {
            // The other forms' empty inputs were bound too; only the submitted form's messages matter.
            ModelState.Clear();
            ModelState.AddDomainErrors(ex, prefix);
            await LoadAsync(id, ct);
            return Page();
        }
    }

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "RAID log", ct);
        Issues = await issues.ListAsync(id, Status, ct);
        Assumptions = await assumptions.ListAsync(id, ct);
        Dependencies = await dependencies.ListAsync(id, ct);
        People = await people.ListAsync(ct);
        OtherProjects = await OtherProjectsAsync(ct);
    }
}
