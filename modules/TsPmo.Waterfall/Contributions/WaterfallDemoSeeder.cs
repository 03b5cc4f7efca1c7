using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Lifecycle;
using TsPmo.Sdk.Ports.Seeding;
using TsPmo.Waterfall.Data;
using TsPmo.Waterfall.Engine;
using TsPmo.Waterfall.Engine.Calendars;
using TsPmo.Waterfall.Engine.Mspdi;
using TsPmo.Waterfall.Engine.Scheduling;

namespace TsPmo.Waterfall.Contributions;

/// <summary>
/// A believable ERP roll-out plan for each seeded Waterfall project: 32 tasks in five phases with nested summaries, all four
/// link types with lags, milestones, costs and assignments, an "Approved plan" baseline, then progress up to today
/// (finished work a little over budget, work in flight a little behind) so earned value and health have something to say.
/// </summary>
public sealed class WaterfallDemoSeeder(IUnitOfWork work) : IDemoSeeder
{
    private sealed record Line(string Name, int Level, decimal Days, bool Milestone = false, params (int Row, LinkType Type, decimal LagDays)[] Preds);

    private static readonly Line[] Template =
    [
        new("Initiation", 1, 0),
        new("Stakeholder interviews", 2, 3),
        new("Project charter", 2, 2, false, (2, LinkType.FinishToStart, 0)),
        new("Charter signed off", 2, 0, true, (3, LinkType.FinishToStart, 0)),
        new("Planning", 1, 0),
        new("Requirements workshops", 2, 5, false, (4, LinkType.FinishToStart, 0)),
        new("Solution architecture", 2, 4, false, (6, LinkType.StartToStart, 2)),
        new("Detailed schedule and budget", 2, 3, false, (6, LinkType.FinishToStart, 0)),
        new("Plan approved", 2, 0, true, (7, LinkType.FinishToStart, 0), (8, LinkType.FinishToStart, 0)),
        new("Build", 1, 0),
        new("Environment setup", 2, 3, false, (9, LinkType.FinishToStart, 0)),
        new("Data migration", 2, 0),
        new("Extract and map legacy data", 3, 6, false, (11, LinkType.FinishToStart, 0)),
        new("Migration scripts", 3, 8, false, (13, LinkType.StartToStart, 3)),
        new("Trial migration", 3, 2, false, (14, LinkType.FinishToStart, 0)),
        new("Integrations", 2, 0),
        new("Payroll interface", 3, 7, false, (11, LinkType.FinishToStart, 0)),
        new("Banking interface", 3, 6, false, (11, LinkType.FinishToStart, 0)),
        new("Single sign-on", 3, 3, false, (11, LinkType.FinishToStart, 2)),
        new("Configuration and reports", 2, 10, false, (11, LinkType.FinishToStart, 0)),
        new("Build complete", 2, 0, true, (15, LinkType.FinishToStart, 0), (17, LinkType.FinishToStart, 0), (18, LinkType.FinishToStart, 0), (19, LinkType.FinishToStart, 0), (20, LinkType.FinishToStart, 0)),
        new("Testing", 1, 0),
        new("System test", 2, 8, false, (21, LinkType.FinishToStart, 0)),
        new("Fix defects", 2, 6, false, (23, LinkType.FinishToFinish, 2)),
        new("User acceptance test", 2, 5, false, (23, LinkType.FinishToStart, -1)),
        new("Go/no-go decision", 2, 0, true, (24, LinkType.FinishToStart, 0), (25, LinkType.FinishToStart, 0)),
        new("Deployment", 1, 0),
        new("Train key users", 2, 4, false, (29, LinkType.StartToFinish, 0)),
        new("Cutover", 2, 2, false, (26, LinkType.FinishToStart, 0)),
        new("Hypercare", 2, 10, false, (29, LinkType.FinishToStart, 0)),
        new("Go-live", 2, 0, true, (29, LinkType.FinishToStart, 0)),
        new("Project closed", 1, 0, true, (30, LinkType.FinishToStart, 0)),
    ];

    public async Task SeedAsync(SeedContext context, CancellationToken ct = default)
    {
        var projects = context.Projects.Where(p => p.MethodologyId == WaterfallModule.Id).ToList();
        if (projects.Count == 0) return;
        // Rows are stamped at noon of the seed's day, so a demo database reads the same whenever it is made.
        var now = StoredTime.Format(new DateTimeOffset(context.Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        await using var w = await work.BeginAsync(WaterfallModule.Id, null, ct);
        var (connection, tx) = (w.Connection, w.Transaction);
        foreach (var project in projects)
        {
            var file = Plan(project, context);
            var start = file.Start;
            var schedule = CpmScheduler.Compute(new PlanInput(start, file.Calendar, file.Tasks.Select(t => t.Plan).ToList(), file.Links));
            var people = project.MemberPersonIds.ToDictionary(id => id, id => id);
            await PlanStore.ReplacePlanAsync(connection, tx, project.Id, file, schedule, people, now, ct);
            var state = await PlanStore.LoadAsync(connection, tx, project.Id);
            if (project.Phase is LifecyclePhase.Initiation) continue;
            await BaselineStore.InsertAsync(connection, tx, project.Id, "Approved plan", "Demo seed", now, state);

            // Progress up to today: finished work 8 % over budget, work in flight a fifth behind its schedule.
            var today = context.Today.ToDateTime(new TimeOnly(17, 0));
            var closed = project.Phase is LifecyclePhase.Closed or LifecyclePhase.Cancelled;
            var reader = new PlanCalculator(state);
            foreach (var t in state.Tasks.Where(t => !reader.IsSummary(t) && t.EarlyStart is not null))
            {
                if (closed || t.EarlyFinish <= today)
                {
                    t.PercentComplete = 100;
                    t.ActualStart = t.EarlyStart;
                    t.ActualFinish = t.EarlyFinish;
                    t.ActualCostMinor = t.PlannedCostMinor * 108 / 100;
                }
                else if (t.EarlyStart < today && t.DurationMinutes > 0)
                {
                    var elapsed = (decimal)(today - t.EarlyStart!.Value).TotalDays / Math.Max(1m, t.DurationMinutes / 480m * 7 / 5);
                    t.PercentComplete = Math.Round(Math.Clamp(elapsed * 80, 5, 90) / 5) * 5;
                    t.ActualStart = t.EarlyStart;
                    t.ActualCostMinor = t.PlannedCostMinor * (long)t.PercentComplete / 100 * 110 / 100;
                }
            }
            Rescheduler.Apply(state, start);
            await PlanStore.SaveChangedTasksAsync(connection, tx, state, now, ct);
        }
        await w.CommitAsync(ct);
    }

    private static MspdiProject Plan(SeedProject project, SeedContext context)
    {
        var parents = new long?[6];
        var tasks = new List<MspdiTask>();
        var links = new List<PlanLink>();
        var assignments = new List<MspdiAssignment>();
        for (var i = 0; i < Template.Length; i++)
        {
            var line = Template[i];
            var id = i + 1L;
            var summary = i + 1 < Template.Length && Template[i + 1].Level > line.Level;
            parents[line.Level] = id;
            var minutes = (long)(line.Days * 480);
            var cost = summary || line.Milestone ? 0 : (long)line.Days * (600 + 100 * (i % 4)) * 100;
            tasks.Add(new MspdiTask(new PlanTask
            {
                Id = id, Name = line.Name, ParentId = line.Level > 1 ? parents[line.Level - 1] : null, DurationMinutes = minutes, Milestone = line.Milestone,
            }, line.Level, null, null, null, null, cost, 0, null));
            links.AddRange(line.Preds.Select(p => new PlanLink(p.Row, id, p.Type, (long)(p.LagDays * 480))));
            if (!summary && !line.Milestone && project.MemberPersonIds.Count > 0)
                assignments.Add(new MspdiAssignment(id, project.MemberPersonIds[(i + (int)project.Id) % project.MemberPersonIds.Count], minutes));
        }
        return new MspdiProject
        {
            Name = project.Name, Start = project.Start.ToDateTime(new TimeOnly(8, 0)), Calendar = CalendarDefinition.Standard, Tasks = tasks, Links = links,
            Assignments = assignments, CurrencyCode = "EUR",
        };
    }
}
