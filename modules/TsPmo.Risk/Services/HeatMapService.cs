using Dapper;
using TsPmo.Risk.Domain;
using TsPmo.Sdk.Data;

namespace TsPmo.Risk.Services;

/// <summary>
/// Heat maps of a project or the portfolio in one GROUP BY over the live risks (Open and Monitoring). The residual
/// map places a risk by its residual probability and impact, or by the inherent ones while it has no residual assessment.
/// </summary>
public sealed class HeatMapService(IDbConnectionFactory connections, TsPmo.Sdk.Ports.Directory.IProjectPermissions permissions)
{
    public async Task<HeatMap> GetAsync(long? projectId, bool residual, CancellationToken ct = default)
    {
        var (p, i) = residual
            ? ("COALESCE(residual_probability, probability)", "COALESCE(residual_impact, impact)")
            : ("probability", "impact");
        var project = projectId is null ? "" : "AND project_id = @projectId";
        var hidden = (await permissions.ReadScopeAsync(ct)).Hidden;
        if (hidden.Count > 0) project += " AND project_id NOT IN @hidden";
        await using var connection = await connections.OpenAsync(ct);
        var groups = await connection.QueryAsync<(long, long, long)>(
            $"SELECT {p}, {i}, COUNT(*) FROM risk_risk WHERE status IN ('Open', 'Monitoring') {project} GROUP BY 1, 2", new { projectId, hidden });
        return HeatMap.From(groups.Select(g => ((int)g.Item1, (int)g.Item2, (int)g.Item3)));
    }
}
