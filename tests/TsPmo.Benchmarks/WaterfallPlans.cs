using TsPmo.Waterfall.Engine.Calendars;
using TsPmo.Waterfall.Engine.Mspdi;
using TsPmo.Waterfall.Engine.Scheduling;

namespace TsPmo.Benchmarks;

/// <summary>
/// Synthetic but realistic Waterfall plans: phases (summaries) of about twenty tasks, durations from an hour to four
/// weeks, two links per task on average — mostly FS, some SS/FF/SF, a fifth with lags or leads in hours or days,
/// a few links on summaries — and a calendar with holidays. Links always point forward in outline order, so the
/// plan is acyclic like a real one.
/// </summary>
internal static class WaterfallPlans
{
    public static readonly DateTime Start = new(2026, 1, 5, 8, 0, 0);

    public static CalendarDefinition Calendar { get; } = CalendarDefinition.Standard with
    {
        Exceptions =
        [
            new CalendarException(new DateOnly(2026, 4, 6), new DateOnly(2026, 4, 6), [], "Easter Monday"),
            new CalendarException(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 1), [], "Labour Day"),
            new CalendarException(new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 31), [], "Year end"),
            new CalendarException(new DateOnly(2027, 5, 1), new DateOnly(2027, 5, 1), [], "Labour Day"),
        ],
    };

    public static PlanInput Plan(int taskCount, int linkCount, int seed = 7)
    {
        var random = new Random(seed);
        var tasks = new List<PlanTask>(taskCount);
        var leaves = new List<int>(taskCount);
        var summaries = new List<int>();
        long? phase = null;
        for (var i = 0; i < taskCount; i++)
        {
            var id = i + 1L;
            if (i % 20 == 0)
            {
                tasks.Add(new PlanTask { Id = id, Name = $"Phase {i / 20 + 1}" });
                summaries.Add(i);
                phase = id;
                continue;
            }

            var duration = random.Next(10) switch
            {
                0 => 0L,                                  // milestone
                1 => 60L * random.Next(1, 8),              // hours
                2 => 240,                                  // half a day
                _ => 480L * random.Next(1, 21),            // 1–20 days
            };
            tasks.Add(new PlanTask { Id = id, Name = $"Task {id}", ParentId = phase, DurationMinutes = duration, Milestone = duration == 0 });
            leaves.Add(i);
        }

        var links = new List<PlanLink>(linkCount);
        var seen = new HashSet<(long, long)>();
        while (links.Count < linkCount)
        {
            // Predecessors are near their successors (within ~60 rows), as in real plans; summaries join in now and then.
            var succIndex = leaves[random.Next(1, leaves.Count)];
            var predIndex = Math.Max(0, succIndex - random.Next(1, 60));
            var pred = tasks[predIndex];
            var succ = tasks[succIndex];
            if (random.Next(50) == 0 && summaries.Count > 1)
            {
                var s = summaries[random.Next(1, summaries.Count)];
                var before = summaries.LastOrDefault(x => x < s - 20, -1);
                if (before >= 0) { pred = tasks[before]; succ = tasks[s]; }
            }

            if (pred.Id == succ.Id || succ.ParentId == pred.Id || !seen.Add((pred.Id, succ.Id))) continue;
            var type = random.Next(10) switch { < 7 => LinkType.FinishToStart, 7 => LinkType.StartToStart, 8 => LinkType.FinishToFinish, _ => LinkType.StartToFinish };
            var lag = random.Next(5) == 0 ? (random.Next(2) == 0 ? 60L * random.Next(-4, 9) : 480L * random.Next(-2, 6)) : 0;
            links.Add(new PlanLink(pred.Id, succ.Id, type, lag));
        }

        return new PlanInput(Start, Calendar, tasks, links);
    }

    public static MspdiProject Project(int taskCount, int linkCount)
    {
        var plan = Plan(taskCount, linkCount);
        var levels = plan.Tasks.Select(t => t.ParentId is null ? 1 : 2).ToList();
        return new MspdiProject
        {
            Name = "Benchmark plan",
            Start = plan.ProjectStart,
            Calendar = plan.Calendar,
            Tasks = plan.Tasks.Select((t, i) => new MspdiTask(t, levels[i], null, null, null, null, 100_00 * (t.DurationMinutes / 60), 0, null)).ToList(),
            Links = plan.Links,
            Resources = [new MspdiResource(1, "Ada Lovelace", "ada@example.org"), new MspdiResource(2, "Grace Hopper", null)],
            Assignments = plan.Tasks.Where(t => t.DurationMinutes > 0).Select(t => new MspdiAssignment(t.Id, 1 + t.Id % 2, t.DurationMinutes)).ToList(),
        };
    }
}
