using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Lifecycle;
using TsPmo.Scrum.Domain;
using TsPmo.Scrum.Services;

namespace TsPmo.Scrum.Contributions;

/// <summary>
/// When a Scrum project is closed or cancelled its active sprint is completed (unfinished items back to the backlog),
/// so velocity and forecasts keep a true record and no sprint stays open on a finished project.
/// </summary>
public sealed class ScrumLifecycleHandler(SprintService sprints, IProjectDirectory projects) : IProjectLifecycleHandler
{
    public async Task OnPhaseChangedAsync(PhaseTransition transition, CancellationToken ct = default)
    {
        if (transition.To is not (LifecyclePhase.Closed or LifecyclePhase.Cancelled)) return;
        if ((await projects.FindAsync(transition.ProjectId, ct))?.MethodologyId != ScrumModule.Id) return;
        if (await sprints.ActiveAsync(transition.ProjectId, ct) is { } active)
            await sprints.CompleteAsync(transition.ProjectId, active.Id, UnfinishedTarget.Backlog, ct);
    }
}
