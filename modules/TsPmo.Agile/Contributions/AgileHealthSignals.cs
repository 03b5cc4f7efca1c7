using Dapper;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Health;
using TsPmo.Agile.Services;

namespace TsPmo.Agile.Contributions;

/// <summary>
/// Kanban health: columns over their WIP limit (scope), cards in progress older than the 85th percentile cycle
/// time (schedule), and throughput of the last 4 weeks against the 8 before (schedule). For many projects at once the
/// WIP check is one query for all of them and only Kanban projects are looked at; flow metrics stay per project.
/// </summary>
public sealed class AgileHealthSignals(IDbConnectionFactory connections, FlowService flow, IProjectDirectory projects) : IHealthSignalSource
{
    public async Task<IReadOnlyList<HealthSignal>> GetSignalsAsync(long projectId, CancellationToken ct = default)
    {
        if ((await projects.FindAsync(projectId, ct))?.MethodologyId != AgileModule.Id) return [];
        var over = (await OverLimitAsync([projectId], ct))[projectId];
        return await SignalsAsync(projectId, over, ct);
    }

    public async Task<IReadOnlyDictionary<long, IReadOnlyList<HealthSignal>>> GetSignalsAsync(IReadOnlyCollection<long> projectIds, CancellationToken ct = default)
    {
        var kanban = (await projects.ListAsync(includeArchived: true, ct)).Where(p => p.MethodologyId == AgileModule.Id).Select(p => p.Id).ToHashSet();
        var ids = projectIds.Where(kanban.Contains).ToList();
        var over = await OverLimitAsync(ids, ct);
        var result = projectIds.ToDictionary(id => id, _ => (IReadOnlyList<HealthSignal>)[]);
        foreach (var id in ids)
            result[id] = await SignalsAsync(id, over[id], ct);
        return result;
    }

    /// <summary>The columns over their WIP limit of each project, in one query.</summary>
    private async Task<ILookup<long, string>> OverLimitAsync(IReadOnlyList<long> projectIds, CancellationToken ct)
    {
        if (projectIds.Count == 0) return Array.Empty<(long, string)>().ToLookup(r => r.Item1, r => r.Item2);
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<(long ProjectId, string Name)>(new CommandDefinition("""
            SELECT col.project_id, col.name FROM agile_column col
            WHERE col.project_id IN @projectIds AND col.wip_limit IS NOT NULL
              AND (SELECT COUNT(*) FROM agile_card c WHERE c.column_id = col.id) > col.wip_limit
            ORDER BY col.project_id, col.position
            """, new { projectIds }, cancellationToken: ct))).ToLookup(r => r.ProjectId, r => r.Name);
    }

    private async Task<IReadOnlyList<HealthSignal>> SignalsAsync(long projectId, IEnumerable<string> overLimit, CancellationToken ct)
    {
        var over = overLimit.ToList();
        var metrics = await flow.MetricsAsync(projectId, ct: ct);
        var aging = metrics.Aging.Count(a => a.OlderThanP85);
        var weeks = metrics.Throughput.Select(w => w.Count).ToList();
        var recent = weeks.TakeLast(4).DefaultIfEmpty().Average();
        var before = weeks.SkipLast(4).TakeLast(8).DefaultIfEmpty().Average();
        var ratio = before > 0 ? recent / before : 1;

        return
        [
            new HealthSignal(AgileModule.Id, "WIP limits", HealthDimension.Scope, over.Count == 0 ? Rag.Green : over.Count == 1 ? Rag.Amber : Rag.Red,
                over.Count == 0 ? "within limits" : string.Join(", ", over),
                over.Count == 0 ? "Every column is within its WIP limit." : "Over their WIP limit: " + string.Join(", ", over) + ". Finish work before starting more."),
            new HealthSignal(AgileModule.Id, "Ageing work", HealthDimension.Schedule, aging == 0 ? Rag.Green : aging <= 2 ? Rag.Amber : Rag.Red,
                $"{aging} card(s)", metrics.CycleTime.P85 is { } p85
                    ? $"{aging} card(s) in progress are older than the 85th percentile cycle time ({p85:0.#} days)."
                    : "No finished cards yet, so no cycle-time percentile to compare with."),
            new HealthSignal(AgileModule.Id, "Throughput", HealthDimension.Schedule, ratio >= 0.6 ? Rag.Green : ratio >= 0.3 ? Rag.Amber : Rag.Red,
                $"{recent:0.#}/week", $"Last 4 weeks: {recent:0.#} cards a week; the 8 weeks before: {before:0.#}."),
        ];
    }
}
