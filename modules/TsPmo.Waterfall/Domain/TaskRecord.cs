using TsPmo.Waterfall.Engine.Scheduling;

namespace TsPmo.Waterfall.Domain;

/// <summary>
/// One WBS row as stored: what the user entered and, below, what the scheduler computed for it. Mutable because a
/// change is applied to the loaded plan in memory, rescheduled, then written back in the same transaction.
/// </summary>
public sealed class TaskRecord
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public int Position { get; set; }
    public long? ParentId { get; set; }
    public int OutlineLevel { get; set; } = 1;
    public string Name { get; set; } = "";
    public string? Notes { get; set; }
    public long DurationMinutes { get; set; }

    /// <summary>An imported task's span of timephased work (see <see cref="PlanTask.WorkSpanMinutes"/>); dropped when the duration is edited.</summary>
    public long? WorkSpanMinutes { get; set; }
    public long LevelingDelayMinutes { get; set; }
    public bool LevelingDelayElapsed { get; set; } = true;
    public bool Elapsed { get; set; }
    public bool Milestone { get; set; }
    public bool Manual { get; set; }
    public DateTime? ManualStart { get; set; }
    public DateTime? ManualFinish { get; set; }
    public ConstraintKind Constraint { get; set; }
    public DateTime? ConstraintDate { get; set; }
    public DateTime? Deadline { get; set; }
    public string? CalendarKey { get; set; }
    public decimal PercentComplete { get; set; }
    public DateTime? ActualStart { get; set; }
    public DateTime? ActualFinish { get; set; }
    public long PlannedCostMinor { get; set; }
    public long ActualCostMinor { get; set; }
    public long Version { get; set; } = 1;

    // Computed by the scheduler.
    public DateTime? EarlyStart { get; set; }
    public DateTime? EarlyFinish { get; set; }
    public DateTime? LateStart { get; set; }
    public DateTime? LateFinish { get; set; }
    public long TotalFloatMinutes { get; set; }
    public long FreeFloatMinutes { get; set; }
    public bool Critical { get; set; }
    public bool Summary { get; set; }
    public bool DeadlineMissed { get; set; }

    public PlanTask ToPlanTask() => new()
    {
        Id = Id, Name = Name, ParentId = ParentId, DurationMinutes = DurationMinutes, ElapsedDuration = Elapsed, Milestone = Milestone,
        Constraint = Constraint, ConstraintDate = ConstraintDate, Deadline = Deadline, ActualStart = ActualStart, ActualFinish = ActualFinish,
        PercentComplete = PercentComplete, Manual = Manual, ManualStart = ManualStart, ManualFinish = ManualFinish, CalendarKey = CalendarKey,
        WorkSpanMinutes = WorkSpanMinutes, LevelingDelayMinutes = LevelingDelayMinutes, LevelingDelayElapsed = LevelingDelayElapsed,
    };

    public TaskRecord Clone() => (TaskRecord)MemberwiseClone();

    /// <summary>What the audit log keeps of a task: the user's fields, not the computed ones.</summary>
    public object Snapshot() => new
    {
        Id, Name, ParentId, Position, DurationMinutes, Elapsed, Milestone, Constraint = Constraint.ToString(), ConstraintDate = LocalTime.ToText(ConstraintDate),
        Deadline = LocalTime.ToText(Deadline), PercentComplete, ActualStart = LocalTime.ToText(ActualStart), ActualFinish = LocalTime.ToText(ActualFinish),
        PlannedCostMinor, ActualCostMinor, Version,
    };
}

/// <summary>A dependency as stored (lag in minutes, or percent for <see cref="LagUnit.PercentOfPredecessor"/>).</summary>
public sealed record LinkRecord(long PredecessorId, long SuccessorId, LinkType Type, long Lag, LagUnit LagUnit)
{
    public PlanLink ToPlanLink() => new(PredecessorId, SuccessorId, Type, Lag, LagUnit);
}

/// <summary>A person assigned to a task with the work (minutes) they put into it.</summary>
public sealed record AssignmentRecord(long TaskId, long PersonId, string PersonName, long WorkMinutes);

/// <summary>Per-project plan settings: the plan start (from an import), the day length, currency and status date.</summary>
public sealed record PlanSettings(long ProjectId, DateTime? PlanStart, int MinutesPerDay, int MinutesPerWeek, int DaysPerMonth, string? Currency,
    DateOnly? StatusDate, long Version)
{
    /// <summary>Whether constraint dates win over links (Microsoft Project's default).</summary>
    public bool HonorConstraintDates { get; init; } = true;

    public static PlanSettings Default(long projectId) => new(projectId, null, 480, 2400, 20, null, null, 0);
}
