using Microsoft.AspNetCore.Routing;
using Dapper;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Methodology;
using TsPmo.Agile.Services;

namespace TsPmo.Agile.Contributions;

/// <summary>Progress of a Kanban project: done cards against all cards; the forecast finish is the 85 % Monte Carlo date.</summary>
public sealed class AgileMethodology(IDbConnectionFactory connections, FlowService flow, IProjectDirectory projects, LinkGenerator links) : IMethodology
{
    public string ModuleId => AgileModule.Id;

    /// <summary>The board page, built from its route (never a URL string repeated here).</summary>
    public string PlanUrl(long projectId) =>
        links.GetPathByPage("/Board", values: new { area = "Agile", id = projectId }) ?? throw new InvalidOperationException("The Agile board page is not routed.");

    public async Task<MethodologyProgress> GetProgressAsync(long projectId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var (total, done) = await connection.QuerySingleAsync<(long, long)>(
            "SELECT COUNT(*), COUNT(done_at) FROM agile_card WHERE project_id = @projectId", new { projectId });
        var planned = (await projects.FindAsync(projectId, ct))?.TargetDate;
        var remaining = (int)(total - done);
        var forecast = remaining > 0 ? (await flow.WhenAsync(projectId, remaining, ct)).Forecast?.P85 : null;
        return new MethodologyProgress(total == 0 ? 0 : Math.Round(100m * done / total, 1), remaining, "items", forecast, planned);
    }
}
