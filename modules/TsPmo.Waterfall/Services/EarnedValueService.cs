using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Time;
using TsPmo.Waterfall.Data;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Engine;
using TsPmo.Waterfall.Engine.EarnedValue;

namespace TsPmo.Waterfall.Services;

/// <summary>
/// Earned value from a baseline and a status date with the engine's <see cref="EarnedValueCalculator"/>: leaf tasks only
/// (summaries would count their children twice), shown in major units (<see cref="EarnedValueFigures.ToMajorUnits"/>).
/// Figures can be recorded per status date so the S-curve shows EV and AC over time, not just today.
/// </summary>
public sealed class EarnedValueService(IDbConnectionFactory connections, IUnitOfWork work, PlanService plan, BaselineService baselines,
    IProjectPermissions permissions, IOrganizationClock clock)
{
    public async Task<(EarnedValueReading Reading, IReadOnlyList<EvmTask> Tasks, PlanCalculator Plan)> ComputeAsync(long projectId, DateOnly? statusDate, long? baselineId,
        CancellationToken ct = default)
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
        var figures = EarnedValueCalculator.Compute(tasks, reader.Calendar, date).ToMajorUnits();
        return (new EarnedValueReading(new EvmBaseline(baseline.Id, baseline.Name), reader.State.Settings.Currency, figures), tasks, reader);
    }

    /// <summary>Cumulative PV over the baseline's span (and up to the status date), with EV and AC at recorded dates and at the status date.</summary>
    public async Task<IReadOnlyList<SCurvePoint>> SCurveAsync(long projectId, EarnedValueReading reading, IReadOnlyList<EvmTask> tasks, PlanCalculator reader,
        CancellationToken ct = default)
    {
        var figures = reading.Figures;
        var starts = tasks.Where(t => t.BaselineStart is not null).Select(t => DateOnly.FromDateTime(t.BaselineStart!.Value)).ToList();
        var finishes = tasks.Where(t => t.BaselineFinish is not null).Select(t => reader.Calendar.FinishDay(t.BaselineFinish!.Value)).ToList();
        if (starts.Count == 0) return [];
        var from = new[] { starts.Min(), figures.StatusDate }.Min();
        var to = new[] { finishes.DefaultIfEmpty(from).Max(), figures.StatusDate }.Max();
        var curve = EarnedValueCalculator.PlannedValueCurve(tasks, reader.Calendar, from, to);
        var records = (await RecordsAsync(projectId, reading.Baseline.Id, ct)).ToDictionary(r => r.StatusDate);
        records[figures.StatusDate] = new EarnedValueRecord(figures.StatusDate, figures.Pv, figures.Ev, figures.Ac);
        return curve.Select(p => new SCurvePoint(p.Day, Math.Round(p.PlannedValue / 100m, 2),
            records.TryGetValue(p.Day, out var r) ? r.Ev : null, records.TryGetValue(p.Day, out var r2) ? r2.Ac : null)).ToList();
    }

    public async Task<IReadOnlyList<EarnedValueRecord>> RecordsAsync(long projectId, long baselineId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await EarnedValueStore.RecordsAsync(connection, projectId, baselineId);
    }

    /// <summary>Keeps today's figures for the status date (replacing an earlier record of the same date), for the S-curve's history.</summary>
    public async Task RecordAsync(long projectId, EarnedValueReading reading, CancellationToken ct = default)
    {
        await permissions.DemandAsync(projectId, WaterfallModule.ManagePlan, ct);
        var f = reading.Figures;
        await using var w = await work.BeginAsync(WaterfallModule.Id, projectId, ct);
        await EarnedValueStore.UpsertAsync(w.Connection, w.Transaction, projectId, reading.Baseline.Id, new EarnedValueRecord(f.StatusDate, f.Pv, f.Ev, f.Ac), w.Stamp);
        await w.AuditAsync("evm-record", $"{reading.Baseline.Id}/{LocalTime.Day(f.StatusDate)}", "recorded", null, new { f.Pv, f.Ev, f.Ac }, ct);
        await w.CommitAsync(ct);
    }
}
