using Microsoft.Extensions.DependencyInjection;
using TsPmo.Sdk.Ports.Directory;

namespace TsPmo.Sdk.Web;

/// <summary>
/// The base of every page about one project, in every module: it loads the route's project (a 404 page when it is
/// missing or not readable; with <see cref="MethodologyId"/>, a 404 naming the project's methodology when it uses
/// another), the caller's rights on it, the tab bar and the breadcrumbs. Refused input comes back as the page with
/// its messages (<see cref="FormPageModel"/>), so handlers call their service and redirect, with no try/catch.
/// </summary>
public abstract class ProjectPageModel : FormPageModel
{
    public ProjectInfo Project { get; private set; } = null!;

    /// <summary>May the caller work here (<see cref="WorkPermission"/>: create and update work items)?</summary>
    public bool CanEdit { get; private set; }

    /// <summary>May the caller manage the project here (<see cref="ManagePermission"/>: plans, settings)?</summary>
    public bool CanManage { get; private set; }

    /// <summary>The methodology whose projects this page is for; null for a capability's page, which every project has.</summary>
    protected virtual string? MethodologyId => null;

    /// <summary>The project permission behind <see cref="CanEdit"/>; the module's Member-level permission.</summary>
    protected virtual string WorkPermission => "core.project.work";

    /// <summary>The project permission behind <see cref="CanManage"/>; the module's Manager-level permission.</summary>
    protected virtual string ManagePermission => "core.project.manage";

    /// <summary>
    /// Loads the project <paramref name="id"/> and the caller's rights, titles the page "<c>CODE section</c>", and
    /// sets the tab bar and the breadcrumbs Home › Portfolio › project › <paramref name="between"/> › section.
    /// </summary>
    protected async Task<ProjectInfo> LoadProjectAsync(long id, string section, CancellationToken ct, params Breadcrumb[] between)
    {
        var services = HttpContext.RequestServices;
        var permissions = services.GetRequiredService<IProjectPermissions>();
        Project = await services.GetRequiredService<IProjectDirectory>().RequireAsync(id, MethodologyId, ct);
        CanEdit = await permissions.CanAsync(id, WorkPermission, ct);
        CanManage = await permissions.CanAsync(id, ManagePermission, ct);
        ViewData["Title"] = $"{Project.Code} {section}";
        ViewData["Breadcrumbs"] = new[] { new Breadcrumb("Home", CoreLinks.Home), new Breadcrumb("Portfolio", CoreLinks.Portfolio), new Breadcrumb(Project.Name, CoreLinks.Project(id)) }
            .Concat(between).Append(new Breadcrumb(section)).ToArray();
        ViewData[ProjectTabs.Key] = new ProjectTabs(id, Project.Name, Project.MethodologyId);
        return Project;
    }
}
