using System.Data.Common;
using System.Globalization;
using Dapper;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Engine;

namespace TsPmo.Waterfall.Data;

/// <summary>The SQL of baselines: a named snapshot of every task's dates, duration, cost and work.</summary>
internal static class BaselineStore
{
    // A class, not a positional record: SQLite reports aggregate columns of an empty group as BLOB, which Dapper cannot fit to a constructor.
    private sealed class Row
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public string CreatedAt { get; set; } = "";
        public string CreatedBy { get; set; } = "";
        public long Tasks { get; set; }
        public string? Start { get; set; }
        public string? Finish { get; set; }
        public long Cost { get; set; }
    }

    public static async Task<IReadOnlyList<BaselineInfo>> ListAsync(DbConnection connection, DbTransaction? tx, long projectId) =>
        (await connection.QueryAsync<Row>("""
            SELECT b.id, b.name, b.created_at AS CreatedAt, b.created_by AS CreatedBy, COUNT(t.task_id) AS Tasks,
                   MIN(CASE WHEN t.summary = 0 THEN t.start END) AS Start, MAX(CASE WHEN t.summary = 0 THEN t.finish END) AS Finish,
                   COALESCE(SUM(CASE WHEN t.summary = 0 THEN t.cost_minor END), 0) AS Cost
            FROM waterfall_baseline b LEFT JOIN waterfall_baseline_task t ON t.baseline_id = b.id
            WHERE b.project_id = @projectId GROUP BY b.id ORDER BY b.id
            """, new { projectId }, tx)).Select(r => new BaselineInfo(r.Id, r.Name, DateTimeOffset.Parse(r.CreatedAt, CultureInfo.InvariantCulture),
            r.CreatedBy, (int)r.Tasks, r.Start is { } s ? DateOnly.FromDateTime(LocalTime.Parse(s)!.Value) : null,
            r.Finish is { } f ? DateOnly.FromDateTime(LocalTime.Parse(f)!.Value) : null, r.Cost / 100m)).ToList();

    /// <summary>Writes a baseline of <paramref name="state"/> as it stands (its stored schedule); the baseline service and the demo seeder use it.</summary>
    public static async Task<long> InsertAsync(DbConnection connection, DbTransaction tx, long projectId, string name, string by, string now, PlanState state)
    {
        var plan = new PlanCalculator(state);
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO waterfall_baseline (project_id, name, created_at, created_by) VALUES (@projectId, @name, @now, @by) RETURNING id
            """, new { projectId, name, now, by }, tx);
        await connection.ExecuteAsync("""
            INSERT INTO waterfall_baseline_task (baseline_id, task_id, name, start, finish, duration_minutes, cost_minor, work_minutes, summary, milestone)
            VALUES (@id, @Id, @Name, @start, @finish, @DurationMinutes, @cost, @work, @summary, @Milestone)
            """, state.Tasks.Select(t => new
        {
            id, t.Id, t.Name, start = LocalTime.ToText(t.EarlyStart), finish = LocalTime.ToText(t.EarlyFinish), t.DurationMinutes,
            cost = plan.Rollup(t.Id).PlannedMinor, work = plan.Rollup(t.Id).WorkMinutes, summary = plan.IsSummary(t), t.Milestone,
        }), tx);
        return id;
    }

    /// <summary>The name of the project's baseline <paramref name="baselineId"/>; null when the project has no such baseline.</summary>
    public static Task<string?> NameAsync(DbConnection connection, DbTransaction? tx, long projectId, long baselineId) =>
        connection.ExecuteScalarAsync<string?>("SELECT name FROM waterfall_baseline WHERE id = @baselineId AND project_id = @projectId",
            new { baselineId, projectId }, tx);

    public static Task DeleteAsync(DbConnection connection, DbTransaction tx, long baselineId) =>
        connection.ExecuteAsync("DELETE FROM waterfall_baseline WHERE id = @baselineId", new { baselineId }, tx);

    /// <summary>Every baseline of a project (an import replaces the tasks they point at).</summary>
    public static Task DeleteAllAsync(DbConnection connection, DbTransaction tx, long projectId) =>
        connection.ExecuteAsync("DELETE FROM waterfall_baseline WHERE project_id = @projectId", new { projectId }, tx);

    public static async Task<IReadOnlyDictionary<long, BaselineTask>> TasksAsync(DbConnection connection, long baselineId) =>
        (await connection.QueryAsync<BaselineTask>("""
            SELECT task_id AS TaskId, name, start, finish, duration_minutes AS DurationMinutes, cost_minor AS CostMinor, work_minutes AS WorkMinutes, summary, milestone
            FROM waterfall_baseline_task WHERE baseline_id = @baselineId
            """, new { baselineId })).ToDictionary(t => t.TaskId);
}
