using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Time;
using TsPmo.Waterfall.Data;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Engine;
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
    IUnitOfWork work,
    IProjectDirectory projects,
    PlanService plan,
    IProjectPermissions permissions,
    IPeopleRegistration registration,
    IPeopleDirectory people,
    IOrganizationClock clock)
{
    public const long MaxBytes = 20_000_000;
    public const string TooLarge = "The file is larger than 20 MB.";

    /// <summary>Tasks in one imported plan: scheduling, the Gantt and earned value stay responsive below it.</summary>
    public const int MaxTasks = 5_000;

    public async Task<ImportResult> ImportAsync(long projectId, Stream xml, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, WaterfallModule.Id, ct);
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

        await using var w = await work.BeginAsync(WaterfallModule.Id, projectId, ct);
        var before = await PlanStore.CountTasksAsync(w.Connection, w.Transaction, projectId);
        var (_, links, assignments) = await PlanStore.ReplacePlanAsync(w.Connection, w.Transaction, projectId, file, schedule, personByUid, w.Stamp, ct);
        var result = new ImportResult(file.Tasks.Count, links, personByUid.Count, assignments, 1 + file.TaskCalendars.Count, LocalTime.ToText(file.Start));
        await w.AuditAsync("plan", projectId, "imported", new { tasks = before }, new { file.Name, result }, ct);
        await w.CommitAsync(ct);
        return result;
    }

    /// <summary>The plan as MSPDI, with the stored schedule's dates; resources are the people assigned (UID = person id).</summary>
    public async Task<(string FileName, byte[] Xml)> ExportAsync(long projectId, CancellationToken ct = default)
    {
        var project = await projects.RequireAsync(projectId, WaterfallModule.Id, ct);
        var reader = await plan.ReadAsync(projectId, ct);
        var state = reader.State;
        var start = state.Tasks.Where(t => t.EarlyStart is not null).Select(t => t.EarlyStart!.Value).DefaultIfEmpty(Rescheduler.PlanStart(state.Settings, project.StartDate, clock.Today)).Min();
        var finish = state.Tasks.Where(t => t.EarlyFinish is not null).Select(t => t.EarlyFinish!.Value).DefaultIfEmpty(start).Max();
        var assigned = state.Assignments.Select(a => a.PersonId).Distinct().ToList();
        var found = await people.FindManyAsync(assigned, ct);
        var resources = assigned.Where(found.ContainsKey).Select(id => new MspdiResource(id, found[id].Name, found[id].Email)).ToList();
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
