using TsPmo.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Core.Audit;
using TsPmo.Core.Projects;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Lifecycle;
using TsPmo.Sdk.Ports.Methodology;
using TsPmo.Sdk.Text;
using TsPmo.Sdk.Web;

namespace TsPmo.Host.Pages.Projects;

/// <summary>A project's overview: facts, progress from its methodology, phase timeline, members, recent activity.</summary>
public sealed class DetailsModel(
    ProjectService projects,
    LifecycleService lifecycle,
    ProjectAccess access,
    IPeopleDirectory people,
    AuditQuery audit,
    IEnabledContributions<IMethodology> methodologies,
    IModuleCatalog modules,
    IMarkdownRenderer markdown,
    ILogger<DetailsModel> logger) : PageModel
{
    public Project Project { get; private set; } = null!;
    public IReadOnlyList<PhaseChange> History { get; private set; } = [];
    public IReadOnlyList<ProjectMember> Members { get; private set; } = [];
    public IReadOnlyList<AuditRecord> Activity { get; private set; } = [];
    public MethodologyProgress? Progress { get; private set; }
    public string? PlanUrl { get; private set; }
    public string MethodologyName { get; private set; } = "";
    public bool CanEdit { get; private set; }
    public IReadOnlyList<LifecyclePhase> NextPhases { get; private set; } = [];
    public string DescriptionHtml => markdown.ToSafeHtml(Project.Description);

    [BindProperty] public LifecyclePhase To { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public long Version { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    [ProjectPermission(ProjectPermissions.ChangePhase)]
    public async Task<IActionResult> OnPostTransitionAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        try
        {
            var moved = await lifecycle.TransitionAsync(id, To, Reason, ct);
            TempData.Success($"{moved.Code} is now in {LifecycleRules.Label(moved.Phase)}.");
            return RedirectToPage("/Projects/Details", new { id });
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, prefix: "");
            ModelState.AddModelError("Reason", ex.Message);
        }
        catch (LifecycleRefusedException ex)
        {
            ModelState.AddModelError("", ex.Summary);
            foreach (var reason in ex.Reasons) ModelState.AddModelError("", reason);
        }
        return Page();
    }

    /// <summary>Archives or restores, then redirects: only the project and the right to change it are needed, not the overview.</summary>
    [ProjectPermission(ProjectPermissions.Manage)]
    public async Task<IActionResult> OnPostArchiveAsync(long id, bool archived, CancellationToken ct)
    {
        if (await projects.FindAsync(id, ct) is not { } project) return NotFound();
        if (!await access.CanEditAsync(id, ct)) return Forbid();
        try
        {
            await projects.SetArchivedAsync(id, Version, archived, ct);
            TempData.Success(archived ? $"{project.Code} is archived: it is hidden from the portfolio unless you include archived projects." : $"{project.Code} is back in the portfolio.");
        }
        catch (ConcurrencyConflictException ex)
        {
            TempData.Error(ex.Message);
        }
        return RedirectToPage("/Projects/Details", new { id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await projects.FindAsync(id, ct) is not { } project) return false;
        Project = project;
        History = await lifecycle.HistoryAsync(id, ct);
        Members = await people.MembersAsync(id, ct);
        Activity = await audit.FindAsync(new AuditFilter { ProjectId = id, Take = 10 }, ct);
        CanEdit = await access.CanEditAsync(id, ct);
        NextPhases = LifecycleRules.Allowed(project.Phase, project.PhaseBeforeHold);
        MethodologyName = modules.Installed.FirstOrDefault(m => m.Id == project.MethodologyId)?.Name ?? project.MethodologyId;
        if (methodologies.All.FirstOrDefault(m => m.ModuleId == project.MethodologyId) is { } methodology)
        {
            PlanUrl = methodology.PlanUrl(id);
            try { Progress = await methodology.GetProgressAsync(id, ct); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Methodology {Methodology} failed to report progress of {Project}", project.MethodologyId, id);
            }
        }
        return true;
    }
}
