using Dapper;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Resources;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Time;

namespace TsPmo.Scrum.Contributions;

/// <summary>
/// Hours of Scrum work per person per week, from sprint items: each unfinished, assigned, estimated item of an active
/// or planned sprint spreads its hours evenly over the sprint's remaining working days (Monday to Friday, from today
/// or the sprint's start, whichever is later, to its end), and each week gets the hours of its days. Backlog items are
/// not scheduled yet, so they make no demand.
/// </summary>
public sealed class ScrumWorkDemand(IDbConnectionFactory connections, IProjectDirectory projects, IOrganizationClock clock) : IWorkDemandSource
{
    private sealed record Row(long PersonId, long ProjectId, string Start, string End, double Hours);

    public async Task<IReadOnlyList<WorkDemand>> GetDemandAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        // Projects still run with Scrum and not archived (the directory lists only those not archived).
        var live = (await projects.ListAsync(ct: ct)).Where(p => p.MethodologyId == ScrumModule.Id).Select(p => p.Id).ToHashSet();
        await using var connection = await connections.OpenAsync(ct);
        var rows = (await connection.QueryAsync<Row>("""
            SELECT i.assignee_id AS PersonId, i.project_id AS ProjectId, s.start_date AS Start, s.end_date AS "End", i.estimate_hours AS Hours
            FROM scrum_item i JOIN scrum_sprint s ON s.id = i.sprint_id
            WHERE i.status <> 'Done' AND i.assignee_id IS NOT NULL AND i.estimate_hours > 0 AND s.state IN ('Active', 'Planned')
            """)).Where(r => live.Contains(r.ProjectId));
        var firstWeek = Weeks.StartOf(from);
        var result = new Dictionary<(long, long, DateOnly), decimal>();
        foreach (var row in rows)
        {
            var start = DateOnly.Parse(row.Start, System.Globalization.CultureInfo.InvariantCulture);
            var end = DateOnly.Parse(row.End, System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (week, hours) in Spread((decimal)row.Hours, start > clock.Today ? start : clock.Today, end))
                if (week >= firstWeek && week <= to)
                {
                    var key = (row.PersonId, row.ProjectId, week);
                    result[key] = result.GetValueOrDefault(key) + hours;
                }
        }
        return result.Select(r => new WorkDemand(r.Key.Item1, r.Key.Item2, r.Key.Item3, Math.Round(r.Value, 2))).ToList();
    }

    /// <summary>
    /// <paramref name="hours"/> spread evenly over the working days from <paramref name="from"/> to <paramref name="to"/>,
    /// summed per week (Monday start). A range with no working day (a weekend, or an overdue sprint) puts all the hours in
    /// the week of <paramref name="from"/>.
    /// </summary>
    internal static IEnumerable<(DateOnly Week, decimal Hours)> Spread(decimal hours, DateOnly from, DateOnly to)
    {
        var days = new List<DateOnly>();
        for (var d = from; d <= to; d = d.AddDays(1))
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) days.Add(d);
        if (days.Count == 0) return [(Weeks.StartOf(from), hours)];
        return days.GroupBy(Weeks.StartOf).Select(g => (g.Key, hours * g.Count() / days.Count));
    }
}
