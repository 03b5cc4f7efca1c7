using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Security;
using TsPmo.Sdk.Web;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Engine;
using TsPmo.Waterfall.Services;

namespace TsPmo.Waterfall.Areas.Waterfall.Pages;

/// <summary>One task: everything about it (links, constraint, deadline, progress, costs, assignee) in one versioned form, and delete.</summary>
public sealed class TaskModel(PlanService plan, IPeopleDirectory people) : ProjectPageModel
{
    protected override string? MethodologyId => WaterfallModule.Id;

    /// <summary>A member reports progress (<see cref="ProjectPageModel.CanEdit"/>); a manager changes the plan (<see cref="ProjectPageModel.CanManage"/>).</summary>
    protected override string WorkPermission => WaterfallModule.EditProgress;
    protected override string ManagePermission => WaterfallModule.ManagePlan;

    [BindProperty] public TaskForm Input { get; set; } = new();
    [BindProperty] public long Version { get; set; }

    public PlanCalculator Reader { get; private set; } = null!;
    public TaskRecord Task { get; private set; } = null!;
    public IReadOnlyList<PersonInfo> People { get; private set; } = [];

    /// <summary>Set when a save was refused as stale: the form then carries the task's current version, so saving again is a deliberate overwrite.</summary>

    public async Task<IActionResult> OnGetAsync(long id, long taskId, CancellationToken ct)
    {
        await LoadAsync(id, taskId, ct);
        var t = Task;
        var assignment = Reader.State.Assignments.FirstOrDefault(a => a.TaskId == t.Id);
        Input = new TaskForm
        {
            Name = t.Name, DurationDays = Reader.Days(t.DurationMinutes), ParentId = t.ParentId, Predecessors = PredecessorText.Format(Reader, t.Id),
            Milestone = t.Milestone, Elapsed = t.Elapsed, ConstraintType = ConstraintCodes.Code(t.Constraint), ConstraintDate = t.ConstraintDate?.ToString("yyyy-MM-dd"),
            Deadline = t.Deadline?.ToString("yyyy-MM-dd"), PercentComplete = t.PercentComplete, ActualStart = t.ActualStart?.ToString("yyyy-MM-dd"),
            ActualFinish = t.ActualFinish?.ToString("yyyy-MM-dd"), PlannedCost = t.PlannedCostMinor / 100m, ActualCost = t.ActualCostMinor / 100m, Notes = t.Notes,
            AssigneeId = assignment?.PersonId, KeepAssignments = Reader.State.Assignments.Count(a => a.TaskId == t.Id) > 1, AssigneeHours = assignment is null ? null : assignment.WorkMinutes / 60m,
        };
        Version = t.Version;
        return Page();
    }

    [ProjectPermission(WaterfallModule.EditProgress)]
    public async Task<IActionResult> OnPostAsync(long id, long taskId, CancellationToken ct)
    {
        await LoadAsync(id, taskId, ct);
        // A member's form has the plan fields disabled, so only progress is sent and only progress may change.
        var change = CanManage ? Input.ToUpdate(Reader) : Input.ToProgressUpdate();
        var saved = await plan.UpdateTaskAsync(id, taskId, change, Version, ct);
        TempData.Success($"\"{saved.Name}\" saved: {saved.Start:yyyy-MM-dd} to {saved.Finish:yyyy-MM-dd}.");
        return RedirectToPage("/Plan", new { area = "Waterfall", id });
    }

    /// <summary>Deletes the task (and a summary's subtasks) after an explicit confirmation, since links and progress go with it.</summary>
    [ProjectPermission(WaterfallModule.ManagePlan)]
    public async Task<IActionResult> OnPostDeleteAsync(long id, long taskId, bool confirm, CancellationToken ct)
    {
        await LoadAsync(id, taskId, ct);
        if (!confirm)
        {
            ModelState.AddModelError("confirm", "Tick the box to confirm that the task should be deleted.");
            return await OnGetAsync(id, taskId, ct);
        }
        await plan.DeleteTaskAsync(id, taskId, Version, ct);
        TempData.Success($"\"{Task.Name}\" was deleted.");
        return RedirectToPage("/Plan", new { area = "Waterfall", id });
    }


    /// <summary>The typed values stay; after a conflict the task's current version lets a second save deliberately replace the other change.</summary>
    protected override async Task ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(Convert.ToInt64(RouteData.Values["id"], CultureInfo.InvariantCulture), Convert.ToInt64(RouteData.Values["taskId"], CultureInfo.InvariantCulture), ct);
        if (RefusedAsStale) Version = Task.Version;
    }

    private async Task LoadAsync(long id, long taskId, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Task", ct);
        ViewData["WfSection"] = "plan";
        Reader = await plan.ReadAsync(id, ct);
        Task = Reader.State.Find(taskId) ?? throw new NotFoundException("Task", taskId.ToString());
        People = await people.ListAsync(ct);
    }
}
