using Dapper;
using TsPmo.Risk.Data;
using TsPmo.Risk.Domain;
using TsPmo.Risk.Engine;
using TsPmo.Sdk.Caching;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Changes;
using TsPmo.Sdk.Time;

namespace TsPmo.Risk.Services;

/// <summary>
/// Loads the live risks of a project (or the portfolio), their open actions and last two assessments, and applies
/// <see cref="EarlyWarningEngine"/>. The portfolio's warnings (10,000 risks in <c>seed large</c>) are computed once per
/// <see cref="WarningStamp"/> and kept in the SDK's <see cref="StampedCache{TStamp, TValue}"/> (a singleton); a project's
/// are small and computed per call.
/// </summary>
public sealed class EarlyWarningService(IDbConnectionFactory connections, RiskMatrixService matrices, IModuleSettings settings, IOrganizationClock clock,
    StampedCache<WarningStamp, IReadOnlyList<EarlyWarning>> cache, IDataVersions versions, TsPmo.Sdk.Ports.Directory.IProjectPermissions permissions)
{
    public const string ReviewDaysKey = "reviewDays";

    /// <summary>
    /// The early warnings of one project, or of the portfolio when <paramref name="projectId"/> is null: computed for
    /// everyone once (cached), then limited to the projects the reader may read.
    /// </summary>
    public async Task<IReadOnlyList<EarlyWarning>> GetAsync(long? projectId, CancellationToken ct = default)
    {
        // One project's warnings feed its own pages, signals and sections, which the project's read check already gates.
        if (projectId is { } id) return await ComputeAsync(id, ct);
        var all = await cache.GetAsync(ReadStampAsync, c => ComputeAsync(null, c), ct);
        var scope = await permissions.ReadScopeAsync(ct);
        return scope.IsEverything ? all : scope.Filter(all, w => w.ProjectId).ToList();
    }

    /// <summary>The portfolio's warnings for every project, whoever asks: for jobs that notify each project's people.</summary>
    public Task<IReadOnlyList<EarlyWarning>> GetAllAsync(CancellationToken ct = default) =>
        cache.GetAsync(ReadStampAsync, c => ComputeAsync(null, c), ct);

    private async Task<WarningStamp> ReadStampAsync(CancellationToken ct)
    {
        var changes = (await versions.CurrentAsync(ct)).Changes;
        await using var connection = await connections.OpenAsync(ct);
        var (risk, action, assessment) = await connection.QuerySingleAsync<(long, long, long)>(new CommandDefinition("""
            SELECT IFNULL((SELECT MAX(id) FROM risk_risk), 0), IFNULL((SELECT MAX(id) FROM risk_action), 0), IFNULL((SELECT MAX(id) FROM risk_assessment), 0)
            """, cancellationToken: ct));
        return new WarningStamp(changes, risk, action, assessment, clock.Today);
    }

    private async Task<IReadOnlyList<EarlyWarning>> ComputeAsync(long? projectId, CancellationToken ct)
    {
        var matrix = await matrices.GetAsync(ct);
        var thresholds = new WarningThresholds(ReviewDays: (int)await settings.GetIntegerAsync(RiskModule.Id, ReviewDaysKey, ct));
        await using var connection = await connections.OpenAsync(ct);
        var risks = (await RiskStore.SearchAsync(connection, new RiskQuery { ProjectId = projectId, LiveOnly = true, PageSize = int.MaxValue }, []))
            .Items.Select(r => r.Rated(matrix)).ToList();
        var scope = projectId is null ? "" : "AND r.project_id = @projectId";
        var actions = await connection.QueryAsync<RiskAction>($"""
            SELECT a.id, a.risk_id AS RiskId, a.title, a.owner_person_id AS Owner, a.due_date AS DueDate, a.status, a.version
            FROM risk_action a JOIN risk_risk r ON r.id = a.risk_id
            WHERE a.status IN ('Open', 'InProgress') AND r.status IN ('Open', 'Monitoring') {scope}
            """, new { projectId });
        var assessments = await connection.QueryAsync<RiskAssessment>($"""
            SELECT id, risk_id AS RiskId, probability, impact, residual_probability AS ResidualProbability, residual_impact AS ResidualImpact,
                   note, assessed_by AS AssessedBy, assessed_at AS AssessedAt
            FROM (SELECT a.*, ROW_NUMBER() OVER (PARTITION BY a.risk_id ORDER BY a.id DESC) AS n
                  FROM risk_assessment a JOIN risk_risk r ON r.id = a.risk_id
                  WHERE r.status IN ('Open', 'Monitoring') {scope})
            WHERE n <= 2
            """, new { projectId });
        return EarlyWarningEngine.Evaluate(risks, actions, assessments, clock.Today, thresholds);
    }
}
