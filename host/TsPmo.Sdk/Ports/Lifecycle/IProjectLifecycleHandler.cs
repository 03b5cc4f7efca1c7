namespace TsPmo.Sdk.Ports.Lifecycle;

/// <summary>
/// A module's say in a project's life after the fact: set up its data when a project is created with
/// its methodology, react when the phase changes. Failures are logged and do not undo the change.
/// </summary>
public interface IProjectLifecycleHandler
{
    Task OnProjectCreatedAsync(long projectId, string methodologyId, CancellationToken ct = default) => Task.CompletedTask;

    Task OnPhaseChangedAsync(PhaseTransition transition, CancellationToken ct = default) => Task.CompletedTask;

    Task OnProjectArchivedAsync(long projectId, CancellationToken ct = default) => Task.CompletedTask;
}
