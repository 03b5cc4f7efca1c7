using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Reporting.Engine;
using TsPmo.Reporting.Services;
using TsPmo.Sdk.Time;
using TsPmo.Sdk.Web;

namespace TsPmo.Reporting.Areas.Reporting.Pages;

/// <summary>The portfolio pack: every active project's latest status report in one document (page, Markdown, printable HTML).</summary>
public sealed class PackModel(StatusReportService reports, PortfolioService portfolio, IOrganizationClock clock) : PageModel
{
    public string Html { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Html = reports.ToSafeHtml(await PortfolioPack.MarkdownAsync(reports, portfolio, clock, ct));
        ViewData["Title"] = "Portfolio status pack";
        ViewData["Breadcrumbs"] = new[] { new Breadcrumb("Home", CoreLinks.Home), new Breadcrumb("Reporting", Url.Page("/Index", new { area = "Reporting" })!), new Breadcrumb("Status pack") };
    }

    public async Task<IActionResult> OnGetMarkdownAsync(CancellationToken ct) =>
        File(Encoding.UTF8.GetBytes(await PortfolioPack.MarkdownAsync(reports, portfolio, clock, ct)), "text/markdown; charset=utf-8", $"portfolio-pack-{clock.Today:yyyy-MM-dd}.md");

    public async Task<IActionResult> OnGetPrintAsync(CancellationToken ct)
    {
        var doc = PrintableHtml.Document($"Portfolio status pack {clock.Today:yyyy-MM-dd}",
            reports.ToSafeHtml(await PortfolioPack.MarkdownAsync(reports, portfolio, clock, ct)));
        Response.Headers.ContentSecurityPolicy = PrintableHtml.ContentSecurityPolicy;
        return Content(doc, "text/html; charset=utf-8");
    }
}
