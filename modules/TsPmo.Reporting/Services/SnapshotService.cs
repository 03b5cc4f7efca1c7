using Dapper;
using Microsoft.Extensions.Logging;
using TsPmo.Reporting.Domain;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Reporting;
using TsPmo.Sdk.Time;

namespace TsPmo.Reporting.Services;

/// <summary>
/// Captures each active project's key metrics (reporting's own from the portfolio view, plus every enabled
/// <see cref="IMetricSource"/>) into <c>reporting_metric_snapshot</c>. A second snapshot the same day replaces that
/// day's values; closed projects are not captured again, so their series stay as history.
/// </summary>
public sealed class SnapshotService(
    IDbConnectionFactory connections,
    PortfolioService portfolio,
    IEnabledContributions<IMetricSource> sources,
    IProjectDirectory directory,
    IProjectPermissions access,
    IUnitOfWork work,
    IOrganizationClock clock,
    ILogger<SnapshotService> logger)
{
    public sealed record SnapshotResult(DateOnly TakenOn, int Projects, int Values);

    public async Task<SnapshotResult> TakeAsync(CancellationToken ct = default)
    {
        var day = clock.Today;
        var view = await portfolio.GetAsync(ct);
        var active = view.Active.ToList();
        var values = new List<CapturedMetric>();
        foreach (var row in active)
        {
            values.AddRange(CoreMetrics(row));
            foreach (var source in sources.All)
            {
                try
                {
                    values.AddRange((await source.CaptureAsync(row.Id, ct)).Select(m => new CapturedMetric(row.Id, m.Metric, m.Value, m.Unit)));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Metric source {Source} failed for project {Project}", source.GetType().FullName, row.Id);
                }
            }
        }
        // The last value wins when a source repeats a metric.
        var distinct = values.GroupBy(v => (v.ProjectId, v.Metric)).Select(g => g.Last()).ToList();

        await using var w = await work.BeginAsync(ReportingModule.Id, null, ct);
        await w.ExecuteAsync("DELETE FROM reporting_metric_snapshot WHERE taken_on = @day AND project_id = @Id", active.Select(r => new { day, r.Id }), ct);
        await w.ExecuteAsync("""
            INSERT INTO reporting_metric_snapshot (project_id, metric, value, unit, taken_on) VALUES (@ProjectId, @Metric, @Value, @Unit, @day)
            """, distinct.Select(v => new { v.ProjectId, v.Metric, Value = (double)v.Value, v.Unit, day }), ct);
        await w.AuditAsync("metric snapshot", day.ToString("yyyy-MM-dd"), "taken", null, new { projects = active.Count, values = distinct.Count }, ct);
        await w.CommitAsync(ct);
        return new SnapshotResult(day, active.Count, distinct.Count);
    }

    public static IEnumerable<CapturedMetric> CoreMetrics(ProjectRow row)
    {
        CapturedMetric M(string metric, decimal value, string unit) => new(row.Id, metric, value, unit);
        if (row.Progress is { } p)
        {
            yield return M(ReportingMetrics.PercentComplete, p.PercentComplete, "%");
            yield return M(ReportingMetrics.RemainingWork, p.RemainingWork, p.WorkUnit);
            if (p.ActualCostMinor is { } cost) yield return M(ReportingMetrics.ActualCost, cost / 100m, row.Project.Currency ?? "");
            if (p.DefectsOpen is { } open) yield return M(ReportingMetrics.DefectsOpen, open, "defects");
        }
        if (row.ScheduleVarianceDays is { } slip) yield return M(ReportingMetrics.ScheduleVarianceDays, slip, "days");
        if (row.CostVarianceMinor is { } cv) yield return M(ReportingMetrics.CostVariance, cv / 100m, row.Project.Currency ?? "");
        if (row.Health?.Overall.Score() is { } score) yield return M(ReportingMetrics.Health, score, "rag");
    }

    /// <summary>When the last snapshot was taken, or null if never.</summary>
    public async Task<DateOnly?> LastTakenAsync(CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var last = await connection.ExecuteScalarAsync<string?>(new CommandDefinition("SELECT MAX(taken_on) FROM reporting_metric_snapshot", cancellationToken: ct));
        return last is null ? null : DateOnly.ParseExact(last, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A project's series of one metric, oldest first: 404 for an unknown project, 400 for a metric never recorded.</summary>
    public async Task<IReadOnlyList<MetricPoint>> SeriesAsync(long? projectId, string? metric, CancellationToken ct = default)
    {
        if (projectId is not { } id) throw new DomainValidationException("projectId", "Give the project: ?projectId=….");
        if (string.IsNullOrWhiteSpace(metric)) throw new DomainValidationException("metric", "Give the metric: ?metric=….");
        await directory.RequireAsync(id, null, ct);
        await using var connection = await connections.OpenAsync(ct);
        var known = ReportingMetrics.All.Contains(metric) || await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM (SELECT 1 FROM reporting_metric_snapshot WHERE metric = @metric LIMIT 1)", new { metric }, cancellationToken: ct)) > 0;
        if (!known) throw new DomainValidationException("metric", $"\"{metric}\" is not a metric any snapshot recorded. Known: {string.Join(", ", await MetricsAsync(ct))}.");
        return (await connection.QueryAsync<PointRow>(new CommandDefinition("""
            SELECT project_id AS ProjectId, taken_on AS TakenOn, value, unit FROM reporting_metric_snapshot WHERE project_id = @id AND metric = @metric ORDER BY taken_on
            """, new { id, metric }, cancellationToken: ct))).Select(r => new MetricPoint(r.TakenOn, (decimal)r.Value, r.Unit)).ToList();
    }

    private sealed class PointRow
    {
        public long ProjectId { get; init; }
        public DateOnly TakenOn { get; init; }
        public double Value { get; init; }
        public string Unit { get; init; } = "";
    }

    /// <summary>Every metric name recorded so far plus reporting's own.</summary>
    public async Task<IReadOnlyList<string>> MetricsAsync(CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var recorded = await connection.QueryAsync<string>(new CommandDefinition("SELECT DISTINCT metric FROM reporting_metric_snapshot", cancellationToken: ct));
        return ReportingMetrics.All.Union(recorded).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every value of one metric for every project the reader may read (the CSV export), by project then day.</summary>
    public async Task<IReadOnlyList<(long ProjectId, DateOnly TakenOn, decimal Value, string Unit)>> AllValuesAsync(string metric, CancellationToken ct = default)
    {
        var scope = await access.ReadScopeAsync(ct);
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<PointRow>(new CommandDefinition("""
            SELECT project_id AS ProjectId, taken_on AS TakenOn, value, unit FROM reporting_metric_snapshot
            WHERE metric = @metric AND project_id NOT IN @hidden ORDER BY project_id, taken_on
            """, new { metric, hidden = scope.HiddenForSql }, cancellationToken: ct))).Select(r => (r.ProjectId, r.TakenOn, (decimal)r.Value, r.Unit)).ToList();
    }

    /// <summary>The last value of a metric for each project (past-projects report: actual cost of closed projects).</summary>
    public async Task<Dictionary<long, decimal>> LatestAsync(string metric, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long, double)>(new CommandDefinition("""
            SELECT s.project_id, s.value FROM reporting_metric_snapshot s
            WHERE s.metric = @metric AND s.taken_on = (SELECT MAX(taken_on) FROM reporting_metric_snapshot x WHERE x.project_id = s.project_id AND x.metric = s.metric)
            """, new { metric }, cancellationToken: ct));
        return rows.ToDictionary(r => r.Item1, r => (decimal)r.Item2);
    }
}
