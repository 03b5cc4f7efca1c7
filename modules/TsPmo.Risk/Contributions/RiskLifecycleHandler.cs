using TsPmo.Risk.Domain;
using TsPmo.Risk.Services;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Lifecycle;

namespace TsPmo.Risk.Contributions;

/// <summary>
/// When a project moves to Closing, its live high and critical risks are listed in its activity feed: they
/// must be closed, accepted or handed over before the project is.
/// </summary>
public sealed class RiskLifecycleHandler(RiskService risks, IUnitOfWork work) : IProjectLifecycleHandler
{
    public async Task OnPhaseChangedAsync(PhaseTransition transition, CancellationToken ct = default)
    {
        if (transition.To != LifecyclePhase.Closing) return;
        var open = (await risks.ListAsync(transition.ProjectId, ct)).Where(r => r.IsLive && r.Level >= RiskLevel.High).ToList();
        if (open.Count == 0) return;
        await using var w = await work.BeginAsync(RiskModule.Id, transition.ProjectId, ct);
        await w.AuditAsync("project", transition.ProjectId, $"entered Closing with {open.Count} open high risk(s)", null,
            open.Select(r => new { r.Id, r.Title, Level = r.Level.ToString(), r.Score }), ct);
        await w.CommitAsync(ct);
    }
}
