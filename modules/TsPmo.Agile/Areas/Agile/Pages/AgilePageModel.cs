using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;
using TsPmo.Agile.Data;
using TsPmo.Agile.Domain;
using TsPmo.Agile.Services;

namespace TsPmo.Agile.Areas.Agile.Pages;

/// <summary>What every Kanban page of a project shares: the project, its tab bar and whether the user may change it.</summary>
public abstract class AgilePageModel(BoardService board, IProjectPermissions permissions) : PageModel
{
    protected BoardService Board { get; } = board;
    public ProjectInfo Project { get; private set; } = null!;
    /// <summary>May the user create, edit and move cards (a Member's right)?</summary>
    public bool CanEdit { get; private set; }
    /// <summary>May the user manage the project here (plans, settings): a Manager's right, beyond a Member's work.</summary>
    public bool CanManage { get; private set; }

    protected async Task LoadProjectAsync(long id, string section, CancellationToken ct)
    {
        Project = await Board.RequireAgileAsync(id, ct);
        CanEdit = await permissions.CanAsync(id, AgileModule.EditCards, ct);
        CanManage = await permissions.CanAsync(id, AgileModule.ManageBoard, ct);
        ViewData["Title"] = $"{Project.Code} {section}";
        ViewData["Breadcrumbs"] = new[] { new Breadcrumb("Home", "/"), new Breadcrumb("Portfolio", "/Projects"), new Breadcrumb(Project.Name, $"/Projects/{id}"), new Breadcrumb(section) };
        ViewData[ProjectTabs.Key] = new ProjectTabs(id, Project.Name, Project.MethodologyId);
    }
}
