using TsPmo.Agile.Board;
using TsPmo.Sdk.Ports.Lifecycle;

namespace TsPmo.Agile.Ports;

/// <summary>A new Kanban project gets the default board, so its first card has somewhere to go.</summary>
public sealed class AgileLifecycleHandler(BoardService board) : IProjectLifecycleHandler
{
    public Task OnProjectCreatedAsync(long projectId, string methodologyId, CancellationToken ct = default) =>
        methodologyId == AgileModule.Id ? board.EnsureColumnsAsync(projectId, ct) : Task.CompletedTask;
}
