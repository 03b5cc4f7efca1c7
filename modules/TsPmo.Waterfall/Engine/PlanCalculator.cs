using TsPmo.Waterfall.Domain;
using TsPmo.Waterfall.Engine.Calendars;

namespace TsPmo.Waterfall.Engine;

/// <summary>
/// Turns a loaded plan into what people read: days as Microsoft Project shows them (a finish at the end of a day is that
/// day; a milestone sits on the day it falls on), summary roll-ups of work and cost, WBS codes.
/// </summary>
public sealed class PlanCalculator
{
    private readonly PlanState _state;
    private readonly WorkingCalendar _calendar;
    private readonly Dictionary<long, (long Planned, long Actual, long Work)> _rollup = [];
    private readonly Dictionary<long, (decimal Weighted, decimal Duration, decimal PercentSum, int Leaves)> _progress = [];
    private readonly HashSet<long> _parents;
    private readonly ILookup<long, LinkRecord> _predecessors;
    private readonly ILookup<long, AssignmentRecord> _assignments;
    private readonly Dictionary<long, string> _wbs;

    public PlanCalculator(PlanState state)
    {
        _state = state;
        _calendar = new WorkingCalendar(state.Calendar);
        _wbs = state.WbsCodes();
        _predecessors = state.Links.ToLookup(l => l.SuccessorId);
        _assignments = state.Assignments.ToLookup(a => a.TaskId);
        _parents = state.Tasks.Where(t => t.ParentId is not null).Select(t => t.ParentId!.Value).ToHashSet();
        var work = state.Assignments.GroupBy(a => a.TaskId).ToDictionary(g => g.Key, g => g.Sum(a => a.WorkMinutes));
        // Children come after their parent in outline order: walk backwards so each summary sums finished totals.
        for (var i = state.Tasks.Count - 1; i >= 0; i--)
        {
            var t = state.Tasks[i];
            var parent = _parents.Contains(t.Id);
            var own = parent && _rollup.TryGetValue(t.Id, out var sum) ? sum : (t.PlannedCostMinor, t.ActualCostMinor, work.GetValueOrDefault(t.Id));
            var progress = parent && _progress.TryGetValue(t.Id, out var pr) ? pr : (t.DurationMinutes * t.PercentComplete, (decimal)t.DurationMinutes, t.PercentComplete, 1);
            _rollup[t.Id] = own;
            _progress[t.Id] = progress;
            if (t.ParentId is { } p)
            {
                var ps = _rollup.GetValueOrDefault(p);
                _rollup[p] = (ps.Planned + own.Item1, ps.Actual + own.Item2, ps.Work + own.Item3);
                var pp = _progress.GetValueOrDefault(p);
                _progress[p] = (pp.Weighted + progress.Item1, pp.Duration + progress.Item2, pp.PercentSum + progress.Item3, pp.Leaves + progress.Item4);
            }
        }
    }

    public PlanState State => _state;
    public WorkingCalendar Calendar => _calendar;
    public int MinutesPerDay => _state.Settings.MinutesPerDay;

    public (long PlannedMinor, long ActualMinor, long WorkMinutes) Rollup(long id) => _rollup.GetValueOrDefault(id);

    public string Wbs(long id) => _wbs.GetValueOrDefault(id, "");

    public bool IsSummary(TaskRecord t) => _parents.Contains(t.Id);

    /// <summary>The day a start shows on; a zero-length task sits on the day its moment belongs to.</summary>
    public DateOnly? StartDay(TaskRecord t, DateTime? at) => at is not { } v ? null
        : t.DurationMinutes == 0 && !IsSummary(t) ? ZeroDay(v) : _calendar.StartDay(v);

    /// <summary>
    /// The day a finish shows on, by Microsoft Project's rule for every task (a finish at or before the day's first working
    /// minute belongs to the previous working day) — the rule MSPDI files are compared by, so milestones follow it too.
    /// </summary>
    public DateOnly? FinishDay(TaskRecord t, DateTime? at) => at is not { } v ? null : _calendar.FinishDay(v);

    private DateOnly ZeroDay(DateTime at) => _calendar.IsWorkingDay(DateOnly.FromDateTime(at)) ? DateOnly.FromDateTime(at) : _calendar.StartDay(at);

    public IEnumerable<LinkRecord> Predecessors(long id) => _predecessors[id];

    /// <summary>What the Duration column shows: a summary's span in working days of its scheduled dates, a task its own duration.</summary>
    public decimal DurationDays(TaskRecord t) =>
        IsSummary(t) && t.EarlyStart is { } s && t.EarlyFinish is { } f ? Days(_calendar.WorkingMinutesBetween(s, f)) : Days(t.DurationMinutes);

    public decimal Days(long minutes) => Math.Round((decimal)minutes / MinutesPerDay, 2);

    /// <summary>Percent complete; a summary's is its children's weighted by duration, as Microsoft Project rolls it up.</summary>
    public decimal Percent(TaskRecord t)
    {
        if (!IsSummary(t)) return t.PercentComplete;
        var (weighted, duration, percentSum, leaves) = _progress.GetValueOrDefault(t.Id);
        return duration > 0 ? Math.Round(weighted / duration, 1) : leaves > 0 ? Math.Round(percentSum / leaves, 1) : 0;
    }

    public TaskView Task(TaskRecord t)
    {
        var (planned, actual, work) = Rollup(t.Id);
        var names = _assignments[t.Id].Select(a => new AssignmentView(a.PersonId, a.PersonName, Math.Round(a.WorkMinutes / 60m, 2))).ToList();
        return new TaskView(t.Id, t.Name, t.ParentId, t.OutlineLevel, Wbs(t.Id), t.Position + 1, IsSummary(t), t.Milestone,
            DurationDays(t), t.DurationMinutes, t.Elapsed, ConstraintCodes.Code(t.Constraint), LocalTime.ToText(t.ConstraintDate),
            LocalTime.ToText(t.Deadline), Percent(t), LocalTime.ToText(t.ActualStart), LocalTime.ToText(t.ActualFinish), planned / 100m, actual / 100m,
            Math.Round(work / 60m, 2),
            _predecessors[t.Id].Select(l => new PredecessorView(l.PredecessorId, LinkCodes.Code(l.Type), Days(l.Lag))).ToList(),
            names, StartDay(t, t.EarlyStart), FinishDay(t, t.EarlyFinish), LocalTime.ToText(t.EarlyStart), LocalTime.ToText(t.EarlyFinish),
            Days(t.TotalFloatMinutes), t.Critical, t.DeadlineMissed, t.Notes, t.Version);
    }

    public ScheduleView Schedule()
    {
        var leaves = _state.Tasks.Where(t => !IsSummary(t)).ToList();
        var finishTask = _state.Tasks.Where(t => t.EarlyFinish is not null).OrderByDescending(t => t.EarlyFinish).FirstOrDefault();
        var startTask = _state.Tasks.Where(t => t.EarlyStart is not null).OrderBy(t => t.EarlyStart).FirstOrDefault();
        var critical = leaves.Where(t => t.Critical).OrderBy(t => t.EarlyStart).ThenBy(t => t.Position).Select(t => t.Id).ToList();
        return new ScheduleView(startTask is null ? null : StartDay(startTask, startTask.EarlyStart), finishTask is null ? null : FinishDay(finishTask, finishTask.EarlyFinish),
            critical, _state.Tasks.Select(t => new ScheduleTaskView(t.Id, t.Name, t.ParentId, t.OutlineLevel, IsSummary(t), t.Milestone,
                StartDay(t, t.EarlyStart), FinishDay(t, t.EarlyFinish), StartDay(t, t.LateStart), FinishDay(t, t.LateFinish),
                LocalTime.ToText(t.EarlyStart), LocalTime.ToText(t.EarlyFinish), LocalTime.ToText(t.LateStart), LocalTime.ToText(t.LateFinish),
                Days(t.TotalFloatMinutes), Days(t.FreeFloatMinutes), t.Critical, Percent(t), t.DeadlineMissed)).ToList());
    }
}
