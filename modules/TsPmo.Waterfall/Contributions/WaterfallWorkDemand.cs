using Dapper;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Resources;
using TsPmo.Sdk.Time;
using TsPmo.Waterfall.Data;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Engine.Calendars;

namespace TsPmo.Waterfall.Contributions;

/// <summary>
/// Hours per person per week from schedules: each assignment's hours are spread evenly over the working days of its task's
/// scheduled span in the project's calendar, and summed per Monday week (past weeks keep what was planned for them).
/// </summary>
public sealed class WaterfallWorkDemand(IDbConnectionFactory connections, IProjectDirectory projects) : IWorkDemandSource
{
    private sealed record Row(long PersonId, long ProjectId, long WorkMinutes, string EarlyStart, string EarlyFinish);

    public async Task<IReadOnlyList<WorkDemand>> GetDemandAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var weekFrom = Weeks.StartOf(from);
        var waterfall = (await projects.ListAsync(ct: ct)).Where(p => p.MethodologyId == WaterfallModule.Id).Select(p => p.Id).ToList();
        if (waterfall.Count == 0) return [];
        await using var connection = await connections.OpenAsync(ct);
        var rows = (await connection.QueryAsync<Row>("""
            SELECT a.person_id AS PersonId, a.project_id AS ProjectId, a.work_minutes AS WorkMinutes,
                   t.early_start AS EarlyStart, t.early_finish AS EarlyFinish
            FROM waterfall_assignment a
            JOIN waterfall_task t ON t.id = a.task_id
            WHERE a.project_id IN @waterfall AND a.work_minutes > 0
              AND t.early_start IS NOT NULL AND t.early_start < @end AND t.early_finish >= @start
            """, new { waterfall, start = LocalTime.Day(weekFrom), end = LocalTime.Day(to.AddDays(1)) })).ToList();
        var hours = new Dictionary<(long, long, DateOnly), decimal>();
        foreach (var project in rows.GroupBy(r => r.ProjectId))
        {
            var calendar = new WorkingCalendar((await CalendarStore.LoadAsync(connection, null, project.Key))[CalendarStore.ProjectKey]);
            foreach (var r in project)
            {
                var start = calendar.StartDay(LocalTime.Parse(r.EarlyStart)!.Value);
                var finish = calendar.FinishDay(LocalTime.Parse(r.EarlyFinish)!.Value);
                var days = new List<DateOnly>();
                for (var d = start; d <= finish; d = d.AddDays(1)) if (calendar.IsWorkingDay(d)) days.Add(d);
                if (days.Count == 0) days.Add(start);
                var perDay = r.WorkMinutes / 60m / days.Count;
                foreach (var d in days)
                {
                    var week = Weeks.StartOf(d);
                    if (week < weekFrom || week > to) continue;
                    var key = (r.PersonId, r.ProjectId, week);
                    hours[key] = hours.GetValueOrDefault(key) + perDay;
                }
            }
        }
        return hours.Select(h => new WorkDemand(h.Key.Item1, h.Key.Item2, h.Key.Item3, Math.Round(h.Value, 2))).OrderBy(d => d.WeekStart).ToList();
    }
}
