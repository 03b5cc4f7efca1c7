using Microsoft.AspNetCore.Routing;
using Dapper;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Methodology;
using TsPmo.Scrum.Services;

namespace TsPmo.Scrum.Contributions;

/// <summary>Progress of a Scrum project: done points against all points; the forecast finish is the 85 % release forecast date; items of type Bug are its defects.</summary>
public sealed class ScrumMethodology(IDbConnectionFactory connections, SprintService sprints, IProjectDirectory projects, LinkGenerator links) : IMethodology
{
    public string ModuleId => ScrumModule.Id;

    /// <summary>The backlog page, built from its route (never a URL string repeated here).</summary>
    public string PlanUrl(long projectId) =>
        links.GetPathByPage("/Backlog", values: new { area = "Scrum", id = projectId }) ?? throw new InvalidOperationException("The Scrum backlog page is not routed.");

    public async Task<MethodologyProgress> GetProgressAsync(long projectId, CancellationToken ct = default)
    {
        var project = await projects.FindAsync(projectId, ct);
        await using var connection = await connections.OpenAsync(ct);
        var (total, done, bugs, openBugs) = await connection.QuerySingleAsync<(double, double, long, long)>("""
            SELECT COALESCE(SUM(points), 0.0), COALESCE(SUM(CASE WHEN status = 'Done' THEN points ELSE 0.0 END), 0.0),
                   COUNT(CASE WHEN type = 'Bug' THEN 1 END), COUNT(CASE WHEN type = 'Bug' AND status <> 'Done' THEN 1 END)
            FROM scrum_item WHERE project_id = @projectId
            """, new { projectId });
        var remaining = (decimal)(total - done);
        DateOnly? forecast = null;
        if (remaining > 0 && project?.MethodologyId == ScrumModule.Id)
            forecast = (await sprints.VelocityAsync(projectId, ct)).Forecast.Date85;
        // Bugs are backlog items of type Bug: the defect counts the portfolio's quality KPI compares.
        return new MethodologyProgress(total == 0 ? 0 : Math.Round(100m * (decimal)done / (decimal)total, 1), remaining, "points", forecast, project?.TargetDate)
        {
            DefectsTotal = (int)bugs,
            DefectsOpen = (int)openBugs,
        };
    }
}
