using Dapper;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Time;
using TsPmo.Waterfall.Data;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Engine;

namespace TsPmo.Waterfall.Services;

public sealed record BaselineInfo(long Id, string Name, DateTimeOffset CreatedAt, string CreatedBy, int Tasks, DateOnly? Start, DateOnly? Finish, decimal Cost);

/// <summary>A task's current plan against a baseline: days as Microsoft Project shows them, variances in working days and money.</summary>
public sealed record TaskVariance(long TaskId, string Wbs, string Name, int OutlineLevel, bool Summary, bool Milestone,
    DateOnly? BaselineStart, DateOnly? BaselineFinish, DateOnly? Start, DateOnly? Finish,
    decimal? StartVarianceDays, decimal? FinishVarianceDays, decimal BaselineCost, decimal Cost, decimal CostVariance, bool InBaseline);

public sealed record BaselineVariance(BaselineInfo Baseline, IReadOnlyList<TaskVariance> Tasks);

/// <summary>
/// Named snapshots of the plan (dates, duration, cost and work of every task), at most <see cref="Limit"/> per project
/// as in Microsoft Project (Baseline, Baseline 1–10). Earned value and variance read against one of them.
/// </summary>
public sealed class BaselineService(
    IDbConnectionFactory connections,
    PlanService plan,
    IProjectPermissions permissions,
    IAuditLog audit,
    ICurrentUser user,
    IOrganizationClock clock)
{
    public const int Limit = 11;

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

    internal sealed class TaskRow
    {
        public long TaskId { get; set; }
        public string Name { get; set; } = "";
        public string? Start { get; set; }
        public string? Finish { get; set; }
        public long DurationMinutes { get; set; }
        public long CostMinor { get; set; }
        public long WorkMinutes { get; set; }
        public bool Summary { get; set; }
        public bool Milestone { get; set; }
    }

    public async Task<IReadOnlyList<BaselineInfo>> ListAsync(long projectId, CancellationToken ct = default)
    {
        await plan.RequireWaterfallAsync(projectId, ct);
        await using var connection = await connections.OpenAsync(ct);
        return await ListAsync(connection, projectId);
    }

    private static async Task<IReadOnlyList<BaselineInfo>> ListAsync(System.Data.Common.DbConnection connection, long projectId, System.Data.Common.DbTransaction? tx = null) =>
        (await connection.QueryAsync<Row>("""
            SELECT b.id, b.name, b.created_at AS CreatedAt, b.created_by AS CreatedBy, COUNT(t.task_id) AS Tasks,
                   MIN(CASE WHEN t.summary = 0 THEN t.start END) AS Start, MAX(CASE WHEN t.summary = 0 THEN t.finish END) AS Finish,
                   COALESCE(SUM(CASE WHEN t.summary = 0 THEN t.cost_minor END), 0) AS Cost
            FROM waterfall_baseline b LEFT JOIN waterfall_baseline_task t ON t.baseline_id = b.id
            WHERE b.project_id = @projectId GROUP BY b.id ORDER BY b.id
            """, new { projectId }, tx)).Select(r => new BaselineInfo(r.Id, r.Name, DateTimeOffset.Parse(r.CreatedAt, System.Globalization.CultureInfo.InvariantCulture),
            r.CreatedBy, (int)r.Tasks, r.Start is { } s ? DateOnly.FromDateTime(LocalTime.Parse(s)!.Value) : null,
            r.Finish is { } f ? DateOnly.FromDateTime(LocalTime.Parse(f)!.Value) : null, r.Cost / 100m)).ToList();

    /// <summary>Saves the current plan as a named baseline; the twelfth is refused (409) so nothing is silently overwritten.</summary>
    public async Task<BaselineInfo> SaveAsync(long projectId, string? name, CancellationToken ct = default)
    {
        await plan.RequireWaterfallAsync(projectId, ct);
        await permissions.DemandAsync(projectId, WaterfallModule.ManagePlan, ct);
        name = name?.Trim();
        if (string.IsNullOrEmpty(name)) throw new DomainValidationException("name", "Give the baseline a name.");
        if (name.Length > 100) throw new DomainValidationException("name", "A baseline name has at most 100 characters.");
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var existing = await ListAsync(connection, projectId, tx);
        if (existing.Count >= Limit)
            throw new RuleViolationException($"This plan already has {Limit} baselines, the most it can keep. Delete one you no longer need before saving \"{name}\".");
        if (existing.Any(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw new DomainValidationException("name", $"There is already a baseline named \"{name}\".");
        var state = await PlanStore.LoadAsync(connection, tx, projectId);
        if (state.Tasks.Count == 0) throw new RuleViolationException("The plan has no tasks yet: add tasks before saving a baseline.");
        var id = await InsertAsync(connection, tx, projectId, name, user.DisplayName, StoredTime.Format(clock.UtcNow), state);
        await audit.WriteAsync(connection, tx, new AuditEntry(WaterfallModule.Id, "baseline", id.ToString(), "saved", null, new { name, tasks = state.Tasks.Count }) { ProjectId = projectId }, ct);
        await tx.CommitAsync(ct);
        return (await ListAsync(connection, projectId)).Single(b => b.Id == id);
    }

    /// <summary>Writes a baseline of <paramref name="state"/> as it stands (its stored schedule); shared with the demo seeder.</summary>
    internal static async Task<long> InsertAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, long projectId, string name,
        string by, string now, PlanState state)
    {
        var reader = new PlanCalculator(state);
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO waterfall_baseline (project_id, name, created_at, created_by) VALUES (@projectId, @name, @now, @by) RETURNING id
            """, new { projectId, name, now, by }, tx);
        await connection.ExecuteAsync("""
            INSERT INTO waterfall_baseline_task (baseline_id, task_id, name, start, finish, duration_minutes, cost_minor, work_minutes, summary, milestone)
            VALUES (@id, @Id, @Name, @start, @finish, @DurationMinutes, @cost, @work, @summary, @Milestone)
            """, state.Tasks.Select(t => new
        {
            id, t.Id, t.Name, start = LocalTime.ToText(t.EarlyStart), finish = LocalTime.ToText(t.EarlyFinish), t.DurationMinutes,
            cost = reader.Rollup(t.Id).PlannedMinor, work = reader.Rollup(t.Id).WorkMinutes, summary = reader.IsSummary(t), t.Milestone,
        }), tx);
        return id;
    }

    public async Task DeleteAsync(long projectId, long baselineId, CancellationToken ct = default)
    {
        await plan.RequireWaterfallAsync(projectId, ct);
        await permissions.DemandAsync(projectId, WaterfallModule.ManagePlan, ct);
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var name = await connection.ExecuteScalarAsync<string?>("SELECT name FROM waterfall_baseline WHERE id = @baselineId AND project_id = @projectId",
            new { baselineId, projectId }, tx) ?? throw new NotFoundException("Baseline", baselineId.ToString());
        await connection.ExecuteAsync("DELETE FROM waterfall_baseline WHERE id = @baselineId", new { baselineId }, tx);
        await audit.WriteAsync(connection, tx, new AuditEntry(WaterfallModule.Id, "baseline", baselineId.ToString(), "deleted", new { name }, null) { ProjectId = projectId }, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The baseline asked for, or the most recently saved one; null when the plan has none.</summary>
    public async Task<BaselineInfo?> ResolveAsync(long projectId, long? baselineId, CancellationToken ct = default)
    {
        var all = await ListAsync(projectId, ct);
        if (baselineId is { } id) return all.FirstOrDefault(b => b.Id == id) ?? throw new NotFoundException("Baseline", id.ToString());
        return all.LastOrDefault();
    }

    internal async Task<IReadOnlyDictionary<long, TaskRow>> TasksAsync(long baselineId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<TaskRow>("""
            SELECT task_id AS TaskId, name, start, finish, duration_minutes AS DurationMinutes, cost_minor AS CostMinor, work_minutes AS WorkMinutes, summary, milestone
            FROM waterfall_baseline_task WHERE baseline_id = @baselineId
            """, new { baselineId })).ToDictionary(t => t.TaskId);
    }

    public async Task<BaselineVariance> VarianceAsync(long projectId, long? baselineId, CancellationToken ct = default)
    {
        var reader = await plan.ReadAsync(projectId, ct);
        var baseline = await ResolveAsync(projectId, baselineId, ct) ?? throw new RuleViolationException("The plan has no baseline yet: save one first.");
        var rows = await TasksAsync(baseline.Id, ct);
        var calendar = reader.Calendar;
        decimal? Days(DateTime? from, DateTime? to) => from is { } f && to is { } t ? reader.Days(calendar.WorkingMinutesBetween(f, t)) : null;
        var tasks = reader.State.Tasks.Select(t =>
        {
            var b = rows.GetValueOrDefault(t.Id);
            var bs = LocalTime.Parse(b?.Start);
            var bf = LocalTime.Parse(b?.Finish);
            var cost = reader.Rollup(t.Id).PlannedMinor / 100m;
            var baseCost = (b?.CostMinor ?? 0) / 100m;
            return new TaskVariance(t.Id, reader.Wbs(t.Id), t.Name, t.OutlineLevel, reader.IsSummary(t), t.Milestone,
                reader.StartDay(t, bs), reader.FinishDay(t, bf), reader.StartDay(t, t.EarlyStart), reader.FinishDay(t, t.EarlyFinish),
                Days(bs, t.EarlyStart), Days(bf, t.EarlyFinish), baseCost, cost, cost - baseCost, b is not null);
        }).ToList();
        return new BaselineVariance(baseline, tasks);
    }
}
