namespace TsPmo.Waterfall.Engine.Scheduling;

/// <summary>A task's computed dates (project-local) and floats in working minutes of the project calendar.</summary>
public sealed record ScheduledTask(
    long Id,
    DateTime EarlyStart,
    DateTime EarlyFinish,
    DateTime LateStart,
    DateTime LateFinish,
    long TotalFloatMinutes,
    long FreeFloatMinutes,
    bool Critical,
    bool Summary,
    bool DeadlineMissed);
