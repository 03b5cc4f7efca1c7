using Dapper;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Time;
using TsPmo.Waterfall.Data;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Engine;
using TsPmo.Waterfall.Engine.EarnedValue;

namespace TsPmo.Waterfall.Services;

/// <summary>Earned value as the API and pages show it: money in major units, indexes rounded to 3 decimals.</summary>
public sealed record EvmFigures(DateOnly StatusDate, EvmBaseline Baseline, decimal Bac, decimal Pv, decimal Ev, decimal Ac, decimal Sv, decimal Cv,
    decimal? Spi, decimal? Cpi, decimal? Eac, decimal? Etc, decimal? Vac, decimal? Tcpi, string? Currency);

public sealed record EvmBaseline(long Id, string Name);

/// <summary>One point of the S-curve: cumulative planned value at the end of a day, with EV and AC where they were recorded.</summary>
public sealed record SCurvePoint(DateOnly Day, decimal Pv, decimal? Ev, decimal? Ac);

public sealed record EvmRecord(DateOnly StatusDate, decimal Pv, decimal Ev, decimal Ac);

/// <summary>
/// Earned value from a baseline and a status date with the engine's <see cref="EarnedValueCalculator"/>: leaf tasks only
/// (summaries would count their children twice). Figures can be recorded per status date so the S-curve shows EV and
/// AC over time, not just today.
/// </summary>
public sealed class EarnedValueService(IDbConnectionFactory connections, PlanService plan, BaselineService baselines, IProjectPermissions permissions,
    IOrganizationClock clock, TsPmo.Sdk.Audit.IAuditLog audit)
{
    public async Task<(EvmFigures Figures, IReadOnlyList<EvmTask> Tasks, PlanCalculator Reader)> ComputeAsync(long projectId, DateOnly? statusDate, long? baselineId, CancellationToken ct = default)
    {
        var reader = await plan.ReadAsync(projectId, ct);
        var baseline = await baselines.ResolveAsync(projectId, baselineId, ct)
            ?? throw new RuleViolationException("Earned value is measured against a baseline: save a baseline of the plan first.");
        var rows = await baselines.TasksAsync(baseline.Id, ct);
        var date = statusDate ?? reader.State.Settings.StatusDate ?? clock.Today;
        var tasks = reader.State.Tasks.Where(t => !reader.IsSummary(t)).Select(t =>
        {
            var b = rows.GetValueOrDefault(t.Id);
            return new EvmTask(t.Id, LocalTime.Parse(b?.Start), LocalTime.Parse(b?.Finish), b?.CostMinor ?? 0, t.PercentComplete, t.ActualCostMinor);
        }).ToList();
        var f = EarnedValueCalculator.Compute(tasks, reader.Calendar, date);
        static decimal M(decimal minor) => Math.Round(minor / 100m, 2);
        static decimal? Mn(decimal? minor) => minor is { } v ? M(v) : null;
        static decimal? I(decimal? index) => index is { } v ? Math.Round(v, 3) : null;
        return (new EvmFigures(f.StatusDate, new EvmBaseline(baseline.Id, baseline.Name), M(f.Bac), M(f.Pv), M(f.Ev), M(f.Ac), M(f.Sv), M(f.Cv),
            I(f.Spi), I(f.Cpi), Mn(f.Eac), Mn(f.Etc), Mn(f.Vac), I(f.Tcpi), reader.State.Settings.Currency), tasks, reader);
    }

    /// <summary>Cumulative PV over the baseline's span (and up to the status date), with EV and AC at recorded dates and at the status date.</summary>
    public async Task<IReadOnlyList<SCurvePoint>> SCurveAsync(long projectId, EvmFigures figures, IReadOnlyList<EvmTask> tasks, PlanCalculator reader, CancellationToken ct = default)
    {
        var starts = tasks.Where(t => t.BaselineStart is not null).Select(t => DateOnly.FromDateTime(t.BaselineStart!.Value)).ToList();
        var finishes = tasks.Where(t => t.BaselineFinish is not null).Select(t => reader.Calendar.FinishDay(t.BaselineFinish!.Value)).ToList();
        if (starts.Count == 0) return [];
        var from = new[] { starts.Min(), figures.StatusDate }.Min();
        var to = new[] { finishes.DefaultIfEmpty(from).Max(), figures.StatusDate }.Max();
        var curve = EarnedValueCalculator.PlannedValueCurve(tasks, reader.Calendar, from, to);
        var records = (await RecordsAsync(projectId, figures.Baseline.Id, ct)).ToDictionary(r => r.StatusDate);
        records[figures.StatusDate] = new EvmRecord(figures.StatusDate, figures.Pv, figures.Ev, figures.Ac);
        return curve.Select(p => new SCurvePoint(p.Day, Math.Round(p.PlannedValue / 100m, 2),
            records.TryGetValue(p.Day, out var r) ? r.Ev : null, records.TryGetValue(p.Day, out var r2) ? r2.Ac : null)).ToList();
    }

    public async Task<IReadOnlyList<EvmRecord>> RecordsAsync(long projectId, long baselineId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<(string, long, long, long)>("""
            SELECT status_date, pv_minor, ev_minor, ac_minor FROM waterfall_evm_record WHERE project_id = @projectId AND baseline_id = @baselineId ORDER BY status_date
            """, new { projectId, baselineId })).Select(r => new EvmRecord(LocalTime.ParseDay(r.Item1), r.Item2 / 100m, r.Item3 / 100m, r.Item4 / 100m)).ToList();
    }

    /// <summary>Keeps today's figures for the status date (replacing an earlier record of the same date), for the S-curve's history.</summary>
    public async Task RecordAsync(long projectId, EvmFigures figures, CancellationToken ct = default)
    {
        await permissions.DemandAsync(projectId, WaterfallModule.ManagePlan, ct);
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO waterfall_evm_record (project_id, baseline_id, status_date, pv_minor, ev_minor, ac_minor, recorded_at)
            VALUES (@projectId, @baseline, @date, @pv, @ev, @ac, @now)
            ON CONFLICT (baseline_id, status_date) DO UPDATE SET pv_minor = excluded.pv_minor, ev_minor = excluded.ev_minor, ac_minor = excluded.ac_minor, recorded_at = excluded.recorded_at
            """, new
        {
            projectId, baseline = figures.Baseline.Id, date = LocalTime.Day(figures.StatusDate), pv = (long)(figures.Pv * 100), ev = (long)(figures.Ev * 100),
            ac = (long)(figures.Ac * 100), now = StoredTime.Format(clock.UtcNow),
        }, tx);
        await audit.WriteAsync(connection, tx, new TsPmo.Sdk.Audit.AuditEntry(WaterfallModule.Id, "evm-record", $"{figures.Baseline.Id}/{LocalTime.Day(figures.StatusDate)}",
            "recorded", null, new { figures.Pv, figures.Ev, figures.Ac }) { ProjectId = projectId }, ct);
        await tx.CommitAsync(ct);
    }
}
