using TsPmo.Sdk.Data;
using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Engine.Scheduling;

namespace TsPmo.Waterfall.Engine;

/// <summary>
/// Runs the critical path engine over a loaded plan and copies its answer onto the task rows, so reads, pages and
/// ports never reschedule. A cycle becomes a validation error naming the tasks; the caller's transaction is then
/// never committed, so nothing changes.
/// </summary>
public static class Rescheduler
{
    /// <summary>The plan start: the plan's own (set by an import), else the project's start date, else today (the engine moves it to a working moment).</summary>
    public static DateTime PlanStart(PlanSettings settings, DateOnly? projectStart, DateOnly today) =>
        settings.PlanStart ?? (projectStart ?? today).ToDateTime(TimeOnly.MinValue);

    public static PlanInput Input(PlanState state, DateTime start) =>
        new(start, state.Calendar, state.Tasks.Select(t => t.ToPlanTask()).ToList(), state.Links.Select(l => l.ToPlanLink()).ToList())
        {
            MinutesPerDay = state.Settings.MinutesPerDay,
            HonorConstraintDates = state.Settings.HonorConstraintDates,
            TaskCalendars = state.Calendars.Where(c => c.Key != "").ToDictionary(c => c.Key, c => c.Value),
        };

    /// <summary>Computes the schedule and writes it onto <paramref name="state"/>'s tasks; null for an empty plan.</summary>
    public static Schedule? Apply(PlanState state, DateTime start)
    {
        if (state.Tasks.Count == 0) return null;
        Schedule schedule;
        try
        {
            schedule = CpmScheduler.Compute(Input(state, start));
        }
        catch (DependencyCycleException ex)
        {
            throw new DomainValidationException("predecessors", ex.Message);
        }
        var byId = state.Tasks.ToDictionary(t => t.Id);
        foreach (var s in schedule.Tasks)
        {
            if (!byId.TryGetValue(s.Id, out var t)) continue;
            t.EarlyStart = s.EarlyStart;
            t.EarlyFinish = s.EarlyFinish;
            t.LateStart = s.LateStart;
            t.LateFinish = s.LateFinish;
            t.TotalFloatMinutes = s.TotalFloatMinutes;
            t.FreeFloatMinutes = s.FreeFloatMinutes;
            t.Critical = s.Critical;
            t.Summary = s.Summary;
            t.DeadlineMissed = s.DeadlineMissed;
        }
        return schedule;
    }
}
