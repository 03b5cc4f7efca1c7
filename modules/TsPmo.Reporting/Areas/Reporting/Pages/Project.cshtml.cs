using Microsoft.AspNetCore.Mvc;
using TsPmo.Reporting.Domain;
using TsPmo.Reporting.Services;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Time;
using TsPmo.Sdk.Web;

namespace TsPmo.Reporting.Areas.Reporting.Pages;

/// <summary>
/// A project's reporting tab: its health with every signal and override (PMO may override), the status reports
/// (managers generate one with their summary) and the trend of its key metrics.
/// </summary>
public sealed class ProjectModel(PortfolioService portfolio, OverrideService overrides, StatusReportService reports, SnapshotService snapshots,
    ICurrentUser user, IOrganizationClock clock) : ProjectPageModel
{
    private long _id;
    private string _prefix = "";

    /// <summary>Generating the project's status reports.</summary>
    protected override string ManagePermission => ReportingModule.ManageReports;

    /// <summary>The override form's fields, or the summary's (no prefix).</summary>
    protected override string InputPrefix => _prefix;

    [BindProperty] public OverrideForm Override { get; set; } = new();
    [BindProperty] public string? Summary { get; set; }

    public ProjectRow Row { get; private set; } = null!;
    public string MethodologyName { get; private set; } = "";
    public IReadOnlyList<HealthOverride> History { get; private set; } = [];
    public IReadOnlyList<StatusReport> Reports { get; private set; } = [];
    public IReadOnlyList<MetricPoint> PercentTrend { get; private set; } = [];
    public IReadOnlyList<MetricPoint> HealthTrend { get; private set; } = [];
    public bool CanOverride => user.HasPermission(ReportingModule.OverridePermission);
    public DateOnly Today => clock.Today;

    public sealed class OverrideForm
    {
        public string? Dimension { get; set; } = "Overall";
        public string? Rag { get; set; }
        public string? Comment { get; set; }
        public DateOnly? ExpiresOn { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>The PMO's override: <see cref="OverrideService"/> refuses anyone without <c>reporting.override</c> (a 403 page).</summary>
    public async Task<IActionResult> OnPostOverrideAsync(long id, CancellationToken ct)
    {
        (_id, _prefix) = (id, "Override");
        var created = await overrides.CreateAsync(id, new OverrideInput
        {
            Dimension = Override.Dimension, Rag = Override.Rag, Comment = Override.Comment, ExpiresOn = Override.ExpiresOn,
        }, ct);
        TempData.Success($"{created.Scope} health is {created.Rag} until {created.ExpiresOn:yyyy-MM-dd}.");
        return RedirectToPage("/Project", new { area = "Reporting", id });
    }

    [ProjectPermission(ReportingModule.ManageReports)]
    public async Task<IActionResult> OnPostGenerateAsync(long id, CancellationToken ct)
    {
        (_id, _prefix) = (id, "");
        var report = await reports.GenerateAsync(id, Summary, ct);
        TempData.Success($"Status report version {report.Version} generated.");
        return RedirectToPage("/Report", new { area = "Reporting", id, reportId = report.Id });
    }

    protected override Task ReloadAsync(CancellationToken ct) => LoadAsync(_id, ct);

    /// <summary>Loads the page's data; a 404 for an unknown or archived project.</summary>
    private async Task LoadAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Status reports", ct);
        var view = await portfolio.GetAsync(ct);
        Row = view.Find(id) ?? throw new NotFoundException("Project", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        MethodologyName = view.MethodologyName(Row.Project.MethodologyId);
        History = await overrides.HistoryAsync(id, ct);
        Reports = await reports.ListAsync(id, ct);
        PercentTrend = await snapshots.SeriesAsync(id, ReportingMetrics.PercentComplete, ct);
        HealthTrend = await snapshots.SeriesAsync(id, ReportingMetrics.Health, ct);
        ViewData["Title"] = $"{Row.Project.Code} status reports";
    }
}
