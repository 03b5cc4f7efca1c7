using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Lifecycle;
using TsPmo.Waterfall.Data;

namespace TsPmo.Waterfall.Contributions;

/// <summary>A new Waterfall project gets its plan row (Standard calendar, 8-hour days), so its first task has settings to schedule with.</summary>
public sealed class WaterfallLifecycleHandler(IUnitOfWork work) : IProjectLifecycleHandler
{
    public async Task OnProjectCreatedAsync(long projectId, string methodologyId, CancellationToken ct = default)
    {
        if (methodologyId != WaterfallModule.Id) return;
        await using var w = await work.BeginAsync(WaterfallModule.Id, projectId, ct);
        await PlanStore.CreatePlanAsync(w.Connection, w.Transaction, projectId, w.Stamp);
        await w.CommitAsync(ct);
    }
}
