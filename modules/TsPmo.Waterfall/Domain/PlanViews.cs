namespace TsPmo.Waterfall.Domain;

/// <summary>A link as the API shows it: from <paramref name="TaskId"/>, type FS/SS/FF/SF, lag in days of the plan.</summary>
public sealed record PredecessorView(long TaskId, string Type, decimal LagDays);

public sealed record AssignmentView(long PersonId, string Name, decimal Hours);

/// <summary>One task with its inputs, its roll-ups (summaries) and its computed schedule. Money in major units.</summary>
public sealed record TaskView(
    long Id, string Name, long? ParentId, int OutlineLevel, string Wbs, int Row, bool Summary, bool Milestone,
    decimal DurationDays, long DurationMinutes, bool Elapsed, string ConstraintType, string? ConstraintDate, string? Deadline,
    decimal PercentComplete, string? ActualStart, string? ActualFinish, decimal PlannedCost, decimal ActualCost, decimal WorkHours,
    IReadOnlyList<PredecessorView> Predecessors, IReadOnlyList<AssignmentView> Assignments,
    DateOnly? Start, DateOnly? Finish, string? EarlyStartAt, string? EarlyFinishAt, decimal TotalFloatDays, bool Critical, bool DeadlineMissed,
    string? Notes, long Version);

/// <summary>The computed schedule as <c>GET …/waterfall/schedule</c> answers it: days as Microsoft Project shows them, floats in days.</summary>
public sealed record ScheduleView(DateOnly? Start, DateOnly? Finish, IReadOnlyList<long> CriticalPath, IReadOnlyList<ScheduleTaskView> Tasks);

public sealed record ScheduleTaskView(
    long Id, string Name, long? ParentId, int OutlineLevel, bool Summary, bool Milestone,
    DateOnly? EarlyStart, DateOnly? EarlyFinish, DateOnly? LateStart, DateOnly? LateFinish,
    string? EarlyStartAt, string? EarlyFinishAt, string? LateStartAt, string? LateFinishAt,
    decimal TotalFloatDays, decimal FreeFloatDays, bool Critical, decimal PercentComplete, bool DeadlineMissed);
