using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Reporting.Domain;
using TsPmo.Reporting.Engine;
using TsPmo.Reporting.Services;
using TsPmo.Sdk.Web;

namespace TsPmo.Reporting.Areas.Reporting.Pages;

/// <summary>Past projects: planned against actual duration and cost of closed projects, by methodology, with averages.</summary>
public sealed class PastProjectsModel(PortfolioService portfolio, SnapshotService snapshots) : PageModel
{
    public PortfolioView View { get; private set; } = null!;
    public IReadOnlyList<PastProjectGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await portfolio.GetAsync(ct);
        Groups = PastProjects.Compute(View.Projects, await snapshots.LatestAsync(ReportingMetrics.ActualCost, ct));
        ViewData["Title"] = "Past projects";
        ViewData["Breadcrumbs"] = new[] { new Breadcrumb("Home", CoreLinks.Home), new Breadcrumb("Reporting", Url.Page("/Index", new { area = "Reporting" })!), new Breadcrumb("Past projects") };
    }
}
