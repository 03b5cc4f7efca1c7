using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Engine;

namespace TsPmo.Waterfall.Areas.Waterfall.Pages;

/// <summary>The task form's fields as posted (dates as yyyy-MM-dd, predecessors in the ID column's syntax).</summary>
public sealed class TaskForm
{
    public string? Name { get; set; }
    public decimal? DurationDays { get; set; }
    public long? ParentId { get; set; }
    public string? Predecessors { get; set; }
    public bool Milestone { get; set; }
    public bool Elapsed { get; set; }
    public string? ConstraintType { get; set; }
    public string? ConstraintDate { get; set; }
    public string? Deadline { get; set; }
    public decimal? PercentComplete { get; set; }
    public string? ActualStart { get; set; }
    public string? ActualFinish { get; set; }
    public decimal? PlannedCost { get; set; }
    public decimal? ActualCost { get; set; }
    public string? Notes { get; set; }
    public long? AssigneeId { get; set; }
    public decimal? AssigneeHours { get; set; }

    /// <summary>Set when the task has several assignees (from an import): the one-assignee fields are not shown and leave them alone.</summary>
    public bool KeepAssignments { get; set; }

    /// <summary>The add form: a name, a duration, a parent, links and the milestone flag.</summary>
    public TaskChange ToCreate(PlanCalculator plan) => new()
    {
        Name = Name ?? "", DurationDays = Milestone ? 0 : DurationDays ?? 1, ParentIdSet = true, ParentId = ParentId, Milestone = Milestone,
        Predecessors = PredecessorText.Parse(plan, Predecessors),
    };

    /// <summary>The edit form sends every field: empty ones clear what they stand for.</summary>
    public TaskChange ToUpdate(PlanCalculator plan) => new()
    {
        Name = Name ?? "", DurationDays = Milestone ? 0 : DurationDays ?? 0, Elapsed = Elapsed, ParentIdSet = true, ParentId = ParentId, Milestone = Milestone,
        Predecessors = PredecessorText.Parse(plan, Predecessors), ConstraintType = ConstraintType ?? "ASAP", ConstraintDateSet = true,
        ConstraintDate = ConstraintDate, DeadlineSet = true, Deadline = Deadline, PercentComplete = PercentComplete ?? 0, ActualStartSet = true,
        ActualStart = ActualStart, ActualFinishSet = true, ActualFinish = ActualFinish, PlannedCost = PlannedCost ?? 0, ActualCost = ActualCost ?? 0,
        Notes = Notes ?? "", Assignments = KeepAssignments ? null : AssigneeId is { } person ? [new AssignmentInput(person, AssigneeHours ?? 0)] : [],
    };

    /// <summary>Only what a project member reports: % complete, actual dates and cost, notes.</summary>
    public TaskChange ToProgressUpdate() => new()
    {
        PercentComplete = PercentComplete ?? 0, ActualStartSet = true, ActualStart = ActualStart, ActualFinishSet = true, ActualFinish = ActualFinish,
        ActualCost = ActualCost ?? 0, Notes = Notes ?? "",
    };
}
