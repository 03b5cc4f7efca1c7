using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Waterfall.Data;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Engine.Calendars;

namespace TsPmo.Waterfall.Services;

/// <summary>
/// The project calendar (working week, hours, holidays and extra working days) and the length of a "day"; saving reschedules
/// the plan. The calendar carries a version: an edit that sends one is refused (409) when someone saved in between, and every
/// edit is applied to the calendar as read inside its own write transaction, so nothing saved meanwhile is lost.
/// </summary>
public sealed class CalendarService(
    IDbConnectionFactory connections,
    IUnitOfWork work,
    IProjectDirectory projects,
    PlanService plan,
    IProjectPermissions permissions)
{
    public async Task<(CalendarDefinition Calendar, PlanSettings Settings, long Version)> GetAsync(long projectId, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, WaterfallModule.Id, ct);
        await using var connection = await connections.OpenAsync(ct);
        var calendars = await CalendarStore.LoadAsync(connection, null, projectId);
        return (calendars[CalendarStore.ProjectKey], await PlanStore.SettingsAsync(connection, null, projectId),
            await CalendarStore.VersionAsync(connection, null, projectId));
    }

    /// <summary>Replaces the calendar; exceptions that carry an id must be ones of this calendar (they keep their id).</summary>
    public Task<long> SaveAsync(long projectId, CalendarDefinition calendar, int minutesPerDay, long? version = null, CancellationToken ct = default) =>
        SaveAsync(projectId, (_, _) => (calendar, minutesPerDay), version, ct);

    /// <summary>
    /// Applies <paramref name="edit"/> to the calendar and day length as they are inside the write transaction (a partial
    /// edit merges with what is stored then, not with an earlier read); exceptions that carry an id must be ones of this calendar.
    /// </summary>
    public Task<long> SaveAsync(long projectId, Func<CalendarDefinition, int, (CalendarDefinition Calendar, int MinutesPerDay)> edit, long? version = null,
        CancellationToken ct = default) =>
        ChangeAsync(projectId, version, (current, minutesPerDay) =>
        {
            var (calendar, minutes) = edit(current, minutesPerDay);
            var unknown = calendar.Exceptions.Where(e => e.Id is { } id && !current.Exceptions.Any(c => c.Id == id)).Select(e => e.Id).ToList();
            if (unknown.Count > 0)
                throw new DomainValidationException("exceptions", $"This calendar has no exception with id {string.Join(", ", unknown)}: leave the id out to add one.");
            return (calendar, minutes);
        }, ct);

    /// <summary>Adds a holiday or a differently worked period; returns the new calendar version.</summary>
    public Task<long> AddExceptionAsync(long projectId, CalendarException exception, long? version = null, CancellationToken ct = default) =>
        ChangeAsync(projectId, version, (current, minutesPerDay) =>
            (current with { Exceptions = [.. current.Exceptions, exception with { Id = null }] }, minutesPerDay), ct);

    /// <summary>Removes the exception with <paramref name="exceptionId"/>; 404 when this calendar has no such exception.</summary>
    public Task<long> RemoveExceptionAsync(long projectId, long exceptionId, long? version = null, CancellationToken ct = default) =>
        ChangeAsync(projectId, version, (current, minutesPerDay) =>
        {
            if (!current.Exceptions.Any(e => e.Id == exceptionId)) throw new NotFoundException("Calendar exception", exceptionId.ToString());
            return (current with { Exceptions = current.Exceptions.Where(e => e.Id != exceptionId).ToList() }, minutesPerDay);
        }, ct);

    private async Task<long> ChangeAsync(long projectId, long? version, Func<CalendarDefinition, int, (CalendarDefinition Calendar, int MinutesPerDay)> change,
        CancellationToken ct)
    {
        var project = await projects.RequireAsync(projectId, WaterfallModule.Id, ct);
        await permissions.DemandAsync(projectId, WaterfallModule.ManagePlan, ct);
        await using var w = await work.BeginAsync(WaterfallModule.Id, projectId, ct);
        WriteScope.CheckVersion(version, await CalendarStore.VersionAsync(w.Connection, w.Transaction, projectId), "The calendar of project", project.Code);
        var state = await PlanStore.LoadAsync(w.Connection, w.Transaction, projectId);
        var (calendar, minutesPerDay) = change(state.Calendar, state.Settings.MinutesPerDay);
        CalendarRules.Validate(calendar, minutesPerDay);
        var before = new { state.Calendar.Name, Week = CalendarJson.Week(state.Calendar.Week), state.Calendar.Exceptions, state.Settings.MinutesPerDay };
        await CalendarStore.SaveAsync(w.Connection, w.Transaction, projectId, CalendarStore.ProjectKey, calendar);
        state.Calendars[CalendarStore.ProjectKey] = calendar;
        // Durations are stored in minutes: changing the day's length changes how many "days" they read as, not the work.
        state.Settings = state.Settings with { MinutesPerDay = minutesPerDay, MinutesPerWeek = minutesPerDay * Math.Max(1, calendar.Week.Count(d => d.Value.Count > 0)) };
        await PlanStore.SaveSettingsAsync(w.Connection, w.Transaction, state.Settings, w.Stamp);
        await plan.RescheduleAndSaveAsync(w, project, state, ct);
        await w.AuditAsync("calendar", projectId, "updated", before,
            new { calendar.Name, Week = CalendarJson.Week(calendar.Week), calendar.Exceptions, minutesPerDay }, ct);
        var saved = await CalendarStore.VersionAsync(w.Connection, w.Transaction, projectId);
        await w.CommitAsync(ct);
        return saved;
    }
}
