using Dapper;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Time;
using TsPmo.Waterfall.Data;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Engine;
using TsPmo.Waterfall.Engine.Calendars;
using TsPmo.Waterfall.Engine.Mspdi;
using TsPmo.Waterfall.Engine.Scheduling;

namespace TsPmo.Waterfall.Services;

/// <summary>
/// Microsoft Project XML in and out. An import replaces the project's plan (tasks, links, assignments, calendars,
/// and the baselines and earned value records that pointed at the old tasks) in one transaction. It is checked in
/// full first — the file read and the plan scheduled with the file's own ids — so a malformed file or a cycle is
/// refused before anything is written.
/// </summary>
public sealed class MspdiService(
    IDbConnectionFactory connections,
    PlanService plan,
    IProjectPermissions permissions,
    IPeopleRegistration registration,
    IPeopleDirectory people,
    IAuditLog audit,
    IOrganizationClock clock)
{
    public const long MaxBytes = 20_000_000;
    public const string TooLarge = "The file is larger than 20 MB.";

    /// <summary>Tasks in one imported plan: scheduling, the Gantt and earned value stay responsive below it.</summary>
    public const int MaxTasks = 5_000;

    public async Task<ImportResult> ImportAsync(long projectId, Stream xml, CancellationToken ct = default)
    {
        await plan.RequireWaterfallAsync(projectId, ct);
        await permissions.DemandAsync(projectId, WaterfallModule.ManagePlan, ct);
        MspdiProject file;
        try
        {
            file = MspdiReader.Read(xml);
        }
        catch (MspdiFormatException ex)
        {
            throw new DomainValidationException("file", ex.Message);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException or InvalidOperationException or System.Xml.XmlException)
        {
            // The reader promises MspdiFormatException; anything else from a strange file is still the file's fault, not a server error.
            throw new DomainValidationException("file", "The file could not be read as Microsoft Project XML: " + ex.Message);
        }
        if (file.Tasks.Count == 0) throw new DomainValidationException("file", "The file has no tasks to import.");
        if (file.Tasks.Count > MaxTasks)
            throw new DomainValidationException("file", $"The file has {file.Tasks.Count:N0} tasks; one plan holds at most {MaxTasks:N0}. Split the project.");
        if (file.MinutesPerDay is < 1 or > 1440) throw new DomainValidationException("file", "The file's minutes per day must be between 1 and 1440.");

        var input = new PlanInput(file.Start, file.Calendar, file.Tasks.Select(t => t.Plan).ToList(), file.Links)
        {
            MinutesPerDay = file.MinutesPerDay, TaskCalendars = file.TaskCalendars, HonorConstraintDates = file.HonorConstraintDates,
        };
        Schedule schedule;
        try
        {
            schedule = CpmScheduler.Compute(input);
        }
        catch (DependencyCycleException ex)
        {
            throw new DomainValidationException("file", ex.Message);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or OverflowException)
        {
            throw new DomainValidationException("file", "The plan in the file cannot be scheduled: " + ex.Message);
        }
        // People are matched (or created) through core before the plan's transaction; core audits each creation.
        var uids = file.Assignments.Select(a => a.ResourceUid).ToHashSet();
        var personByUid = new Dictionary<long, long>();
        foreach (var r in file.Resources.Where(r => uids.Contains(r.Uid) && !string.IsNullOrWhiteSpace(r.Name)))
            personByUid[r.Uid] = (await registration.MatchOrCreateAsync(r.Name.Trim(), string.IsNullOrWhiteSpace(r.Email) ? null : r.Email.Trim(), ct)).Id;

        var now = StoredTime.Format(clock.UtcNow);
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM waterfall_task WHERE project_id = @projectId", new { projectId }, tx);
        var (_, links, assignments) = await WritePlanAsync(connection, tx, projectId, file, schedule, personByUid, now, ct);
        var result = new ImportResult(file.Tasks.Count, links, personByUid.Count, assignments, 1 + file.TaskCalendars.Count, LocalTime.ToText(file.Start));
        await audit.WriteAsync(connection, tx, new AuditEntry(WaterfallModule.Id, "plan", projectId.ToString(), "imported",
            new { tasks = before }, new { file.Name, result }) { ProjectId = projectId }, ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// Replaces a project's plan with <paramref name="file"/> and its computed <paramref name="schedule"/> (ids = the file's UIDs),
    /// with prepared batch inserts. Shared by the import and the demo seeder. Returns the new task id of each UID.
    /// </summary>
    internal static async Task<(Dictionary<long, long> IdByUid, int Links, int Assignments)> WritePlanAsync(System.Data.Common.DbConnection connection,
        System.Data.Common.DbTransaction tx, long projectId, MspdiProject file, Schedule schedule, IReadOnlyDictionary<long, long> personByUid, string now, CancellationToken ct)
    {
        var computed = schedule.Tasks.ToDictionary(t => t.Id);
        // The replaced calendar's version carries on, so a form opened on the old calendar cannot match the new one's numbering.
        var calendarVersion = await CalendarStore.VersionAsync(connection, tx, projectId);
        await PlanStore.DeletePlanContentAsync(connection, tx, projectId);
        await connection.ExecuteAsync("DELETE FROM waterfall_baseline WHERE project_id = @projectId", new { projectId }, tx);
        await PlanStore.SaveSettingsAsync(connection, tx, new PlanSettings(projectId, file.Start, file.MinutesPerDay, file.MinutesPerWeek, file.DaysPerMonth,
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

        await PlanStore.SaveScheduleBoundsAsync(connection, tx, projectId, schedule, now);
        return (idByUid, links.Count, assignments.Count);
    }

    /// <summary>The plan as MSPDI, with the stored schedule's dates; resources are the people assigned (UID = person id).</summary>
    public async Task<(string FileName, byte[] Xml)> ExportAsync(long projectId, CancellationToken ct = default)
    {
        var project = await plan.RequireWaterfallAsync(projectId, ct);
        var reader = await plan.ReadAsync(projectId, ct);
        var state = reader.State;
        var start = state.Tasks.Where(t => t.EarlyStart is not null).Select(t => t.EarlyStart!.Value).DefaultIfEmpty(Rescheduler.PlanStart(state.Settings, project.StartDate, clock.Today)).Min();
        var finish = state.Tasks.Where(t => t.EarlyFinish is not null).Select(t => t.EarlyFinish!.Value).DefaultIfEmpty(start).Max();
        var assigned = state.Assignments.Select(a => a.PersonId).Distinct().ToList();
        var resources = new List<MspdiResource>();
        foreach (var id in assigned)
            if (await people.FindAsync(id, ct) is { } person) resources.Add(new MspdiResource(person.Id, person.Name, person.Email));
        var mspdi = new MspdiProject
        {
            Name = project.Name, Start = start, Finish = finish, StatusDate = state.Settings.StatusDate?.ToDateTime(new TimeOnly(17, 0)),
            MinutesPerDay = state.Settings.MinutesPerDay, MinutesPerWeek = state.Settings.MinutesPerWeek, DaysPerMonth = state.Settings.DaysPerMonth,
            CurrencyCode = state.Settings.Currency, Calendar = state.Calendar, HonorConstraintDates = state.Settings.HonorConstraintDates,
            TaskCalendars = state.Calendars.Where(c => c.Key != CalendarStore.ProjectKey).ToDictionary(c => c.Key, c => c.Value),
            Tasks = state.Tasks.Select(t => new MspdiTask(t.ToPlanTask(), t.OutlineLevel, reader.Wbs(t.Id), t.EarlyStart, t.EarlyFinish, t.Critical,
                reader.Rollup(t.Id).PlannedMinor, reader.Rollup(t.Id).ActualMinor, t.Notes)).ToList(),
            Links = state.Links.Select(l => l.ToPlanLink()).ToList(),
            Resources = resources,
            Assignments = state.Assignments.Select(a => new MspdiAssignment(a.TaskId, a.PersonId, a.WorkMinutes)).ToList(),
        };
        var schedule = new Schedule(start, finish, state.Tasks.Select(t => new ScheduledTask(t.Id, t.EarlyStart ?? start, t.EarlyFinish ?? start,
            t.LateStart ?? start, t.LateFinish ?? start, t.TotalFloatMinutes, t.FreeFloatMinutes, t.Critical, reader.IsSummary(t), t.DeadlineMissed)).ToList(),
            state.Tasks.Where(t => t.Critical && !reader.IsSummary(t)).Select(t => t.Id).ToList());
        using var output = new MemoryStream();
        MspdiWriter.Write(mspdi, schedule, output);
        return ($"{project.Code}.xml", output.ToArray());
    }
}
