using System.Data.Common;
using Dapper;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Engine.Calendars;

namespace TsPmo.Waterfall.Data;

/// <summary>The SQL of a project's calendars: key "" is the project calendar, other keys task calendars.</summary>
internal static class CalendarStore
{
    public const string ProjectKey = "";

    private sealed record CalendarRow(long Id, string CalendarKey, string Name, string WeekJson);

    private sealed record ExceptionRow(long Id, long CalendarId, string FromDate, string ToDate, string? Name, string WorkingJson);

    /// <summary>Every calendar of the project by key; the project calendar is Microsoft Project's Standard one until someone edits it.</summary>
    public static async Task<Dictionary<string, CalendarDefinition>> LoadAsync(DbConnection connection, DbTransaction? tx, long projectId)
    {
        var rows = (await connection.QueryAsync<CalendarRow>(
            "SELECT id, calendar_key AS CalendarKey, name, week_json AS WeekJson FROM waterfall_calendar WHERE project_id = @projectId",
            new { projectId }, tx)).ToList();
        var exceptions = (await connection.QueryAsync<ExceptionRow>("""
            SELECT e.id, e.calendar_id AS CalendarId, e.from_date AS FromDate, e.to_date AS ToDate, e.name, e.working_json AS WorkingJson
            FROM waterfall_calendar_exception e JOIN waterfall_calendar c ON c.id = e.calendar_id
            WHERE c.project_id = @projectId ORDER BY e.from_date, e.id
            """, new { projectId }, tx)).ToLookup(e => e.CalendarId);
        var result = rows.ToDictionary(r => r.CalendarKey, r => new CalendarDefinition(r.Name, CalendarJson.ParseWeek(r.WeekJson),
            exceptions[r.Id].Select(e => new CalendarException(LocalTime.ParseDay(e.FromDate), LocalTime.ParseDay(e.ToDate),
                CalendarJson.ParseWorking(e.WorkingJson), e.Name, e.Id)).ToList()));
        result.TryAdd(ProjectKey, CalendarDefinition.Standard);
        return result;
    }

    /// <summary>The version of a project's calendar; 0 while it is still the built-in Standard one (no row yet).</summary>
    public static async Task<long> VersionAsync(DbConnection connection, DbTransaction? tx, long projectId, string key = ProjectKey) =>
        await connection.ExecuteScalarAsync<long?>("SELECT version FROM waterfall_calendar WHERE project_id = @projectId AND calendar_key = @key",
            new { projectId, key }, tx) ?? 0;

    public static Task SetVersionAsync(DbConnection connection, DbTransaction tx, long projectId, long version, string key = ProjectKey) =>
        connection.ExecuteAsync("UPDATE waterfall_calendar SET version = @version WHERE project_id = @projectId AND calendar_key = @key",
            new { projectId, key, version }, tx);

    /// <summary>
    /// Saves a calendar and bumps its version. Exceptions that carry an id keep their row (and id), those without one are
    /// added, and stored ones the calendar no longer lists are deleted.
    /// </summary>
    public static async Task SaveAsync(DbConnection connection, DbTransaction tx, long projectId, string key, CalendarDefinition calendar)
    {
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO waterfall_calendar (project_id, calendar_key, name, week_json) VALUES (@projectId, @key, @Name, @week)
            ON CONFLICT (project_id, calendar_key) DO UPDATE SET name = excluded.name, week_json = excluded.week_json,
                version = waterfall_calendar.version + 1
            RETURNING id
            """, new { projectId, key, calendar.Name, week = CalendarJson.Week(calendar.Week) }, tx);
        var kept = calendar.Exceptions.Where(e => e.Id is not null).Select(e => e.Id!.Value).ToList();
        await connection.ExecuteAsync("DELETE FROM waterfall_calendar_exception WHERE calendar_id = @id AND id NOT IN @kept", new { id, kept }, tx);
        await connection.ExecuteAsync("""
            UPDATE waterfall_calendar_exception SET from_date = @from, to_date = @to, name = @Name, working_json = @working
            WHERE id = @exceptionId AND calendar_id = @id
            """, calendar.Exceptions.Where(e => e.Id is not null).Select(e => new
        {
            id, exceptionId = e.Id, from = LocalTime.Day(e.From), to = LocalTime.Day(e.To), e.Name, working = CalendarJson.Working(e.Working),
        }), tx);
        await connection.ExecuteAsync("""
            INSERT INTO waterfall_calendar_exception (calendar_id, from_date, to_date, name, working_json) VALUES (@id, @from, @to, @Name, @working)
            """, calendar.Exceptions.Where(e => e.Id is null).Select(e => new
        {
            id, from = LocalTime.Day(e.From), to = LocalTime.Day(e.To), e.Name, working = CalendarJson.Working(e.Working),
        }), tx);
    }

    public static Task DeleteAllAsync(DbConnection connection, DbTransaction tx, long projectId) =>
        connection.ExecuteAsync("DELETE FROM waterfall_calendar WHERE project_id = @projectId", new { projectId }, tx);
}
