using Dapper;
using Microsoft.Extensions.Logging;
using TsPmo.Reporting.Health;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Health;
using TsPmo.Sdk.Ports.Methodology;
using TsPmo.Sdk.Ports.Reporting;
using TsPmo.Sdk.Time;

namespace TsPmo.Reporting.Portfolio;

/// <summary>
/// Builds the portfolio view from the ports of the enabled modules — projects, methodology progress, health signals
/// (one batched call per source), overrides, satisfaction — and serves it from <see cref="PortfolioCache"/> while the
/// <see cref="ChangeStamp"/> holds. A failing module costs its own contribution only, never the view.
/// </summary>
public sealed class PortfolioService(
    IDbConnectionFactory connections,
    IProjectDirectory directory,
    IEnabledContributions<IMethodology> methodologies,
    IEnabledContributions<IHealthSignalSource> signalSources,
    IModuleCatalog catalog,
    OverrideService overrides,
    IOrganizationClock clock,
    PortfolioCache cache,
    ILogger<PortfolioService> logger)
{
    public async Task<PortfolioView> GetAsync(CancellationToken ct = default)
    {
        var stamp = await ChangeStamp.ReadAsync(connections, catalog, clock, ct);
        return await cache.GetAsync(stamp, BuildAsync, ct);
    }

    /// <summary>The view of one project, or a 404 for an unknown (or archived) one.</summary>
    public async Task<ProjectRow> GetProjectAsync(long projectId, CancellationToken ct = default) =>
        (await GetAsync(ct)).Find(projectId) ?? throw new NotFoundException("Project", projectId.ToString());

    private async Task<PortfolioView> BuildAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var projects = await directory.ListAsync(false, ct);
        var progress = await ProgressAsync(projects, ct);
        var activeIds = projects.Where(p => ProjectPhases.IsActive(p.Phase)).Select(p => p.Id).ToList();
        var signals = await SignalsAsync(activeIds, ct);
        var active = (await overrides.ActiveAsync(today, ct)).ToLookup(o => o.ProjectId);
        var satisfaction = await SatisfactionAsync(ct);

        var rows = projects.Select(p =>
        {
            var pr = progress.GetValueOrDefault(p.Id);
            ProjectHealth? health = null;
            if (ProjectPhases.IsActive(p.Phase))
            {
                var all = signals.GetValueOrDefault(p.Id, []).Concat(CoreSignals.For(p, pr, today)).ToList();
                health = HealthRules.Evaluate(p.Id, all, active[p.Id], today);
            }
            return new ProjectRow(p, pr, health, satisfaction.TryGetValue(p.Id, out var score) ? score : null);
        }).ToList();
        var names = catalog.Installed.ToDictionary(m => m.Id, m => m.Name);
        return new PortfolioView(rows, today, names);
    }

    private async Task<Dictionary<long, MethodologyProgress>> ProgressAsync(IReadOnlyList<ProjectInfo> projects, CancellationToken ct)
    {
        var result = new Dictionary<long, MethodologyProgress>();
        var byId = methodologies.All.ToDictionary(m => m.ModuleId);
        foreach (var project in projects)
        {
            if (!byId.TryGetValue(project.MethodologyId, out var methodology)) continue;
            try
            {
                result[project.Id] = await methodology.GetProgressAsync(project.Id, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Methodology {Methodology} failed to report progress of project {Project}", project.MethodologyId, project.Id);
            }
        }
        return result;
    }

    private async Task<Dictionary<long, List<HealthSignal>>> SignalsAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var result = ids.ToDictionary(id => id, _ => new List<HealthSignal>());
        if (ids.Count == 0) return result;
        foreach (var source in signalSources.All)
        {
            try
            {
                foreach (var (id, list) in await source.GetSignalsAsync(ids, ct))
                    if (result.TryGetValue(id, out var into)) into.AddRange(list);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Health signal source {Source} failed", source.GetType().FullName);
            }
        }
        return result;
    }

    /// <summary>The latest customer satisfaction each project's modules published, on a 0–10 scale.</summary>
    private async Task<Dictionary<long, decimal>> SatisfactionAsync(CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long ProjectId, double Value, string Unit)>(new CommandDefinition("""
            SELECT s.project_id, s.value, s.unit FROM reporting_metric_snapshot s
            WHERE s.metric = @metric AND s.taken_on = (SELECT MAX(taken_on) FROM reporting_metric_snapshot x
                                                         WHERE x.project_id = s.project_id AND x.metric = s.metric)
            """, new { metric = WellKnownMetrics.CustomerSatisfaction }, cancellationToken: ct));
        return rows.ToDictionary(r => r.ProjectId, r => r.Unit == "%" ? (decimal)r.Value / 10m : (decimal)r.Value);
    }
}
