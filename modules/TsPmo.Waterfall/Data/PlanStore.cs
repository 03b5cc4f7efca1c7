using System.Data.Common;
using System.Globalization;
using Dapper;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Engine.Mspdi;
using TsPmo.Waterfall.Engine.Scheduling;

namespace TsPmo.Waterfall.Data;

/// <summary>The SQL of plans. A plan loads in five queries whatever its size; writes touch only the rows that changed.</summary>
internal static class PlanStore
{
    private sealed class TaskRow
    {
        public long Id { get; set; }
        public long ProjectId { get; set; }
        public int Position { get; set; }
        public long? ParentId { get; set; }
        public int OutlineLevel { get; set; }
        public string Name { get; set; } = "";
        public string? Notes { get; set; }
        public long DurationMinutes { get; set; }
        public long? WorkSpanMinutes { get; set; }
        public long LevelingDelayMinutes { get; set; }
        public bool LevelingDelayElapsed { get; set; }
        public bool Elapsed { get; set; }
        public bool Milestone { get; set; }
        public bool Manual { get; set; }
        public string? ManualStart { get; set; }
        public string? ManualFinish { get; set; }
        public string ConstraintKind { get; set; } = "";
        public string? ConstraintDate { get; set; }
        public string? Deadline { get; set; }
        public string? CalendarKey { get; set; }
        public double PercentComplete { get; set; }
        public string? ActualStart { get; set; }
        public string? ActualFinish { get; set; }
        public long PlannedCostMinor { get; set; }
        public long ActualCostMinor { get; set; }
        public string? EarlyStart { get; set; }
        public string? EarlyFinish { get; set; }
        public string? LateStart { get; set; }
        public string? LateFinish { get; set; }
        public long TotalFloatMinutes { get; set; }
        public long FreeFloatMinutes { get; set; }
        public bool Critical { get; set; }
        public bool Summary { get; set; }
        public bool DeadlineMissed { get; set; }
        public long Version { get; set; }

        public TaskRecord ToRecord() => new()
        {
            Id = Id, ProjectId = ProjectId, Position = Position, ParentId = ParentId, OutlineLevel = OutlineLevel, Name = Name, Notes = Notes,
            DurationMinutes = DurationMinutes, WorkSpanMinutes = WorkSpanMinutes, LevelingDelayMinutes = LevelingDelayMinutes,
            LevelingDelayElapsed = LevelingDelayElapsed, Elapsed = Elapsed, Milestone = Milestone, Manual = Manual, ManualStart = LocalTime.Parse(ManualStart),
            ManualFinish = LocalTime.Parse(ManualFinish), Constraint = Enum.Parse<ConstraintKind>(ConstraintKind), ConstraintDate = LocalTime.Parse(ConstraintDate),
            Deadline = LocalTime.Parse(Deadline), CalendarKey = CalendarKey, PercentComplete = (decimal)PercentComplete,
            ActualStart = LocalTime.Parse(ActualStart), ActualFinish = LocalTime.Parse(ActualFinish), PlannedCostMinor = PlannedCostMinor,
            ActualCostMinor = ActualCostMinor, EarlyStart = LocalTime.Parse(EarlyStart), EarlyFinish = LocalTime.Parse(EarlyFinish),
            LateStart = LocalTime.Parse(LateStart), LateFinish = LocalTime.Parse(LateFinish), TotalFloatMinutes = TotalFloatMinutes,
            FreeFloatMinutes = FreeFloatMinutes, Critical = Critical, Summary = Summary, DeadlineMissed = DeadlineMissed, Version = Version,
        };
    }

    private sealed record SettingsRow(long ProjectId, string? PlanStart, long MinutesPerDay, long MinutesPerWeek, long DaysPerMonth, string? Currency,
        string? StatusDate, long Version, long HonorConstraints);

    private const string TaskColumns = """
        id, project_id AS ProjectId, position, parent_id AS ParentId, outline_level AS OutlineLevel, name, notes, duration_minutes AS DurationMinutes,
        work_span_minutes AS WorkSpanMinutes, leveling_delay_minutes AS LevelingDelayMinutes, leveling_delay_elapsed AS LevelingDelayElapsed,
        elapsed, milestone, manual, manual_start AS ManualStart, manual_finish AS ManualFinish, constraint_kind AS ConstraintKind,
        constraint_date AS ConstraintDate, deadline, calendar_key AS CalendarKey, percent_complete AS PercentComplete, actual_start AS ActualStart,
        actual_finish AS ActualFinish, planned_cost_minor AS PlannedCostMinor, actual_cost_minor AS ActualCostMinor, early_start AS EarlyStart,
        early_finish AS EarlyFinish, late_start AS LateStart, late_finish AS LateFinish, total_float_minutes AS TotalFloatMinutes,
        free_float_minutes AS FreeFloatMinutes, critical, summary, deadline_missed AS DeadlineMissed, version
        """;

    public static async Task<PlanSettings> SettingsAsync(DbConnection connection, DbTransaction? tx, long projectId)
    {
        var row = await connection.QuerySingleOrDefaultAsync<SettingsRow>("""
            SELECT project_id AS ProjectId, plan_start AS PlanStart, minutes_per_day AS MinutesPerDay, minutes_per_week AS MinutesPerWeek,
                   days_per_month AS DaysPerMonth, currency, status_date AS StatusDate, version,
                   honor_constraints AS HonorConstraints
            FROM waterfall_plan WHERE project_id = @projectId
            """, new { projectId }, tx);
        return row is null ? PlanSettings.Default(projectId) : new PlanSettings(row.ProjectId, LocalTime.Parse(row.PlanStart), (int)row.MinutesPerDay,
            (int)row.MinutesPerWeek, (int)row.DaysPerMonth, row.Currency, row.StatusDate is { } s ? LocalTime.ParseDay(s) : null, row.Version)
            { HonorConstraintDates = row.HonorConstraints != 0 };
    }

    public static async Task<PlanState> LoadAsync(DbConnection connection, DbTransaction? tx, long projectId)
    {
        var settings = await SettingsAsync(connection, tx, projectId);
        var calendars = await CalendarStore.LoadAsync(connection, tx, projectId);
        var tasks = (await connection.QueryAsync<TaskRow>($"SELECT {TaskColumns} FROM waterfall_task WHERE project_id = @projectId ORDER BY position, id",
            new { projectId }, tx)).Select(r => r.ToRecord()).ToList();
        var links = (await connection.QueryAsync<(long, long, string, long, string)>("""
            SELECT predecessor_id, successor_id, link_type, lag, lag_unit FROM waterfall_link WHERE project_id = @projectId ORDER BY id
            """, new { projectId }, tx)).Select(l => new LinkRecord(l.Item1, l.Item2, Enum.Parse<LinkType>(l.Item3), l.Item4, Enum.Parse<LagUnit>(l.Item5))).ToList();
        // Names come from the people directory (PlanService): this module's SQL reads its own rows only.
        var assignments = (await connection.QueryAsync<(long TaskId, long PersonId, long WorkMinutes)>("""
            SELECT task_id, person_id, work_minutes FROM waterfall_assignment WHERE project_id = @projectId ORDER BY id
            """, new { projectId }, tx)).Select(a => new AssignmentRecord(a.TaskId, a.PersonId, "", a.WorkMinutes)).ToList();
        return new PlanState
        {
            Settings = settings, Calendars = calendars, Tasks = tasks, Links = links, Assignments = assignments,
            Loaded = tasks.ToDictionary(t => t.Id, RowKey),
        };
    }

    public static async Task SaveSettingsAsync(DbConnection connection, DbTransaction tx, PlanSettings s, string now) =>
        await connection.ExecuteAsync("""
            INSERT INTO waterfall_plan (project_id, plan_start, minutes_per_day, minutes_per_week, days_per_month, currency, status_date, honor_constraints, updated_at, version)
            VALUES (@ProjectId, @start, @MinutesPerDay, @MinutesPerWeek, @DaysPerMonth, @Currency, @status, @HonorConstraintDates, @now, 1)
            ON CONFLICT (project_id) DO UPDATE SET plan_start = excluded.plan_start, minutes_per_day = excluded.minutes_per_day,
                minutes_per_week = excluded.minutes_per_week, days_per_month = excluded.days_per_month, currency = excluded.currency,
                status_date = excluded.status_date, honor_constraints = excluded.honor_constraints, updated_at = excluded.updated_at, version = waterfall_plan.version + 1
            """, new { s.ProjectId, start = LocalTime.ToText(s.PlanStart), s.MinutesPerDay, s.MinutesPerWeek, s.DaysPerMonth, s.Currency, s.HonorConstraintDates,
            status = s.StatusDate is { } d ? LocalTime.Day(d) : null, now }, tx);

    public static Task SaveScheduleBoundsAsync(DbConnection connection, DbTransaction tx, long projectId, Schedule? schedule, string now) =>
        connection.ExecuteAsync("""
            INSERT INTO waterfall_plan (project_id, schedule_start, schedule_finish, updated_at) VALUES (@projectId, @start, @finish, @now)
            ON CONFLICT (project_id) DO UPDATE SET schedule_start = excluded.schedule_start, schedule_finish = excluded.schedule_finish
            """, new { projectId, start = LocalTime.ToText(schedule?.Start), finish = LocalTime.ToText(schedule?.Finish), now }, tx);

    /// <summary>The plan row of a new project, with the default settings; nothing when it has one.</summary>
    public static Task CreatePlanAsync(DbConnection connection, DbTransaction tx, long projectId, string now) =>
        connection.ExecuteAsync("INSERT INTO waterfall_plan (project_id, updated_at) VALUES (@projectId, @now) ON CONFLICT (project_id) DO NOTHING",
            new { projectId, now }, tx);

    public static Task<int> CountTasksAsync(DbConnection connection, DbTransaction? tx, long projectId) =>
        connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM waterfall_task WHERE project_id = @projectId", new { projectId }, tx);

    /// <summary>Deletes a task; its subtasks, links and assignments go with it (foreign keys cascade).</summary>
    public static Task DeleteTaskAsync(DbConnection connection, DbTransaction tx, long taskId) =>
        connection.ExecuteAsync("DELETE FROM waterfall_task WHERE id = @taskId", new { taskId }, tx);

    /// <summary>Inserts a new task row and returns its id (the caller then saves it again with everything computed).</summary>
    public static Task<long> InsertTaskAsync(DbConnection connection, DbTransaction tx, TaskRecord t, string now) =>
        connection.ExecuteScalarAsync<long>("""
            INSERT INTO waterfall_task (project_id, position, parent_id, outline_level, name, created_at, updated_at)
            VALUES (@ProjectId, @Position, @ParentId, @OutlineLevel, @Name, @now, @now) RETURNING id
            """, new { t.ProjectId, t.Position, t.ParentId, t.OutlineLevel, t.Name, now }, tx);

    private const string UpdateSql = """
        UPDATE waterfall_task SET position = @position, parent_id = @parent, outline_level = @level, name = @name, notes = @notes,
            duration_minutes = @duration, work_span_minutes = @workSpan, elapsed = @elapsed, milestone = @milestone, manual = @manual, manual_start = @manualStart,
            manual_finish = @manualFinish, constraint_kind = @constraint, constraint_date = @constraintDate, deadline = @deadline,
            calendar_key = @calendarKey, percent_complete = @percent, actual_start = @actualStart, actual_finish = @actualFinish,
            planned_cost_minor = @plannedCost, actual_cost_minor = @actualCost, early_start = @es, early_finish = @ef, late_start = @ls,
            late_finish = @lf, total_float_minutes = @tf, free_float_minutes = @ff, critical = @critical, summary = @summary,
            deadline_missed = @missed, version = @version, updated_at = CASE WHEN version = @version THEN updated_at ELSE @now END
        WHERE id = @id
        """;

    private static readonly string[] UpdateParameters =
    [
        "position", "parent", "level", "name", "notes", "duration", "workSpan", "elapsed", "milestone", "manual", "manualStart", "manualFinish", "constraint",
        "constraintDate", "deadline", "calendarKey", "percent", "actualStart", "actualFinish", "plannedCost", "actualCost", "es", "ef", "ls", "lf",
        "tf", "ff", "critical", "summary", "missed", "version", "now", "id",
    ];

    /// <summary>Writes back every task that differs from how it was loaded (a user's change or a reschedule), with one prepared statement.</summary>
    public static async Task SaveChangedTasksAsync(DbConnection connection, DbTransaction tx, PlanState state, string now, CancellationToken ct)
    {
        await using var update = new BatchCommand(connection, tx, UpdateSql, UpdateParameters);
        foreach (var t in state.Tasks)
        {
            if (state.Loaded.TryGetValue(t.Id, out var before) && before == RowKey(t)) continue;
            await update.ExecuteAsync(ct, t.Position, t.ParentId, t.OutlineLevel, t.Name, t.Notes, t.DurationMinutes, t.WorkSpanMinutes, t.Elapsed, t.Milestone,
                t.Manual, LocalTime.ToText(t.ManualStart), LocalTime.ToText(t.ManualFinish), t.Constraint, LocalTime.ToText(t.ConstraintDate),
                LocalTime.ToText(t.Deadline), t.CalendarKey, t.PercentComplete, LocalTime.ToText(t.ActualStart), LocalTime.ToText(t.ActualFinish),
                t.PlannedCostMinor, t.ActualCostMinor, LocalTime.ToText(t.EarlyStart), LocalTime.ToText(t.EarlyFinish), LocalTime.ToText(t.LateStart),
                LocalTime.ToText(t.LateFinish), t.TotalFloatMinutes, t.FreeFloatMinutes, t.Critical, t.Summary, t.DeadlineMissed, t.Version, now, t.Id);
            state.Loaded[t.Id] = RowKey(t);
        }
    }

    /// <summary>Replaces the links into <paramref name="successorId"/>.</summary>
    public static async Task ReplacePredecessorsAsync(DbConnection connection, DbTransaction tx, long projectId, long successorId, IReadOnlyList<LinkRecord> links)
    {
        await connection.ExecuteAsync("DELETE FROM waterfall_link WHERE successor_id = @successorId", new { successorId }, tx);
        await connection.ExecuteAsync("""
            INSERT INTO waterfall_link (project_id, predecessor_id, successor_id, link_type, lag, lag_unit) VALUES (@projectId, @PredecessorId, @SuccessorId, @type, @Lag, @unit)
            """, links.Select(l => new { projectId, l.PredecessorId, l.SuccessorId, type = l.Type.ToString(), l.Lag, unit = l.LagUnit.ToString() }), tx);
    }

    public static async Task ReplaceAssignmentsAsync(DbConnection connection, DbTransaction tx, long projectId, long taskId, IReadOnlyList<AssignmentRecord> assignments)
    {
        await connection.ExecuteAsync("DELETE FROM waterfall_assignment WHERE task_id = @taskId", new { taskId }, tx);
        await connection.ExecuteAsync("""
            INSERT INTO waterfall_assignment (project_id, task_id, person_id, work_minutes) VALUES (@projectId, @TaskId, @PersonId, @WorkMinutes)
            """, assignments.Select(a => new { projectId, a.TaskId, a.PersonId, a.WorkMinutes }), tx);
    }

    /// <summary>
    /// Replaces a project's plan with <paramref name="file"/> and its computed <paramref name="schedule"/> (ids = the file's UIDs),
    /// with prepared batch inserts. Shared by the MSPDI import and the demo seeder. Returns the new task id of each UID.
    /// </summary>
    public static async Task<(Dictionary<long, long> IdByUid, int Links, int Assignments)> ReplacePlanAsync(DbConnection connection,
        DbTransaction tx, long projectId, MspdiProject file, Schedule schedule, IReadOnlyDictionary<long, long> personByUid, string now, CancellationToken ct)
    {
        var computed = schedule.Tasks.ToDictionary(t => t.Id);
        // The replaced calendar's version carries on, so a form opened on the old calendar cannot match the new one's numbering.
        var calendarVersion = await CalendarStore.VersionAsync(connection, tx, projectId);
        await DeletePlanContentAsync(connection, tx, projectId);
        await BaselineStore.DeleteAllAsync(connection, tx, projectId);
        await SaveSettingsAsync(connection, tx, new PlanSettings(projectId, file.Start, file.MinutesPerDay, file.MinutesPerWeek, file.DaysPerMonth,
            file.CurrencyCode, file.StatusDate is { } sd ? DateOnly.FromDateTime(sd) : null, 0) { HonorConstraintDates = file.HonorConstraintDates }, now);
        await CalendarStore.SaveAsync(connection, tx, projectId, CalendarStore.ProjectKey, file.Calendar);
        await CalendarStore.SetVersionAsync(connection, tx, projectId, calendarVersion + 1);
        foreach (var (key, calendar) in file.TaskCalendars) await CalendarStore.SaveAsync(connection, tx, projectId, key, calendar);

        var idByUid = new Dictionary<long, long>(file.Tasks.Count);
        await using (var insert = new BatchCommand(connection, tx, """
            INSERT INTO waterfall_task (project_id, position, parent_id, outline_level, name, notes, duration_minutes, work_span_minutes,
                leveling_delay_minutes, leveling_delay_elapsed, elapsed, milestone, manual,
                manual_start, manual_finish, constraint_kind, constraint_date, deadline, calendar_key, percent_complete, actual_start, actual_finish,
                planned_cost_minor, actual_cost_minor, early_start, early_finish, late_start, late_finish, total_float_minutes, free_float_minutes,
                critical, summary, deadline_missed, created_at, updated_at, version)
            VALUES (@project, @position, @parent, @level, @name, @notes, @duration, @span, @delay, @delayElapsed, @elapsed, @milestone, @manual, @manualStart, @manualFinish,
                @constraint, @constraintDate, @deadline, @calendarKey, @percent, @actualStart, @actualFinish, @plannedCost, @actualCost, @es, @ef, @ls, @lf,
                @tf, @ff, @critical, @summary, @missed, @now, @now, 1)
            RETURNING id
            """, "project", "position", "parent", "level", "name", "notes", "duration", "span", "delay", "delayElapsed", "elapsed", "milestone", "manual", "manualStart", "manualFinish",
            "constraint", "constraintDate", "deadline", "calendarKey", "percent", "actualStart", "actualFinish", "plannedCost", "actualCost", "es", "ef",
            "ls", "lf", "tf", "ff", "critical", "summary", "missed", "now"))
        {
            var position = 0;
            foreach (var task in file.Tasks)
            {
                var t = task.Plan;
                var s = computed.GetValueOrDefault(t.Id);
                long? parent = t.ParentId is { } p && idByUid.TryGetValue(p, out var pid) ? pid : null;
                var name = string.IsNullOrWhiteSpace(t.Name) ? $"Task {t.Id}" : t.Name.Trim();
                idByUid[t.Id] = await insert.ScalarAsync(ct, projectId, position++, parent, parent is null ? 1 : task.OutlineLevel, name[..Math.Min(name.Length, 255)],
                    task.Notes, Math.Max(0, t.DurationMinutes), t.WorkSpanMinutes, t.LevelingDelayMinutes, t.LevelingDelayElapsed, t.ElapsedDuration, t.Milestone, t.Manual, LocalTime.ToText(t.ManualStart),
                    LocalTime.ToText(t.ManualFinish), t.Constraint, LocalTime.ToText(t.ConstraintDate), LocalTime.ToText(t.Deadline), t.CalendarKey,
                    Math.Clamp(t.PercentComplete, 0, 100), LocalTime.ToText(t.ActualStart), LocalTime.ToText(t.ActualFinish),
                    Math.Max(0, task.PlannedCostMinor), Math.Max(0, task.ActualCostMinor), LocalTime.ToText(s?.EarlyStart), LocalTime.ToText(s?.EarlyFinish),
                    LocalTime.ToText(s?.LateStart), LocalTime.ToText(s?.LateFinish), s?.TotalFloatMinutes ?? 0, s?.FreeFloatMinutes ?? 0, s?.Critical ?? false,
                    s?.Summary ?? false, s?.DeadlineMissed ?? false, now);
            }
        }

        var links = file.Links.Where(l => idByUid.ContainsKey(l.PredecessorId) && idByUid.ContainsKey(l.SuccessorId) && l.PredecessorId != l.SuccessorId)
            .DistinctBy(l => (l.PredecessorId, l.SuccessorId)).ToList();
        await using (var insertLink = new BatchCommand(connection, tx, """
            INSERT INTO waterfall_link (project_id, predecessor_id, successor_id, link_type, lag, lag_unit) VALUES (@project, @pred, @succ, @type, @lag, @unit)
            """, "project", "pred", "succ", "type", "lag", "unit"))
            foreach (var l in links)
                await insertLink.ExecuteAsync(ct, projectId, idByUid[l.PredecessorId], idByUid[l.SuccessorId], l.Type, l.Lag, l.LagUnit);

        var assignments = file.Assignments.Where(a => idByUid.ContainsKey(a.TaskUid) && personByUid.ContainsKey(a.ResourceUid))
            .GroupBy(a => (Task: idByUid[a.TaskUid], Person: personByUid[a.ResourceUid])).ToList();
        await using (var insertAssignment = new BatchCommand(connection, tx, """
            INSERT INTO waterfall_assignment (project_id, task_id, person_id, work_minutes) VALUES (@project, @task, @person, @work)
            """, "project", "task", "person", "work"))
            foreach (var a in assignments)
                await insertAssignment.ExecuteAsync(ct, projectId, a.Key.Task, a.Key.Person, Math.Max(0, a.Sum(x => x.WorkMinutes)));

        await SaveScheduleBoundsAsync(connection, tx, projectId, schedule, now);
        return (idByUid, links.Count, assignments.Count);
    }

    /// <summary>Everything that makes up a plan's content (baselines and settings stay): what an import replaces.</summary>
    public static async Task DeletePlanContentAsync(DbConnection connection, DbTransaction tx, long projectId)
    {
        await connection.ExecuteAsync("DELETE FROM waterfall_link WHERE project_id = @projectId", new { projectId }, tx);
        await connection.ExecuteAsync("DELETE FROM waterfall_assignment WHERE project_id = @projectId", new { projectId }, tx);
        await connection.ExecuteAsync("DELETE FROM waterfall_task WHERE project_id = @projectId", new { projectId }, tx);
        await CalendarStore.DeleteAllAsync(connection, tx, projectId);
    }

    internal static string RowKey(TaskRecord t) => string.Join('|', new object?[]
    {
        t.Position, t.ParentId, t.OutlineLevel, t.Name, t.Notes, t.DurationMinutes, t.WorkSpanMinutes, t.Elapsed, t.Milestone, t.Manual, t.ManualStart, t.ManualFinish,
        t.Constraint, t.ConstraintDate, t.Deadline, t.CalendarKey, t.PercentComplete, t.ActualStart, t.ActualFinish, t.PlannedCostMinor,
        t.ActualCostMinor, t.EarlyStart, t.EarlyFinish, t.LateStart, t.LateFinish, t.TotalFloatMinutes, t.FreeFloatMinutes, t.Critical, t.Summary,
        t.DeadlineMissed, t.Version,
    }.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));
}
