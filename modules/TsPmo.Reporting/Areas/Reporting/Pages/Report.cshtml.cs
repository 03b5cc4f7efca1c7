using System.Text;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Reporting.Domain;
using TsPmo.Reporting.Engine;
using TsPmo.Reporting.Services;
using TsPmo.Sdk.Web;

namespace TsPmo.Reporting.Areas.Reporting.Pages;

/// <summary>One version of a status report, rendered; downloads as Markdown and as printable HTML.</summary>
public sealed class ReportModel(StatusReportService reports) : ProjectPageModel
{
    public StatusReport Report { get; private set; } = null!;
    public string Html { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, long reportId, CancellationToken ct)
    {
        await LoadAsync(id, reportId, ct);
        Html = reports.Html(Report);
        ViewData["Title"] = $"{Project.Code} status report v{Report.Version}";
        return Page();
    }

    public async Task<IActionResult> OnGetMarkdownAsync(long id, long reportId, CancellationToken ct)
    {
        await LoadAsync(id, reportId, ct);
        return File(Encoding.UTF8.GetBytes(Report.Markdown), "text/markdown; charset=utf-8", $"{FileName()}.md");
    }

    public async Task<IActionResult> OnGetPrintAsync(long id, long reportId, CancellationToken ct)
    {
        await LoadAsync(id, reportId, ct);
        var doc = PrintableHtml.Document($"Status report {Project.Code} v{Report.Version}", reports.Html(Report));
        Response.Headers.ContentSecurityPolicy = PrintableHtml.ContentSecurityPolicy;
        return Content(doc, "text/html; charset=utf-8");
    }

    /// <summary>The project and the report; a 404 page for either missing.</summary>
    private async Task LoadAsync(long id, long reportId, CancellationToken ct)
    {
        await LoadProjectAsync(id, "", ct, new Breadcrumb("Status reports", Url.Page("/Project", new { area = "Reporting", id })!));
        Report = await reports.GetAsync(id, reportId, ct);
        // The last crumb names the version, known only now.
        ViewData["Breadcrumbs"] = ((Breadcrumb[])ViewData["Breadcrumbs"]!)[..^1].Append(new Breadcrumb($"Version {Report.Version}")).ToArray();
    }

    private string FileName() => $"status-report-{string.Concat(Project.Code.Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : '-'))}-v{Report.Version}";
}
