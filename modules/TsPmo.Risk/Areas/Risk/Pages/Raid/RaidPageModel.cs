using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;

namespace TsPmo.Risk.Areas.Risk.Pages.Raid;

/// <summary>What every RAID page of a project shares: the project, its tab bar, the breadcrumbs and whether the user may change it.</summary>
public abstract class RaidPageModel(IProjectDirectory projects, IProjectPermissions permissions) : PageModel
{
    public ProjectInfo Project { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    protected async Task LoadProjectAsync(long id, string section, CancellationToken ct, bool underRaidLog = false)
    {
        Project = await projects.FindAsync(id, ct) ?? throw new NotFoundException("Project", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        CanEdit = await permissions.CanAsync(id, RiskModule.EditRaid, ct);
        ViewData["Title"] = $"{Project.Code} {section}";
        var crumbs = new List<Breadcrumb> { new("Home", "/"), new("Portfolio", "/Projects"), new(Project.Name, $"/Projects/{id}") };
        if (underRaidLog) crumbs.Add(new Breadcrumb("RAID log", $"/Projects/{id}/Risk/Raid"));
        crumbs.Add(new Breadcrumb(section));
        ViewData["Breadcrumbs"] = crumbs.ToArray();
        ViewData[ProjectTabs.Key] = new ProjectTabs(id, Project.Name, Project.MethodologyId);
    }

    /// <summary>Everyone but the project itself: what a dependency can be on.</summary>
    protected async Task<IReadOnlyList<ProjectInfo>> OtherProjectsAsync(CancellationToken ct) =>
        (await permissions.ReadScopeAsync(ct)).Filter(await projects.ListAsync(false, ct), p => p.Id).Where(p => p.Id != Project.Id).OrderBy(p => p.Name).ToList();
}
