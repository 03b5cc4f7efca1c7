using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TsPmo.Reporting.Domain;
using TsPmo.Reporting.Engine;
using TsPmo.Reporting.Services;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Time;

namespace TsPmo.Reporting.Api;

/// <summary>
/// <c>/api/v1/reporting/…</c> (portfolio health, KPIs, drill-down, snapshots, series, exports, the pack) and
/// <c>/api/v1/projects/{projectId}/reporting/…</c> (a project's health, overrides and status reports).
/// </summary>
public static class ReportingApi
{
    public static void MapApi(IEndpointRouteBuilder api)
    {
        // The body for a thousand projects is serialized once per portfolio view and served as bytes after that.
        api.MapGet("/health", async (bool? all, PortfolioService portfolio, IOptions<JsonOptions> json, CancellationToken ct) =>
        {
            var view = await portfolio.GetAsync(ct);
            var body = view.Memo(all == true ? "health-json-all" : "health-json", v =>
                JsonSerializer.SerializeToUtf8Bytes(v.Projects.Where(p => all == true || p.IsActive).Select(HealthJson.From).OfType<HealthJson>().ToList(),
                    json.Value.SerializerOptions));
            return Results.Bytes(body, "application/json; charset=utf-8");
        });

        api.MapGet("/kpis", async (PortfolioService portfolio, CancellationToken ct) =>
        {
            var view = await portfolio.GetAsync(ct);
            return KpiJson.From(view.Memo("kpis", v => KpiCalculator.Compute(v.Projects)));
        });

        api.MapGet("/projects", async (string? phase, string? methodology, string? health, string? dimension, string? kpi, PortfolioService portfolio, CancellationToken ct) =>
        {
            var filter = ProjectFilter.Parse(phase, methodology, health, dimension, kpi);
            var view = await portfolio.GetAsync(ct);
            return filter.Apply(view.Projects).Select(r => new
            {
                projectId = r.Id, r.Project.Code, r.Project.Name, r.Project.Phase, methodology = r.Project.MethodologyId,
                overall = r.Health?.Overall.ToString(), percentComplete = r.Progress?.PercentComplete, scheduleVarianceDays = r.ScheduleVarianceDays,
                costVariance = r.CostVarianceMinor / 100m, r.Project.Currency,
            }).ToList();
        });

        api.MapPost("/snapshots", async (SnapshotService snapshots, CancellationToken ct) =>
        {
            var result = await snapshots.TakeAsync(ct);
            return Results.Ok(new { takenOn = result.TakenOn, projects = result.Projects, values = result.Values });
        }).RequirePermission(ReportingModule.DashboardPermission);

        api.MapGet("/series", (long? projectId, string? metric, SnapshotService snapshots, CancellationToken ct) => snapshots.SeriesAsync(projectId, metric, ct));

        api.MapGet("/metrics", (SnapshotService snapshots, CancellationToken ct) => snapshots.MetricsAsync(ct));

        api.MapGet("/exports/portfolio.csv", async (PortfolioService portfolio, CancellationToken ct) =>
            Results.File(ReportingCsv.Portfolio(await portfolio.GetAsync(ct)), "text/csv; charset=utf-8", "portfolio.csv"));

        api.MapGet("/exports/series.csv", async (string? metric, PortfolioService portfolio, SnapshotService snapshots, CancellationToken ct) =>
            Results.File(await ReportingCsv.SeriesAsync(metric, portfolio, snapshots, ct), "text/csv; charset=utf-8", "metric-series.csv"));

        api.MapGet("/pack", async (StatusReportService reports, PortfolioService portfolio, IOrganizationClock clock, CancellationToken ct) =>
            Results.Text(await PortfolioPack.MarkdownAsync(reports, portfolio, clock, ct), "text/markdown; charset=utf-8"));
    }

    public static void MapProjectApi(IEndpointRouteBuilder api)
    {
        api.MapGet("/health", async (long projectId, PortfolioService portfolio, OverrideService overrides, IOrganizationClock clock, CancellationToken ct) =>
        {
            var row = await portfolio.GetProjectAsync(projectId, ct);
            return new
            {
                health = HealthJson.From(row),
                overrideHistory = (await overrides.HistoryAsync(projectId, ct)).Select(o => OverrideJson.From(o, clock.Today)).ToList(),
            };
        });

        api.MapPost("/overrides", async (long projectId, OverrideInput input, OverrideService overrides, IOrganizationClock clock, CancellationToken ct) =>
        {
            var created = await overrides.CreateAsync(projectId, input, ct);
            return Results.Created($"/api/v1/projects/{projectId}/reporting/health", OverrideJson.From(created, clock.Today));
        });

        api.MapPost("/status-reports", async (long projectId, StatusReportRequest? request, StatusReportService reports, CancellationToken ct) =>
        {
            var report = await reports.GenerateAsync(projectId, request?.Summary, ct);
            return Results.Created($"/api/v1/projects/{projectId}/reporting/status-reports/{report.Id}", StatusReportJson.From(report, reports.Html(report)));
        }).RequireProjectPermission(ReportingModule.ManageReports);

        api.MapGet("/status-reports", async (long projectId, StatusReportService reports, CancellationToken ct) =>
            (await reports.ListAsync(projectId, ct)).Select(r => StatusReportJson.From(r, null)).ToList());

        api.MapGet("/status-reports/{reportId:long}", async (long projectId, long reportId, StatusReportService reports, CancellationToken ct) =>
        {
            var report = await reports.GetAsync(projectId, reportId, ct);
            return StatusReportJson.From(report, reports.Html(report));
        });
    }
}

public sealed record StatusReportRequest(string? Summary);

public sealed record StatusReportJson(long Id, long ProjectId, int Version, string Summary, string Overall, IReadOnlyDictionary<string, string> Dimensions,
    DateTimeOffset GeneratedAt, string GeneratedBy, bool Scheduled, string Markdown, string? Html)
{
    public static StatusReportJson From(StatusReport r, string? html) =>
        new(r.Id, r.ProjectId, r.Version, r.Summary, r.OverallRag, r.Dimensions, r.GeneratedAt, r.GeneratedBy, r.IsScheduled, r.Markdown, html);
}

/// <summary>KPIs with the counts behind each figure and the drill-down key of each count.</summary>
public static class KpiJson
{
    public static object From(PortfolioKpis k) => new
    {
        projects = k.Projects,
        activeProjects = k.ActiveProjects,
        onTimeDelivery = new { closed = k.OnTime.Closed, measured = k.OnTime.Measured, onTime = k.OnTime.OnTime, late = k.OnTime.Late, ratePercent = k.OnTime.RatePercent,
            drillDown = new { onTime = "on-time", late = "late-closed", closed = "closed" } },
        scheduleVariance = new { active = k.Schedule.Active, measured = k.Schedule.Measured, late = k.Schedule.Late, averageDays = k.Schedule.AverageDays,
            worstDays = k.Schedule.WorstDays, drillDown = new { measured = "schedule-measured", late = "schedule-late" } },
        costVariance = new { withBudget = k.Cost.WithBudget, measured = k.Cost.Measured, overBudget = k.Cost.OverBudget,
            totals = k.Cost.Totals.Select(t => new { currency = t.Currency, budget = t.BudgetMinor / 100m, earned = t.EarnedMinor / 100m, actual = t.ActualMinor / 100m,
                variance = t.VarianceMinor / 100m, variancePercent = t.VariancePercent }),
            drillDown = new { measured = "cost-measured", overBudget = "over-budget" } },
        quality = new { measured = k.Quality.Measured, defectsTotal = k.Quality.DefectsTotal, defectsOpen = k.Quality.DefectsOpen,
            drillDown = new { measured = "defects", open = "defects-open" } },
        customerSatisfaction = new { provided = k.Satisfaction.Provided, measured = k.Satisfaction.Measured, average = k.Satisfaction.Average,
            note = k.Satisfaction.Provided ? null : "No enabled module provides customer satisfaction.", drillDown = new { measured = "satisfaction" } },
    };
}
