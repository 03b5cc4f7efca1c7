using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Core.Documents;
using TsPmo.Core.Projects;
using TsPmo.Sdk.Time;
using TsPmo.Sdk.Web;

namespace TsPmo.Host.Pages.Projects.Documents;

/// <summary>What every document page shares: its project (with the project's tab bar), breadcrumbs and times in the organization's zone.</summary>
public abstract class DocumentPageModel(ProjectService projects, IOrganizationClock clock) : PageModel
{
    public Project Project { get; private set; } = null!;

    /// <summary>Loads the project of the route and shows its tabs; false when there is no such project.</summary>
    protected async Task<bool> LoadProjectAsync(long id, CancellationToken ct)
    {
        if (await projects.FindAsync(id, ct) is not { } project) return false;
        Project = project;
        ViewData[ProjectTabs.Key] = new ProjectTabs(id, project.Name, project.MethodologyId);
        return true;
    }

    /// <summary>Home › Projects › the project › Documents, then <paramref name="tail"/>; the last step is the page itself.</summary>
    protected void SetBreadcrumbs(params Breadcrumb[] tail) =>
        ViewData["Breadcrumbs"] = new[]
        {
            new Breadcrumb("Home", "/"), new Breadcrumb("Portfolio", "/Projects"), new Breadcrumb(Project.Name, $"/Projects/{Project.Id}"),
            new Breadcrumb("Documents", DocumentsHref),
        }.Concat(tail).ToArray();

    public string DocumentsHref => $"/Projects/{Project.Id}/Documents";

    public string DocumentHref(long docId) => $"{DocumentsHref}/{docId}";

    /// <summary>An instant as the organization reads it: local date and time.</summary>
    public string When(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, clock.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string KindLabel(DocumentKind kind) => kind == DocumentKind.DecisionRecord ? "Decision record" : kind.ToString();
}
