using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Reporting.Domain;
using TsPmo.Reporting.Engine;
using TsPmo.Reporting.Services;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Web;

namespace TsPmo.Reporting.Areas.Reporting.Pages;

/// <summary>
/// The full portfolio report: the dashboard widgets, the scheduled reports, metric history and the exports. Every
/// signed-in user may read it; taking a snapshot is for the PMO.
/// </summary>
public sealed class IndexModel(PortfolioService portfolio, SnapshotService snapshots, StatusReportService reports, ICurrentUser user,
    TsPmo.Sdk.Ports.Directory.IProjectPermissions access) : PageModel
{
    public PortfolioView View { get; private set; } = null!;
    public PortfolioKpis Kpis { get; private set; } = null!;
    public IReadOnlyList<StatusReport> Scheduled { get; private set; } = [];
    public DateOnly? LastSnapshot { get; private set; }
    public IReadOnlyList<string> Metrics { get; private set; } = [];
    public bool CanSnapshot => user.HasPermission(ReportingModule.DashboardPermission);
    public TsPmo.Sdk.Ports.Reporting.WidgetContext Context { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Portfolio report";
        ViewData["Breadcrumbs"] = new[] { new Breadcrumb("Home", CoreLinks.Home), new Breadcrumb("Reporting") };
        View = await portfolio.GetAsync(ct);
        Context = new TsPmo.Sdk.Ports.Reporting.WidgetContext(null, await access.ReadScopeAsync(ct));
        Kpis = View.Memo("kpis", v => KpiCalculator.Compute(v.Projects));
        // Status reports and snapshots are audited, so these answers change only with the view: read once per view.
        Scheduled = await View.MemoAsync("recent-scheduled", () => reports.RecentScheduledAsync(10, CancellationToken.None));
        LastSnapshot = (await View.MemoAsync("last-snapshot", async () => new Box<DateOnly?>(await snapshots.LastTakenAsync(CancellationToken.None)))).Value;
        Metrics = await View.MemoAsync("metrics", () => snapshots.MetricsAsync(CancellationToken.None));
    }

    private sealed record Box<T>(T Value);

    public async Task<IActionResult> OnGetPortfolioCsvAsync(CancellationToken ct) =>
        File(ReportingCsv.Portfolio(await portfolio.GetAsync(ct)), "text/csv; charset=utf-8", "portfolio.csv");

    public async Task<IActionResult> OnGetSeriesCsvAsync(string? metric, CancellationToken ct) =>
        File(await ReportingCsv.SeriesAsync(metric, portfolio, snapshots, ct), "text/csv; charset=utf-8", "metric-series.csv");

    public async Task<IActionResult> OnPostSnapshotAsync(CancellationToken ct)
    {
        if (!CanSnapshot) return Forbid();
        var result = await snapshots.TakeAsync(ct);
        TempData.Success($"Snapshot of {result.TakenOn:yyyy-MM-dd} taken: {result.Values} value(s) of {result.Projects} active project(s).");
        return RedirectToPage("/Index", new { area = "Reporting" });
    }
}
