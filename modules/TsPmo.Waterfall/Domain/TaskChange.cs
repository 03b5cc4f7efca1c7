namespace TsPmo.Waterfall.Domain;

/// <summary>
/// A create or a partial update of a task, as the API and the forms send it. A null field is "not sent" (unchanged);
/// fields that may be cleared carry a <c>…Set</c> flag so "sent as null" can clear them. Dates are text:
/// a date (<c>2026-03-02</c>, the working day's start or end as the field needs) or a local date-time.
/// </summary>
public sealed class TaskChange
{
    public string? Name { get; set; }
    public string? Notes { get; set; }
    public decimal? DurationDays { get; set; }
    public decimal? DurationHours { get; set; }
    public bool? Elapsed { get; set; }
    public bool ParentIdSet { get; set; }
    public long? ParentId { get; set; }
    public bool? Milestone { get; set; }
    public IReadOnlyList<PredecessorInput>? Predecessors { get; set; }
    public IReadOnlyList<AssignmentInput>? Assignments { get; set; }
    public string? ConstraintType { get; set; }
    public bool ConstraintDateSet { get; set; }
    public string? ConstraintDate { get; set; }
    public bool DeadlineSet { get; set; }
    public string? Deadline { get; set; }
    public decimal? PercentComplete { get; set; }
    public bool ActualStartSet { get; set; }
    public string? ActualStart { get; set; }
    public bool ActualFinishSet { get; set; }
    public string? ActualFinish { get; set; }
    public decimal? PlannedCost { get; set; }
    public decimal? ActualCost { get; set; }

    /// <summary>
    /// True when the change reaches beyond reporting progress (% complete, actual dates and cost, notes): the plan's
    /// structure, durations, links, assignments, constraints or budget, which only the project's managers change.
    /// </summary>
    public bool TouchesPlan =>
        Name is not null || DurationDays is not null || DurationHours is not null || Elapsed is not null || ParentIdSet || Milestone is not null ||
        Predecessors is not null || Assignments is not null || ConstraintType is not null || ConstraintDateSet || DeadlineSet || PlannedCost is not null;
}

/// <summary>A link into the task: from <paramref name="TaskId"/>, type FS/SS/FF/SF, lag in days and/or hours (negative = lead).</summary>
public sealed record PredecessorInput(long TaskId, string? Type = "FS", decimal? LagDays = null, decimal? LagHours = null);

/// <summary>A person on the task with their effort in hours.</summary>
public sealed record AssignmentInput(long PersonId, decimal Hours);
