using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Waterfall.Data;
using TsPmo.Waterfall.Domain;

namespace TsPmo.Waterfall.Services;

/// <summary>
/// Named snapshots of the plan (dates, duration, cost and work of every task), at most <see cref="Limit"/> per project
/// as in Microsoft Project (Baseline, Baseline 1–10). Earned value and variance read against one of them.
/// </summary>
public sealed class BaselineService(
    IDbConnectionFactory connections,
    IUnitOfWork work,
    IProjectDirectory projects,
    PlanService plan,
    IProjectPermissions permissions)
{
    public const int Limit = 11;

    public async Task<IReadOnlyList<BaselineInfo>> ListAsync(long projectId, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, WaterfallModule.Id, ct);
        await using var connection = await connections.OpenAsync(ct);
        return await BaselineStore.ListAsync(connection, null, projectId);
    }

    /// <summary>Saves the current plan as a named baseline; the twelfth is refused (409) so nothing is silently overwritten.</summary>
    public async Task<BaselineInfo> SaveAsync(long projectId, string? name, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, WaterfallModule.Id, ct);
        await permissions.DemandAsync(projectId, WaterfallModule.ManagePlan, ct);
        name = name?.Trim();
        if (string.IsNullOrEmpty(name)) throw new DomainValidationException("name", "Give the baseline a name.");
        if (name.Length > 100) throw new DomainValidationException("name", "A baseline name has at most 100 characters.");
        await using var w = await work.BeginAsync(WaterfallModule.Id, projectId, ct);
        var existing = await BaselineStore.ListAsync(w.Connection, w.Transaction, projectId);
        if (existing.Count >= Limit)
            throw new RuleViolationException($"This plan already has {Limit} baselines, the most it can keep. Delete one you no longer need before saving \"{name}\".");
        if (existing.Any(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw new DomainValidationException("name", $"There is already a baseline named \"{name}\".");
        var state = await PlanStore.LoadAsync(w.Connection, w.Transaction, projectId);
        if (state.Tasks.Count == 0) throw new RuleViolationException("The plan has no tasks yet: add tasks before saving a baseline.");
        var id = await BaselineStore.InsertAsync(w.Connection, w.Transaction, projectId, name, w.ActorName, w.Stamp, state);
        await w.AuditAsync("baseline", id, "saved", null, new { name, tasks = state.Tasks.Count }, ct);
        await w.CommitAsync(ct);
        return (await ListAsync(projectId, ct)).Single(b => b.Id == id);
    }

    public async Task DeleteAsync(long projectId, long baselineId, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, WaterfallModule.Id, ct);
        await permissions.DemandAsync(projectId, WaterfallModule.ManagePlan, ct);
        await using var w = await work.BeginAsync(WaterfallModule.Id, projectId, ct);
        var name = await BaselineStore.NameAsync(w.Connection, w.Transaction, projectId, baselineId) ?? throw new NotFoundException("Baseline", baselineId.ToString());
        await BaselineStore.DeleteAsync(w.Connection, w.Transaction, baselineId);
        await w.AuditAsync("baseline", baselineId, "deleted", new { name }, null, ct);
        await w.CommitAsync(ct);
    }

    /// <summary>The baseline asked for, or the most recently saved one; null when the plan has none.</summary>
    public async Task<BaselineInfo?> ResolveAsync(long projectId, long? baselineId, CancellationToken ct = default)
    {
        var all = await ListAsync(projectId, ct);
        if (baselineId is { } id) return all.FirstOrDefault(b => b.Id == id) ?? throw new NotFoundException("Baseline", id.ToString());
        return all.LastOrDefault();
    }

    public async Task<IReadOnlyDictionary<long, BaselineTask>> TasksAsync(long baselineId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await BaselineStore.TasksAsync(connection, baselineId);
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
