using TsPmo.Sdk.Ports.Directory;
using Dapper;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Resources;
using TsPmo.Sdk.Time;

namespace TsPmo.Agile.Contributions;

/// <summary>
/// Hours of Kanban work per person per week: each unfinished, assigned, estimated card counts in the week of
/// its due date, or in the current week when it has none (flow work is pulled now, not scheduled).
/// </summary>
public sealed class AgileWorkDemand(IDbConnectionFactory connections, IProjectDirectory projects, IOrganizationClock clock) : IWorkDemandSource
{
    public async Task<IReadOnlyList<WorkDemand>> GetDemandAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var thisWeek = Weeks.StartOf(clock.Today);
        // Projects still run with Agile and not archived (the directory lists only those not archived).
        var live = (await projects.ListAsync(ct: ct)).Where(p => p.MethodologyId == AgileModule.Id).Select(p => p.Id).ToHashSet();
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long PersonId, long ProjectId, string? DueDate, double Hours)>("""
            SELECT c.assignee_id, c.project_id, c.due_date, c.estimate_hours
            FROM agile_card c
            WHERE c.done_at IS NULL AND c.assignee_id IS NOT NULL AND c.estimate_hours > 0
            """);
        return rows
            .Where(r => live.Contains(r.ProjectId))
            .Select(r => (r.PersonId, r.ProjectId, Week: r.DueDate is { } text && DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) is var due && Weeks.StartOf(due) > thisWeek ? Weeks.StartOf(due) : thisWeek, r.Hours))
            .Where(r => r.Week >= Weeks.StartOf(from) && r.Week <= to)
            .GroupBy(r => (r.PersonId, r.ProjectId, r.Week))
            .Select(g => new WorkDemand(g.Key.PersonId, g.Key.ProjectId, g.Key.Week, (decimal)g.Sum(r => r.Hours)))
            .ToList();
    }
}
