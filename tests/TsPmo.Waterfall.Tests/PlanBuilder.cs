using TsPmo.Waterfall.Engine.Calendars;
using TsPmo.Waterfall.Engine.Scheduling;

namespace TsPmo.Waterfall.Tests;

/// <summary>Terse plans for scheduler tests. Days are 480 working minutes; 2026-01-05 is a Monday.</summary>
internal sealed class PlanBuilder
{
    public const int Day = 480;
    private readonly List<PlanTask> _tasks = [];
    private readonly List<PlanLink> _links = [];
    private long _nextId = 1;

    public DateTime Start { get; set; } = new(2026, 1, 5, 8, 0, 0);
    public CalendarDefinition Calendar { get; set; } = CalendarDefinition.Standard;

    public static DateTime At(int day, int hour, int minute = 0) => new(2026, 1, day, hour, minute, 0);

    public long Task(string name, long minutes, long? parent = null, Func<PlanTask, PlanTask>? with = null)
    {
        var t = new PlanTask { Id = _nextId++, Name = name, DurationMinutes = minutes, ParentId = parent, Milestone = minutes == 0 };
        _tasks.Add(with is null ? t : with(t));
        return t.Id;
    }

    public PlanBuilder Link(long pred, long succ, LinkType type = LinkType.FinishToStart, long lag = 0, LagUnit unit = LagUnit.WorkingMinutes)
    {
        _links.Add(new PlanLink(pred, succ, type, lag, unit));
        return this;
    }

    public PlanInput Input() => new(Start, Calendar, _tasks, _links);

    public Schedule Compute() => CpmScheduler.Compute(Input());
}

internal static class ScheduleExtensions
{
    public static ScheduledTask Of(this Schedule s, long id) => s.Tasks.Single(t => t.Id == id);
}
