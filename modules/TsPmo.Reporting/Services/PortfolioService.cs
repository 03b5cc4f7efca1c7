using Dapper;
using Microsoft.Extensions.Logging;
using TsPmo.Reporting.Domain;
using TsPmo.Reporting.Engine;
using TsPmo.Sdk.Caching;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Changes;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Health;
using TsPmo.Sdk.Ports.Methodology;
using TsPmo.Sdk.Ports.Reporting;
using TsPmo.Sdk.Time;

namespace TsPmo.Reporting.Services;

/// <summary>
/// Builds the portfolio view from the ports of the enabled modules — projects, methodology progress, health signals
/// (one batched call per source), overrides, satisfaction — and serves it from the SDK's <see cref="StampedCache{TStamp, TValue}"/>
/// while the <see cref="PortfolioStamp"/> holds. A failing module costs its own contribution only, never the view.
/// </summary>
public sealed class PortfolioService(
    IDbConnectionFactory connections,
    IProjectDirectory directory,
    IEnabledContributions<IMethodology> methodologies,
    IEnabledContributions<IHealthSignalSource> signalSources,
    IModuleCatalog catalog,
    OverrideService overrides,
    IOrganizationClock clock,
    IDataVersions versions,
    StampedCache<PortfolioStamp, PortfolioView> cache,
    IProjectPermissions access,
    ILogger<PortfolioService> logger)
{
    /// <summary>Projects touched by more audit entries than this are rebuilt with everything else: one batch is cheaper.</summary>
    public const int MaxIncremental = 100;

    /// <summary>The portfolio as the current user may see it: built once for everyone, then restricted to what they read.</summary>
    public async Task<PortfolioView> GetAsync(CancellationToken ct = default)
    {
        // The cache reads the stamp once more inside its gate, right before building: the build is for that stamp.
        PortfolioStamp? read = null;
        var view = await cache.GetAsync(async c => read = await ReadStampAsync(c), (previous, token) => BuildAsync(read!, previous, token), ct);
        return view.Restrict(await access.ReadScopeAsync(ct));
    }

    private async Task<PortfolioStamp> ReadStampAsync(CancellationToken ct) =>
        new(await versions.CurrentAsync(ct), string.Join(",", catalog.Enabled().Select(m => m.Id).Order(StringComparer.Ordinal)), clock.Today);

    /// <summary>The view of one project, or a 404 for an unknown (or archived) one.</summary>
    public async Task<ProjectRow> GetProjectAsync(long projectId, CancellationToken ct = default) =>
        (await GetAsync(ct)).Find(projectId) ?? throw new NotFoundException("Project", projectId.ToString());

    private async Task<StampedCache<PortfolioStamp, PortfolioView>.Built> BuildAsync(PortfolioStamp stamp,
        StampedCache<PortfolioStamp, PortfolioView>.Previous? previous, CancellationToken ct)
    {
        // Built once for every reader, so from every project; GetAsync restricts it to the reader.
        using var _ = TsPmo.Sdk.Security.OrganizationWideWork.Begin();
        var today = stamp.Today;
        var projects = await directory.ListAsync(false, ct);
        var names = catalog.Installed.ToDictionary(m => m.Id, m => m.Name);
        if (previous is not null && await TouchedAsync(stamp, previous, projects, ct) is { } touched)
        {
            // Only the projects the new audit entries name (or whose core facts changed) are rebuilt; the rest are reused.
            var fresh = (await RowsAsync(projects.Where(p => touched.Contains(p.Id)).ToList(), today, ct)).ToDictionary(r => r.Id);
            var rows = projects.Select(p => fresh.GetValueOrDefault(p.Id) ?? previous.Value.Find(p.Id)!).ToList();
            return new StampedCache<PortfolioStamp, PortfolioView>.Built(new PortfolioView(rows, today, names), Full: false);
        }
        return new StampedCache<PortfolioStamp, PortfolioView>.Built(new PortfolioView(await RowsAsync(projects, today, ct), today, names), Full: true);
    }

    /// <summary>
    /// The projects changed since <paramref name="previous"/> was built, or null when the change may reach further
    /// (modules switched, a new day, a change about no project, too many projects): then everything is rebuilt.
    /// Changes to accounts and API tokens touch no project's health (<see cref="IDataVersions.ChangesAsync"/>).
    /// </summary>
    private async Task<HashSet<long>?> TouchedAsync(PortfolioStamp stamp, StampedCache<PortfolioStamp, PortfolioView>.Previous previous,
        IReadOnlyList<ProjectInfo> projects, CancellationToken ct)
    {
        if (previous.Stamp.EnabledModules != stamp.EnabledModules || previous.Stamp.Today != stamp.Today) return null;
        var changes = await versions.ChangesAsync(previous.Stamp.Data.Changes, stamp.Data.Changes, MaxIncremental * 4, ct);
        if (changes is null || changes.Unscoped) return null;
        var touched = changes.Projects.ToHashSet();
        // Rows written behind the services (no audit entry) still show: a project whose facts differ is rebuilt too.
        foreach (var p in projects)
            if (previous.Value.Find(p.Id)?.Project != p) touched.Add(p.Id);
        return touched.Count > MaxIncremental ? null : touched;
    }

    private async Task<IReadOnlyList<ProjectRow>> RowsAsync(IReadOnlyList<ProjectInfo> projects, DateOnly today, CancellationToken ct)
    {
        if (projects.Count == 0) return [];
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
                health = HealthCalculator.Evaluate(p.Id, all, active[p.Id], today);
            }
            return new ProjectRow(p, pr, health, satisfaction.TryGetValue(p.Id, out var score) ? score : null);
        }).ToList();
        return rows;
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
