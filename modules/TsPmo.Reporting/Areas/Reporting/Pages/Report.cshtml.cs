using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Reporting.StatusReports;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;

namespace TsPmo.Reporting.Areas.Reporting.Pages;

/// <summary>One version of a status report, rendered; downloads as Markdown and as printable HTML.</summary>
public sealed class ReportModel(StatusReportService reports, IProjectDirectory projects) : PageModel
{
    public StatusReport Report { get; private set; } = null!;
    public ProjectInfo Project { get; private set; } = null!;
    public string Html { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, long reportId, CancellationToken ct)
    {
        if (!await LoadAsync(id, reportId, ct)) return NotFound();
        Html = reports.Html(Report);
        ViewData["Title"] = $"{Project.Code} status report v{Report.Version}";
        ViewData["Breadcrumbs"] = new[] { new Breadcrumb("Home", "/"), new Breadcrumb("Portfolio", "/Projects"), new Breadcrumb(Project.Name, $"/Projects/{id}"),
            new Breadcrumb("Status reports", $"/Projects/{id}/Reporting"), new Breadcrumb($"Version {Report.Version}") };
        ViewData[ProjectTabs.Key] = new ProjectTabs(id, Project.Name, Project.MethodologyId);
        return Page();
    }

    public async Task<IActionResult> OnGetMarkdownAsync(long id, long reportId, CancellationToken ct)
    {
        if (!await LoadAsync(id, reportId, ct)) return NotFound();
        return File(Encoding.UTF8.GetBytes(Report.Markdown), "text/markdown; charset=utf-8", $"{FileName()}.md");
    }

    public async Task<IActionResult> OnGetPrintAsync(long id, long reportId, CancellationToken ct)
    {
        if (!await LoadAsync(id, reportId, ct)) return NotFound();
        var doc = PrintableHtml.Document($"Status report {Project.Code} v{Report.Version}", reports.Html(Report));
        Response.Headers.ContentSecurityPolicy = PrintableHtml.ContentSecurityPolicy;
        return Content(doc, "text/html; charset=utf-8");
    }

    private async Task<bool> LoadAsync(long id, long reportId, CancellationToken ct)
    {
        if (await projects.FindAsync(id, ct) is not { } project) return false;
        Project = project;
        try
        {
            Report = await reports.GetAsync(id, reportId, ct);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    private string FileName() => $"status-report-{string.Concat(Project.Code.Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : '-'))}-v{Report.Version}";
}
