using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;

namespace TsPmo.Scrum.Areas.Scrum.Pages;

/// <summary>What every Scrum page of a project shares: the project, its tab bar and whether the user may change it.</summary>
public abstract class ScrumPageModel(ScrumGuard guard, IProjectPermissions permissions) : PageModel
{
    public ProjectInfo Project { get; private set; } = null!;
    /// <summary>May the user work on items and retros (a Member's right)?</summary>
    public bool CanEdit { get; private set; }
    /// <summary>May the user manage the project here (plans, settings): a Manager's right, beyond a Member's work.</summary>
    public bool CanManage { get; private set; }

    protected async Task LoadProjectAsync(long id, string section, CancellationToken ct, params Breadcrumb[] between)
    {
        Project = await guard.RequireScrumAsync(id, ct);
        CanEdit = await permissions.CanAsync(id, ScrumModule.EditItems, ct);
        CanManage = await permissions.CanAsync(id, ScrumModule.ManagePlan, ct);
        ViewData["Title"] = $"{Project.Code} {section}";
        ViewData["Breadcrumbs"] = new[] { new Breadcrumb("Home", "/"), new Breadcrumb("Portfolio", "/Projects"), new Breadcrumb(Project.Name, $"/Projects/{id}") }
            .Concat(between).Append(new Breadcrumb(section)).ToArray();
        ViewData[ProjectTabs.Key] = new ProjectTabs(id, Project.Name, Project.MethodologyId);
    }

    public static string Pts(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Pts(decimal? value) => value is { } v ? Pts(v) : "—";
}
