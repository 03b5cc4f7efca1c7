using TsPmo.Risk.Domain;
using TsPmo.Risk.Services;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Health;

namespace TsPmo.Risk.Contributions;

/// <summary>
/// Two risk signals per project: the worst residual level among live risks (Critical → red, High → amber), and
/// the early warnings (none → green, up to three → amber, more → red). For many projects at once (the portfolio
/// dashboard) the live risks and the warnings of the whole portfolio are read once, not once per project.
/// </summary>
public sealed class RiskHealthSignals(RiskService risks, EarlyWarningService warnings, IProjectDirectory projects) : IHealthSignalSource
{
    public async Task<IReadOnlyList<HealthSignal>> GetSignalsAsync(long projectId, CancellationToken ct = default)
    {
        if (await projects.FindAsync(projectId, ct) is null) return [];
        var live = (await risks.ListAsync(projectId, ct)).Where(r => r.IsLive).ToList();
        return Signals(live, await warnings.GetAsync(projectId, ct));
    }

    public async Task<IReadOnlyDictionary<long, IReadOnlyList<HealthSignal>>> GetSignalsAsync(IReadOnlyCollection<long> projectIds, CancellationToken ct = default)
    {
        var known = (await projects.ListAsync(includeArchived: true, ct)).Select(p => p.Id).ToHashSet();
        var live = (await risks.SearchEveryProjectAsync(new RiskQuery { LiveOnly = true, PageSize = int.MaxValue }, ct)).Items.Where(r => r.IsLive).ToLookup(r => r.ProjectId);
        var early = (await warnings.GetAllAsync(ct)).ToLookup(w => w.ProjectId);
        var result = new Dictionary<long, IReadOnlyList<HealthSignal>>(projectIds.Count);
        foreach (var id in projectIds)
            result[id] = known.Contains(id) ? Signals(live[id].ToList(), early[id].ToList()) : [];
        return result;
    }

    private static IReadOnlyList<HealthSignal> Signals(IReadOnlyList<RiskEntry> live, IReadOnlyList<EarlyWarning> early)
    {
        var critical = live.Count(r => r.ResidualLevel == RiskLevel.Critical);
        var high = live.Count(r => r.ResidualLevel == RiskLevel.High);
        return
        [
            new HealthSignal(RiskModule.Id, "Open high risks", HealthDimension.Risk,
                critical > 0 ? Rag.Red : high > 0 ? Rag.Amber : Rag.Green,
                $"{critical} critical, {high} high",
                critical + high == 0 ? "No live risk is high or critical after mitigation."
                    : "Live risks rated high or critical after mitigation: " + string.Join("; ", live.Where(r => r.ResidualLevel >= RiskLevel.High).Select(r => r.Title)) + "."),
            new HealthSignal(RiskModule.Id, "Risk early warnings", HealthDimension.Risk,
                early.Count == 0 ? Rag.Green : early.Count <= 3 ? Rag.Amber : Rag.Red,
                $"{early.Count} warning(s)",
                early.Count == 0 ? "No overdue action, unowned high risk, rising score, near proximity or stale review." : string.Join(" ", early.Take(5).Select(w => w.Message))),
        ];
    }
}
