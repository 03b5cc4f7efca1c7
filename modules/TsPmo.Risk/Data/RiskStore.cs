using System.Data.Common;
using Dapper;
using TsPmo.Risk.Domain;
using TsPmo.Risk.Services;

namespace TsPmo.Risk.Data;

/// <summary>The SQL of risks, assessments and actions. Filters are fixed fragments with parameters, never user text.</summary>
internal static class RiskStore
{
    private const string RiskColumns = """
        r.id, r.project_id AS ProjectId, r.kind, r.title, r.description, r.category,
        r.cause, r.event, r.effect, r.probability, r.impact, r.residual_probability AS ResidualProbability, r.residual_impact AS ResidualImpact,
        r.residual_reason AS ResidualReason, r.proximity_date AS Proximity, r.owner_person_id AS Owner, r.response,
        r.mitigation, r.triggers, r.status, r.last_reviewed AS LastReviewed, r.created_at AS CreatedAt, r.updated_at AS UpdatedAt, r.version
        """;

    // Only the module's own rows: project and owner names are added from the directory by RiskService.
    private const string RiskFrom = "FROM risk_risk r";

    public static Task<RiskEntry?> RiskAsync(DbConnection connection, DbTransaction? tx, long projectId, long riskId) =>
        connection.QuerySingleOrDefaultAsync<RiskEntry>($"SELECT {RiskColumns} {RiskFrom} WHERE r.project_id = @projectId AND r.id = @riskId",
            new { projectId, riskId }, tx);

    public static async Task<RiskPage> SearchAsync(DbConnection connection, RiskQuery q, IReadOnlyList<int> levelCells)
    {
        var where = new List<string>();
        if (q.ProjectId is not null) where.Add("r.project_id = @ProjectId");
        if (q.HiddenProjects is { Count: > 0 }) where.Add("r.project_id NOT IN @HiddenProjects");
        if (q.Category is not null) where.Add("r.category = @Category");
        if (q.Status is not null) where.Add("r.status = @Status");
        else if (q.LiveOnly) where.Add("r.status IN ('Open', 'Monitoring')");
        if (q.MinScore is not null) where.Add("r.probability * r.impact >= @MinScore");
        if (q.Owner is not null) where.Add("r.owner_person_id = @Owner");
        if (q.Level is not null) where.Add("(r.probability * 10 + r.impact) IN @levelCells");
        if (q.Probability is not null && q.Impact is not null)
            where.Add(q.Residual
                ? "COALESCE(r.residual_probability, r.probability) = @Probability AND COALESCE(r.residual_impact, r.impact) = @Impact"
                : "r.probability = @Probability AND r.impact = @Impact");
        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        var args = new
        {
            q.ProjectId, q.HiddenProjects, Category = q.Category?.ToString(), Status = q.Status?.ToString(), q.MinScore, q.Owner, levelCells, q.Probability, q.Impact,
            limit = q.PageSize, offset = (q.Page - 1) * q.PageSize,
        };
        var total = await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM risk_risk r {filter}", args);
        var items = (await connection.QueryAsync<RiskEntry>(
            $"SELECT {RiskColumns} {RiskFrom} {filter} ORDER BY r.probability * r.impact DESC, r.id LIMIT @limit OFFSET @offset", args)).ToList();
        return new RiskPage(items, total, q.Page, q.PageSize);
    }

    /// <summary>
    /// The <paramref name="limit"/> live risks with the highest residual score (the inherent score while no residual is
    /// recorded), then the highest inherent score. The ORDER BY repeats the expressions of the partial index
    /// <c>ix_risk_risk_live_residual</c> (migration 0003) word for word, so the portfolio's first rows are read in order.
    /// <c>likely()</c> (SQLite's planner hint; the condition still matches the partial index's) keeps the planner, which
    /// has no table statistics, from preferring the status index and sorting every live risk (checked with EXPLAIN
    /// QUERY PLAN over <c>seed large</c>). For one project the project index serves and the few rows are sorted.
    /// </summary>
    public static async Task<IReadOnlyList<RiskEntry>> TopAsync(DbConnection connection, long? projectId, int limit, IReadOnlyCollection<long> hidden) =>
        (await connection.QueryAsync<RiskEntry>($"""
            SELECT {RiskColumns} {RiskFrom}
            WHERE likely(r.status IN ('Open', 'Monitoring')) {(projectId is null ? "" : "AND r.project_id = @projectId")}
                  {(hidden.Count == 0 ? "" : "AND r.project_id NOT IN @hidden")}
            ORDER BY COALESCE(r.residual_probability * r.residual_impact, r.probability * r.impact) DESC, (r.probability * r.impact) DESC, r.id
            LIMIT @limit
            """, new { projectId, limit, hidden })).ToList();

    public static async Task<IReadOnlyList<RiskAssessment>> AssessmentsAsync(DbConnection connection, DbTransaction? tx, long riskId) =>
        (await connection.QueryAsync<RiskAssessment>("""
            SELECT id, risk_id AS RiskId, probability, impact, residual_probability AS ResidualProbability, residual_impact AS ResidualImpact,
                   note, assessed_by AS AssessedBy, assessed_at AS AssessedAt
            FROM risk_assessment WHERE risk_id = @riskId ORDER BY id
            """, new { riskId }, tx)).ToList();

    private const string ActionSelect = """
        SELECT a.id, a.risk_id AS RiskId, a.title, a.owner_person_id AS Owner, a.due_date AS DueDate, a.status, a.version
        FROM risk_action a
        """;

    public static async Task<IReadOnlyList<RiskAction>> ActionsAsync(DbConnection connection, DbTransaction? tx, long riskId) =>
        (await connection.QueryAsync<RiskAction>($"{ActionSelect} WHERE a.risk_id = @riskId ORDER BY a.due_date IS NULL, a.due_date, a.id",
            new { riskId }, tx)).ToList();

    public static Task<RiskAction?> ActionAsync(DbConnection connection, DbTransaction? tx, long riskId, long actionId) =>
        connection.QuerySingleOrDefaultAsync<RiskAction>($"{ActionSelect} WHERE a.risk_id = @riskId AND a.id = @actionId", new { riskId, actionId }, tx);

    public static Task AssessAsync(DbConnection connection, DbTransaction tx, long riskId, ValidRisk v, string by, string at) =>
        connection.ExecuteAsync("""
            INSERT INTO risk_assessment (risk_id, probability, impact, residual_probability, residual_impact, note, assessed_by, assessed_at)
            VALUES (@riskId, @Probability, @Impact, @ResidualProbability, @ResidualImpact, @Note, @by, @at)
            """, new { riskId, v.Probability, v.Impact, v.ResidualProbability, v.ResidualImpact, v.Note, by, at }, tx);

    /// <summary>The parameters of a risk row, enums as their names.</summary>
    public static object Row(ValidRisk v) => new
    {
        Kind = v.Kind.ToString(), v.Title, v.Description, Category = v.Category.ToString(), v.Cause, v.Event, v.Effect, v.Probability, v.Impact,
        v.ResidualProbability, v.ResidualImpact, v.ResidualReason, Proximity = v.Proximity?.ToString("yyyy-MM-dd"), v.Owner,
        Response = v.Response?.ToString(), v.Mitigation, v.Triggers, Status = v.Status.ToString(),
    };
}
