using Dapper;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Lifecycle;
using TsPmo.Sdk.Time;

namespace TsPmo.Waterfall.Contributions;

/// <summary>A new Waterfall project gets its plan row (Standard calendar, 8-hour days), so its first task has settings to schedule with.</summary>
public sealed class WaterfallLifecycleHandler(IDbConnectionFactory connections, IOrganizationClock clock) : IProjectLifecycleHandler
{
    public async Task OnProjectCreatedAsync(long projectId, string methodologyId, CancellationToken ct = default)
    {
        if (methodologyId != WaterfallModule.Id) return;
        await using var connection = await connections.OpenAsync(ct);
        await connection.ExecuteAsync("INSERT INTO waterfall_plan (project_id, updated_at) VALUES (@projectId, @now) ON CONFLICT (project_id) DO NOTHING",
            new { projectId, now = StoredTime.Format(clock.UtcNow) });
    }
}
