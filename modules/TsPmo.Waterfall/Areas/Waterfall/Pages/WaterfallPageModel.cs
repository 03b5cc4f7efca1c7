using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;
using TsPmo.Waterfall.Data;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Engine;
using TsPmo.Waterfall.Services;

namespace TsPmo.Waterfall.Areas.Waterfall.Pages;

/// <summary>What every Waterfall page of a project shares: the project, its tab bar and whether the user may change it.</summary>
public abstract class WaterfallPageModel(PlanService plan, IProjectPermissions permissions) : PageModel
{
    protected PlanService Plan { get; } = plan;
    public ProjectInfo Project { get; private set; } = null!;
    /// <summary>May the user change the plan (a Manager's right)?</summary>
    public bool CanEdit { get; private set; }

    /// <summary>May the user report progress on tasks (a Member's right)?</summary>
    public bool CanReportProgress { get; private set; }

    protected async Task LoadProjectAsync(long id, string section, CancellationToken ct)
    {
        Project = await Plan.RequireWaterfallAsync(id, ct);
        CanEdit = await permissions.CanAsync(id, WaterfallModule.ManagePlan, ct);
        CanReportProgress = await permissions.CanAsync(id, WaterfallModule.EditProgress, ct);
        ViewData["Title"] = $"{Project.Code} {section}";
        ViewData["Breadcrumbs"] = new[] { new Breadcrumb("Home", "/"), new Breadcrumb("Portfolio", "/Projects"), new Breadcrumb(Project.Name, $"/Projects/{id}"), new Breadcrumb(section) };
        ViewData[ProjectTabs.Key] = new ProjectTabs(id, Project.Name, Project.MethodologyId);
    }
}
