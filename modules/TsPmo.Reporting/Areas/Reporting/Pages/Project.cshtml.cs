using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Reporting.Health;
using TsPmo.Reporting.Portfolio;
using TsPmo.Reporting.Snapshots;
using TsPmo.Reporting.StatusReports;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Time;
using TsPmo.Sdk.Web;

namespace TsPmo.Reporting.Areas.Reporting.Pages;

/// <summary>
/// A project's reporting tab: its health with every signal and override (PMO may override), the status reports
/// (managers generate one with their summary) and the trend of its key metrics.
/// </summary>
public sealed class ProjectModel(PortfolioService portfolio, OverrideService overrides, StatusReportService reports, SnapshotService snapshots,
    IProjectPermissions permissions, ICurrentUser user, IOrganizationClock clock) : PageModel
{
    [BindProperty] public OverrideForm Override { get; set; } = new();
    [BindProperty] public string? Summary { get; set; }

    public ProjectRow Row { get; private set; } = null!;
    public string MethodologyName { get; private set; } = "";
    public IReadOnlyList<HealthOverride> History { get; private set; } = [];
    public IReadOnlyList<StatusReport> Reports { get; private set; } = [];
    public IReadOnlyList<MetricPoint> PercentTrend { get; private set; } = [];
    public IReadOnlyList<MetricPoint> HealthTrend { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanOverride => user.HasPermission(ReportingModule.OverridePermission);
    public DateOnly Today => clock.Today;

    public sealed class OverrideForm
    {
        public string? Dimension { get; set; } = "Overall";
        public string? Rag { get; set; }
        public string? Comment { get; set; }
        public DateOnly? ExpiresOn { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOverrideAsync(long id, CancellationToken ct)
    {
        if (!CanOverride) return Forbid();
        try
        {
            var created = await overrides.CreateAsync(id, new OverrideInput
            {
                Dimension = Override.Dimension, Rag = Override.Rag, Comment = Override.Comment, ExpiresOn = Override.ExpiresOn,
            }, ct);
            TempData.Success($"{created.Scope} health is {created.Rag} until {created.ExpiresOn:yyyy-MM-dd}.");
            return Redirect($"/Projects/{id}/Reporting");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "Override");
        }
        catch (AccessDeniedException ex)
        {
            ModelState.AddModelError("", ex.Message);
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    [ProjectPermission(ReportingModule.ManageReports)]
    public async Task<IActionResult> OnPostGenerateAsync(long id, CancellationToken ct)
    {
        try
        {
            var report = await reports.GenerateAsync(id, Summary, ct);
            TempData.Success($"Status report version {report.Version} generated.");
            return Redirect($"/Projects/{id}/Reporting/Reports/{report.Id}");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex, "");
        }
        catch (AccessDeniedException ex)
        {
            ModelState.AddModelError("", ex.Message);
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>Loads the page's data; false for an unknown or archived project (404).</summary>
    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var view = await portfolio.GetAsync(ct);
        if (view.Find(id) is not { } row) return false;
        Row = row;
        MethodologyName = view.MethodologyName(Row.Project.MethodologyId);
        CanEdit = await permissions.CanAsync(id, ReportingModule.ManageReports, ct);
        History = await overrides.HistoryAsync(id, ct);
        Reports = await reports.ListAsync(id, ct);
        PercentTrend = await snapshots.SeriesAsync(id, ReportingMetrics.PercentComplete, ct);
        HealthTrend = await snapshots.SeriesAsync(id, ReportingMetrics.Health, ct);
        ViewData["Title"] = $"{Row.Project.Code} status reports";
        ViewData["Breadcrumbs"] = new[] { new Breadcrumb("Home", "/"), new Breadcrumb("Portfolio", "/Projects"), new Breadcrumb(Row.Project.Name, $"/Projects/{id}"),
            new Breadcrumb("Status reports") };
        ViewData[ProjectTabs.Key] = new ProjectTabs(id, Row.Project.Name, Row.Project.MethodologyId);
        return true;
    }
}
