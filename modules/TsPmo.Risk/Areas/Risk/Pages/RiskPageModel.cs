using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Risk.Risks;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;

namespace TsPmo.Risk.Areas.Risk.Pages;

/// <summary>What every risk page of a project shares: the project, its tab bar and whether the user may change it.</summary>
public abstract class RiskPageModel(RiskService risks, IProjectPermissions permissions, IPeopleDirectory people) : PageModel
{
    protected RiskService Risks { get; } = risks;
    public ProjectInfo Project { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public IReadOnlyList<PersonInfo> People { get; private set; } = [];

    protected async Task LoadProjectAsync(long id, string section, CancellationToken ct, params Breadcrumb[] between)
    {
        Project = await Risks.RequireProjectAsync(id, ct);
        CanEdit = await permissions.CanAsync(id, RiskModule.EditRaid, ct);
        People = await people.ListAsync(ct);
        ViewData["Title"] = $"{Project.Code} {section}";
        ViewData["Breadcrumbs"] = new[] { new Breadcrumb("Home", "/"), new Breadcrumb("Portfolio", "/Projects"), new Breadcrumb(Project.Name, $"/Projects/{id}") }
            .Concat(between).Append(new Breadcrumb(section)).ToArray();
        ViewData[ProjectTabs.Key] = new ProjectTabs(id, Project.Name, Project.MethodologyId);
    }
}
