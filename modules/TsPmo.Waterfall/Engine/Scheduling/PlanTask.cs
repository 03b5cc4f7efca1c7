namespace TsPmo.Waterfall.Engine.Scheduling;

/// <summary>
/// One task as the scheduler sees it. Date-times are project-local wall-clock times (Kind Unspecified).
/// A task with children (some task's <see cref="ParentId"/>) is a summary: its own duration is ignored and its
/// dates roll up; links and constraints on a summary apply to all its children.
/// <see cref="DurationMinutes"/> is working time, or calendar time when <see cref="ElapsedDuration"/>.
/// A task with an actual start keeps its actual dates (finish = actual finish, else actual start + duration) and
/// drives its successors from there; a <see cref="Manual"/> task keeps <see cref="ManualStart"/>/<see cref="ManualFinish"/>.
/// </summary>
public sealed record PlanTask
{
    public required long Id { get; init; }
    public required string Name { get; init; }
    public long? ParentId { get; init; }
    public long DurationMinutes { get; init; }
    public bool ElapsedDuration { get; init; }
    public bool Milestone { get; init; }
    public ConstraintKind Constraint { get; init; }
    public DateTime? ConstraintDate { get; init; }
    public DateTime? Deadline { get; init; }
    public DateTime? ActualStart { get; init; }
    public DateTime? ActualFinish { get; init; }
    public decimal PercentComplete { get; init; }
    public bool Manual { get; init; }
    public DateTime? ManualStart { get; init; }
    public DateTime? ManualFinish { get; init; }

    /// <summary>
    /// When set, the working minutes from the task's start to its finish, used instead of <see cref="DurationMinutes"/>
    /// to place the finish: Microsoft Project's splits and resource-driven spans, read from a file's timephased work.
    /// For a started task (actual start, no actual finish) it is the span from the actual start to the expected finish.
    /// Clear it when the duration is edited. Ignored for elapsed durations.
    /// </summary>
    public long? WorkSpanMinutes { get; init; }

    /// <summary>
    /// Resource levelling's delay of the task after its early start (Microsoft Project's Leveling Delay), in working
    /// minutes of the task's calendar, or calendar minutes when <see cref="LevelingDelayElapsed"/> (Project's default
    /// unit is elapsed days). The engine does not level; it honours a delay a levelled file carries.
    /// </summary>
    public long LevelingDelayMinutes { get; init; }

    public bool LevelingDelayElapsed { get; init; } = true;

    /// <summary>Key into <see cref="PlanInput.TaskCalendars"/>; null = the project calendar.</summary>
    public string? CalendarKey { get; init; }
}
