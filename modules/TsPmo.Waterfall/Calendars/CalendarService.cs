using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Time;
using TsPmo.Waterfall.Plan;
using TsPmo.Waterfall.Scheduling;

namespace TsPmo.Waterfall.Calendars;

/// <summary>The project calendar (working week, hours, holidays and extra working days) and the length of a "day"; saving reschedules the plan.</summary>
public sealed class CalendarService(
    IDbConnectionFactory connections,
    PlanService plan,
    IProjectPermissions permissions,
    IAuditLog audit,
    IOrganizationClock clock)
{
    public async Task<(CalendarDefinition Calendar, PlanSettings Settings)> GetAsync(long projectId, CancellationToken ct = default)
    {
        await plan.RequireWaterfallAsync(projectId, ct);
        await using var connection = await connections.OpenAsync(ct);
        var calendars = await CalendarStore.LoadAsync(connection, null, projectId);
        return (calendars[CalendarStore.ProjectKey], await PlanStore.SettingsAsync(connection, null, projectId));
    }

    public async Task SaveAsync(long projectId, CalendarDefinition calendar, int minutesPerDay, CancellationToken ct = default)
    {
        var project = await plan.RequireWaterfallAsync(projectId, ct);
        await permissions.DemandAsync(projectId, WaterfallModule.ManagePlan, ct);
        CalendarRules.Validate(calendar, minutesPerDay);
        var now = StoredTime.Format(clock.UtcNow);
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var state = await PlanStore.LoadAsync(connection, tx, projectId);
        var before = new { state.Calendar.Name, Week = CalendarJson.Week(state.Calendar.Week), state.Calendar.Exceptions, state.Settings.MinutesPerDay };
        await CalendarStore.SaveAsync(connection, tx, projectId, CalendarStore.ProjectKey, calendar);
        state.Calendars[CalendarStore.ProjectKey] = calendar;
        // Durations are stored in minutes: changing the day's length changes how many "days" they read as, not the work.
        state.Settings = state.Settings with { MinutesPerDay = minutesPerDay, MinutesPerWeek = minutesPerDay * Math.Max(1, calendar.Week.Count(d => d.Value.Count > 0)) };
        await PlanStore.SaveSettingsAsync(connection, tx, state.Settings, now);
        await plan.RescheduleAndSaveAsync(connection, tx, project, state, now, ct);
        await audit.WriteAsync(connection, tx, new AuditEntry(WaterfallModule.Id, "calendar", projectId.ToString(), "updated", before,
            new { calendar.Name, Week = CalendarJson.Week(calendar.Week), calendar.Exceptions, minutesPerDay }) { ProjectId = projectId }, ct);
        await tx.CommitAsync(ct);
    }
}
