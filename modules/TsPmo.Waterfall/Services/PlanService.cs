using System.Data.Common;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Time;
using TsPmo.Waterfall.Data;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Engine;

namespace TsPmo.Waterfall.Services;

/// <summary>
/// The WBS of one Waterfall project. Every change loads the plan, applies the change, reschedules it with the engine
/// and writes back what moved — all in one write transaction, so the stored schedule always matches the plan and a
/// refused change (bad input, a cycle, a stale version) leaves nothing behind.
/// </summary>
public sealed class PlanService(
    IDbConnectionFactory connections,
    IUnitOfWork work,
    IProjectDirectory projects,
    IPeopleDirectory people,
    IProjectPermissions permissions,
    IOrganizationClock clock)
{
    public async Task<PlanCalculator> ReadAsync(long projectId, CancellationToken ct = default)
    {
        await projects.RequireAsync(projectId, WaterfallModule.Id, ct);
        await using var connection = await connections.OpenAsync(ct);
        return new PlanCalculator(await LoadAsync(connection, null, projectId, ct));
    }

    public async Task<TaskView> GetTaskAsync(long projectId, long taskId, CancellationToken ct = default)
    {
        var plan = await ReadAsync(projectId, ct);
        return plan.Task(plan.State.Find(taskId) ?? throw new NotFoundException("Task", taskId.ToString()));
    }

    public async Task<TaskView> CreateTaskAsync(long projectId, TaskChange change, CancellationToken ct = default)
    {
        var project = await projects.RequireAsync(projectId, WaterfallModule.Id, ct);
        await permissions.DemandAsync(projectId, WaterfallModule.ManagePlan, ct);
        await using var w = await work.BeginAsync(WaterfallModule.Id, projectId, ct);
        var state = await LoadAsync(w.Connection, w.Transaction, projectId, ct);
        // The row exists first so links can name its id; any refusal below rolls it back with the rest.
        var task = new TaskRecord { ProjectId = projectId, Position = int.MaxValue, Name = change.Name?.Trim() ?? "" };
        task.Id = await PlanStore.InsertTaskAsync(w.Connection, w.Transaction, task, w.Stamp);
        state.Tasks.Add(task);
        var (links, assignments) = TaskRules.Apply(state, task, change, isNew: true);
        await SaveChangeAsync(w, project, state, task, links, assignments, ct);
        await w.AuditAsync("task", task.Id, "created", null, task.Snapshot(), ct);
        await w.CommitAsync(ct);
        return new PlanCalculator(state).Task(task);
    }

    /// <summary>Changes the fields <paramref name="change"/> carries; a <paramref name="version"/> older than the task's is refused (409).</summary>
    public async Task<TaskView> UpdateTaskAsync(long projectId, long taskId, TaskChange change, long? version, CancellationToken ct = default)
    {
        var project = await projects.RequireAsync(projectId, WaterfallModule.Id, ct);
        await permissions.DemandAsync(projectId, change.TouchesPlan ? WaterfallModule.ManagePlan : WaterfallModule.EditProgress, ct);
        await using var w = await work.BeginAsync(WaterfallModule.Id, projectId, ct);
        var state = await LoadAsync(w.Connection, w.Transaction, projectId, ct);
        var task = state.Find(taskId) ?? throw new NotFoundException("Task", taskId.ToString());
        WriteScope.CheckVersion(version, task.Version, "Task", $"\"{task.Name}\"");
        var before = task.Snapshot();
        var (links, assignments) = TaskRules.Apply(state, task, change, isNew: false);
        task.Version++;
        await SaveChangeAsync(w, project, state, task, links, assignments, ct);
        await w.AuditAsync("task", taskId, "updated", before, task.Snapshot(), ct);
        await w.CommitAsync(ct);
        return new PlanCalculator(state).Task(task);
    }

    /// <summary>Deletes a task with its subtasks, links and assignments; the rest of the plan is rescheduled.</summary>
    public async Task DeleteTaskAsync(long projectId, long taskId, long? version, CancellationToken ct = default)
    {
        var project = await projects.RequireAsync(projectId, WaterfallModule.Id, ct);
        await permissions.DemandAsync(projectId, WaterfallModule.ManagePlan, ct);
        await using var w = await work.BeginAsync(WaterfallModule.Id, projectId, ct);
        var state = await LoadAsync(w.Connection, w.Transaction, projectId, ct);
        var task = state.Find(taskId) ?? throw new NotFoundException("Task", taskId.ToString());
        WriteScope.CheckVersion(version, task.Version, "Task", $"\"{task.Name}\"");
        var removed = state.Subtree(taskId);
        await PlanStore.DeleteTaskAsync(w.Connection, w.Transaction, taskId);
        state.Tasks.RemoveAll(t => removed.Contains(t.Id));
        state.Links = state.Links.Where(l => !removed.Contains(l.PredecessorId) && !removed.Contains(l.SuccessorId)).ToList();
        state.Assignments = state.Assignments.Where(a => !removed.Contains(a.TaskId)).ToList();
        await RescheduleAndSaveAsync(w, project, state, ct);
        await w.AuditAsync("task", taskId, "deleted", task.Snapshot(), null, ct);
        await w.CommitAsync(ct);
    }

    /// <summary>Reschedules a plan after a change that is not about one task (the calendar, the plan start), in the change's write.</summary>
    internal async Task RescheduleAndSaveAsync(WriteScope w, ProjectInfo project, PlanState state, CancellationToken ct)
    {
        state.Renumber();
        var schedule = Rescheduler.Apply(state, Rescheduler.PlanStart(state.Settings, project.StartDate, clock.Today));
        await PlanStore.SaveChangedTasksAsync(w.Connection, w.Transaction, state, w.Stamp, ct);
        await PlanStore.SaveScheduleBoundsAsync(w.Connection, w.Transaction, project.Id, schedule, w.Stamp);
    }

    /// <summary>The plan with its assignees' names from the people directory (an assignment to someone not in it is not shown).</summary>
    private async Task<PlanState> LoadAsync(DbConnection connection, DbTransaction? tx, long projectId, CancellationToken ct)
    {
        var state = await PlanStore.LoadAsync(connection, tx, projectId);
        if (state.Assignments.Count == 0) return state;
        var names = await people.FindManyAsync(state.Assignments.Select(a => a.PersonId).Distinct(), ct);
        state.Assignments = state.Assignments.Where(a => names.ContainsKey(a.PersonId))
            .Select(a => a with { PersonName = names[a.PersonId].Name }).ToList();
        return state;
    }

    private async Task SaveChangeAsync(WriteScope w, ProjectInfo project, PlanState state, TaskRecord task,
        List<LinkRecord>? links, List<(long PersonId, long Minutes)>? assignments, CancellationToken ct)
    {
        if (links is not null)
        {
            state.Links = state.Links.Where(l => l.SuccessorId != task.Id).Concat(links).ToList();
            await PlanStore.ReplacePredecessorsAsync(w.Connection, w.Transaction, project.Id, task.Id, links);
        }
        if (assignments is not null)
        {
            var found = await people.FindManyAsync(assignments.Select(a => a.PersonId), ct);
            var unknown = assignments.Where(a => !found.ContainsKey(a.PersonId)).Select(a => a.PersonId.ToString()).ToList();
            if (unknown.Count > 0) throw new DomainValidationException("assignments", $"There is no person {string.Join(", ", unknown)} in the directory.");
            var records = assignments.Select(a => new AssignmentRecord(task.Id, a.PersonId, found[a.PersonId].Name, a.Minutes)).ToList();
            state.Assignments = state.Assignments.Where(a => a.TaskId != task.Id).Concat(records).ToList();
            await PlanStore.ReplaceAssignmentsAsync(w.Connection, w.Transaction, project.Id, task.Id, records);
        }
        await RescheduleAndSaveAsync(w, project, state, ct);
    }
}
