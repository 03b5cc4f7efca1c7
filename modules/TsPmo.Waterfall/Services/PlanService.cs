using System.Data.Common;
using Dapper;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Time;
using TsPmo.Waterfall.Data;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Engine;
using TsPmo.Waterfall.Engine.Calendars;
using TsPmo.Waterfall.Engine.Scheduling;

namespace TsPmo.Waterfall.Services;

/// <summary>
/// The WBS of one Waterfall project. Every change loads the plan, applies the change, reschedules it with the engine
/// and writes back what moved — all in one write transaction, so the stored schedule always matches the plan and a
/// refused change (bad input, a cycle, a stale version) leaves nothing behind.
/// </summary>
public sealed class PlanService(
    IDbConnectionFactory connections,
    IProjectDirectory projects,
    IProjectPermissions permissions,
    IAuditLog audit,
    IOrganizationClock clock)
{
    public async Task<ProjectInfo> RequireWaterfallAsync(long projectId, CancellationToken ct)
    {
        var project = await projects.FindAsync(projectId, ct) ?? throw new NotFoundException("Project", projectId.ToString());
        if (project.MethodologyId != WaterfallModule.Id)
            throw new NotFoundException("Schedule of project", $"{project.Code} (it is run with {project.MethodologyId})");
        return project;
    }

    public async Task<PlanCalculator> ReadAsync(long projectId, CancellationToken ct = default)
    {
        await RequireWaterfallAsync(projectId, ct);
        await using var connection = await connections.OpenAsync(ct);
        return new PlanCalculator(await PlanStore.LoadAsync(connection, null, projectId));
    }

    public async Task<TaskView> GetTaskAsync(long projectId, long taskId, CancellationToken ct = default)
    {
        var reader = await ReadAsync(projectId, ct);
        return reader.Task(reader.State.Find(taskId) ?? throw new NotFoundException("Task", taskId.ToString()));
    }

    public async Task<TaskView> CreateTaskAsync(long projectId, TaskChange change, CancellationToken ct = default)
    {
        var project = await RequireWaterfallAsync(projectId, ct);
        await permissions.DemandAsync(projectId, WaterfallModule.ManagePlan, ct);
        var now = Stamp();
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var state = await PlanStore.LoadAsync(connection, tx, projectId);
        // The row exists first so links can name its id; any refusal below rolls it back with the rest.
        var task = new TaskRecord { ProjectId = projectId, Position = int.MaxValue, Name = change.Name?.Trim() ?? "" };
        task.Id = await PlanStore.InsertTaskAsync(connection, tx, task, now);
        state.Tasks.Add(task);
        var (links, assignments) = TaskRules.Apply(state, task, change, isNew: true);
        await SaveChangeAsync(connection, tx, project, state, task, links, assignments, now, ct);
        await audit.WriteAsync(connection, tx, new AuditEntry(WaterfallModule.Id, "task", task.Id.ToString(), "created", null, task.Snapshot()) { ProjectId = projectId }, ct);
        await tx.CommitAsync(ct);
        return new PlanCalculator(state).Task(task);
    }

    /// <summary>Changes the fields <paramref name="change"/> carries; a <paramref name="version"/> older than the task's is refused (409).</summary>
    public async Task<TaskView> UpdateTaskAsync(long projectId, long taskId, TaskChange change, long? version, CancellationToken ct = default)
    {
        var project = await RequireWaterfallAsync(projectId, ct);
        await permissions.DemandAsync(projectId, change.TouchesPlan ? WaterfallModule.ManagePlan : WaterfallModule.EditProgress, ct);
        var now = Stamp();
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var state = await PlanStore.LoadAsync(connection, tx, projectId);
        var task = state.Find(taskId) ?? throw new NotFoundException("Task", taskId.ToString());
        if (version is { } v && v != task.Version) throw new ConcurrencyConflictException("Task", $"\"{task.Name}\"");
        var before = task.Snapshot();
        var (links, assignments) = TaskRules.Apply(state, task, change, isNew: false);
        task.Version++;
        await SaveChangeAsync(connection, tx, project, state, task, links, assignments, now, ct);
        await audit.WriteAsync(connection, tx, new AuditEntry(WaterfallModule.Id, "task", taskId.ToString(), "updated", before, task.Snapshot()) { ProjectId = projectId }, ct);
        await tx.CommitAsync(ct);
        return new PlanCalculator(state).Task(task);
    }

    /// <summary>Deletes a task with its subtasks, links and assignments; the rest of the plan is rescheduled.</summary>
    public async Task DeleteTaskAsync(long projectId, long taskId, long? version, CancellationToken ct = default)
    {
        var project = await RequireWaterfallAsync(projectId, ct);
        await permissions.DemandAsync(projectId, WaterfallModule.ManagePlan, ct);
        var now = Stamp();
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var state = await PlanStore.LoadAsync(connection, tx, projectId);
        var task = state.Find(taskId) ?? throw new NotFoundException("Task", taskId.ToString());
        if (version is { } v && v != task.Version) throw new ConcurrencyConflictException("Task", $"\"{task.Name}\"");
        var removed = state.Subtree(taskId);
        await connection.ExecuteAsync("DELETE FROM waterfall_task WHERE id = @taskId", new { taskId }, tx);
        state.Tasks.RemoveAll(t => removed.Contains(t.Id));
        state.Links = state.Links.Where(l => !removed.Contains(l.PredecessorId) && !removed.Contains(l.SuccessorId)).ToList();
        state.Assignments = state.Assignments.Where(a => !removed.Contains(a.TaskId)).ToList();
        await RescheduleAndSaveAsync(connection, tx, project, state, now, ct);
        await audit.WriteAsync(connection, tx, new AuditEntry(WaterfallModule.Id, "task", taskId.ToString(), "deleted", task.Snapshot(), null) { ProjectId = projectId }, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Reschedules a plan after a change that is not about one task (the calendar, the plan start).</summary>
    internal async Task RescheduleAndSaveAsync(DbConnection connection, DbTransaction tx, ProjectInfo project, PlanState state, string now, CancellationToken ct)
    {
        state.Renumber();
        var schedule = Rescheduler.Apply(state, Rescheduler.PlanStart(state.Settings, project.StartDate, clock.Today));
        await PlanStore.SaveChangedTasksAsync(connection, tx, state, now, ct);
        await PlanStore.SaveScheduleBoundsAsync(connection, tx, project.Id, schedule, now);
    }

    private async Task SaveChangeAsync(DbConnection connection, DbTransaction tx, ProjectInfo project, PlanState state, TaskRecord task,
        List<LinkRecord>? links, List<(long PersonId, long Minutes)>? assignments, string now, CancellationToken ct)
    {
        if (links is not null)
        {
            state.Links = state.Links.Where(l => l.SuccessorId != task.Id).Concat(links).ToList();
            await PlanStore.ReplacePredecessorsAsync(connection, tx, project.Id, task.Id, links);
        }
        if (assignments is not null)
        {
            var people = (await connection.QueryAsync<(long Id, string Name)>("SELECT id, name FROM core_person WHERE id IN @ids",
                new { ids = assignments.Select(a => a.PersonId).ToArray() }, tx)).ToDictionary(p => p.Id, p => p.Name);
            var unknown = assignments.Where(a => !people.ContainsKey(a.PersonId)).Select(a => a.PersonId.ToString()).ToList();
            if (unknown.Count > 0) throw new DomainValidationException("assignments", $"There is no person {string.Join(", ", unknown)} in the directory.");
            var records = assignments.Select(a => new AssignmentRecord(task.Id, a.PersonId, people[a.PersonId], a.Minutes)).ToList();
            state.Assignments = state.Assignments.Where(a => a.TaskId != task.Id).Concat(records).ToList();
            await PlanStore.ReplaceAssignmentsAsync(connection, tx, project.Id, task.Id, records);
        }
        await RescheduleAndSaveAsync(connection, tx, project, state, now, ct);
    }

    private string Stamp() => StoredTime.Format(clock.UtcNow);
}
