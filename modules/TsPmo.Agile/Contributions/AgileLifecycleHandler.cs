using TsPmo.Sdk.Ports.Lifecycle;
using TsPmo.Agile.Services;

namespace TsPmo.Agile.Contributions;

/// <summary>A new Kanban project gets the default board, so its first card has somewhere to go.</summary>
public sealed class AgileLifecycleHandler(BoardService board) : IProjectLifecycleHandler
{
    public Task OnProjectCreatedAsync(long projectId, string methodologyId, CancellationToken ct = default) =>
        methodologyId == AgileModule.Id ? board.EnsureColumnsAsync(projectId, ct) : Task.CompletedTask;
}
