using System.Data.Common;
using Dapper;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Lifecycle;
using TsPmo.Sdk.Ports.Seeding;

using TsPmo.Sdk.Time;

namespace TsPmo.Scrum.Contributions;

/// <summary>
/// Demo data for the seeded Scrum projects: four completed two-week sprints (so velocity and the release forecast have
/// history), an active sprint about half burned down with its recorded history, a planned next sprint, an ordered
/// backlog, and retrospectives whose open actions carry over.
/// </summary>
public sealed class ScrumDemoSeeder(IDbConnectionFactory connections) : IDemoSeeder
{
    private static readonly string[] Stories =
    [
        "Sign in with the company account", "Export the order history as CSV", "Search customers by postcode", "Show delivery status on the order page",
        "Remind customers of unpaid invoices", "Let support merge duplicate accounts", "Two-factor authentication for admins", "Bulk-edit product prices",
        "Show stock per warehouse", "Email receipts in the customer's language", "Mobile layout for the checkout", "Save carts between visits",
        "Audit trail for refunds", "Self-service address change", "Loyalty points on the account page", "Faster product image loading",
        "Accessible date pickers", "Weekly sales summary email", "API rate limits per client", "Archive closed support tickets",
        "Pay by bank transfer", "Track marketing consent", "Returns label download", "Product reviews moderation queue",
    ];

    private static readonly string[] Bugs = ["Totals off by a cent on discounts", "Timeout on large exports", "Wrong VAT on shipping", "Duplicate emails on retry"];

    private static readonly int[] Points = [1, 2, 3, 3, 5, 5, 8];

    private sealed record Item(long Id, decimal Points);

    public async Task SeedAsync(SeedContext context, CancellationToken ct = default)
    {
        var projects = context.Projects.Where(p => p.MethodologyId == ScrumModule.Id).ToList();
        if (projects.Count == 0) return;
        var random = context.Random;
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var project in projects)
        {
            if (project.Phase is LifecyclePhase.Initiation) continue;
            var seeder = new ProjectSeed(connection, tx, project, random, context.Today);
            await seeder.RunAsync(context.Size == SeedSize.Demo ? 4 : 3);
        }
        await tx.CommitAsync(ct);
    }

    private sealed class ProjectSeed(DbConnection connection, DbTransaction tx, SeedProject project, Random random, DateOnly today)
    {
        private int titles;
        private int rank;

        public async Task RunAsync(int completedSprints)
        {
            var finished = project.Phase is LifecyclePhase.Closed or LifecyclePhase.Cancelled;
            var monday = Weeks.StartOf(today);
            // The active sprint started last Monday: we are in its second week, about half burned down.
            var activeStart = finished ? project.Target.AddDays(-13) : monday.AddDays(-7);
            var completed = finished ? completedSprints + 1 : completedSprints;
            var actionIds = new List<long>();
            for (var k = completed; k >= 1; k--)
            {
                var start = activeStart.AddDays(-14 * (finished ? k - 1 : k));
                var sprintNo = completed - k + 1;
                var sprintId = await SprintAsync($"Sprint {sprintNo}", start, "Completed", 21);
                var items = new List<Item>();
                var count = random.Next(5, 8);
                for (var i = 0; i < count; i++) items.Add(await ItemAsync(sprintId, "Done", start, i));
                var committed = items.Sum(i => i.Points);
                foreach (var item in items) await EventAsync(item.Id, sprintId, "Committed", item.Points, 0, At(start, 9));
                // Mid-sprint: one item added in some sprints.
                if (k % 2 == 0)
                {
                    var added = await ItemAsync(sprintId, "Done", start, count);
                    await EventAsync(added.Id, sprintId, "Added", added.Points, 0, At(start.AddDays(3), 11));
                    items.Add(added);
                }
                // Most items finish on working days; one or two may be left over and go back to the backlog.
                var unfinished = random.Next(0, 3) == 0 ? 1 : 0;
                decimal done = 0;
                for (var i = 0; i < items.Count; i++)
                {
                    var item = items[i];
                    if (i >= items.Count - unfinished)
                    {
                        await connection.ExecuteAsync("UPDATE scrum_item SET sprint_id = NULL, status = 'ToDo', done_at = NULL, rank = @r WHERE id = @Id",
                            new { r = -1000 + i, item.Id }, tx);
                        await EventAsync(item.Id, sprintId, "CarriedOver", 0, 0, At(start.AddDays(13), 16));
                        continue;
                    }
                    var day = WorkingDay(start, 1 + (i * 9 / items.Count) + random.Next(0, 2));
                    var at = At(day, 10 + random.Next(0, 7));
                    await connection.ExecuteAsync("UPDATE scrum_item SET done_at = @at WHERE id = @Id", new { at, item.Id }, tx);
                    await EventAsync(item.Id, sprintId, "Status", 0, item.Points, at, "InProgress", "Done");
                    done += item.Points;
                }
                await connection.ExecuteAsync("""
                    UPDATE scrum_sprint SET started_at = @s, completed_at = @c, committed_points = @committed, completed_points = @done, unfinished_to = 'Backlog'
                    WHERE id = @sprintId
                    """, new { s = At(start, 9), c = At(start.AddDays(13), 16), committed = (double)committed, done = (double)done, sprintId }, tx);
                actionIds.AddRange(await RetroAsync(sprintId, sprintNo, At(start.AddDays(13), 17)));
            }
            // Older actions are done; the latest retro's actions are still open and carry over.
            foreach (var id in actionIds.SkipLast(2))
                await connection.ExecuteAsync("UPDATE scrum_retro_action SET status = 'Done', done_at = created_at WHERE id = @id", new { id }, tx);
            if (finished) return;

            var activeId = await SprintAsync($"Sprint {completed + 1}", activeStart, "Active", 24);
            var activeItems = new List<Item>();
            for (var i = 0; i < 8; i++) activeItems.Add(await ItemAsync(activeId, "ToDo", activeStart, i));
            var commitment = activeItems.Sum(i => i.Points);
            foreach (var item in activeItems) await EventAsync(item.Id, activeId, "Committed", item.Points, 0, At(activeStart, 9));
            await connection.ExecuteAsync("UPDATE scrum_sprint SET started_at = @s, committed_points = @c WHERE id = @activeId",
                new { s = At(activeStart, 9), c = (double)commitment, activeId }, tx);
            var elapsed = Math.Max(1, today.DayNumber - activeStart.DayNumber);
            for (var i = 0; i < activeItems.Count; i++)
            {
                var item = activeItems[i];
                if (i < 4)
                {
                    var day = activeStart.AddDays(Math.Min(elapsed - 1, i * 2 + 1));
                    var at = At(day, 15);
                    await connection.ExecuteAsync("UPDATE scrum_item SET status = 'Done', done_at = @at, board_position = @i WHERE id = @Id", new { at, i, item.Id }, tx);
                    await EventAsync(item.Id, activeId, "Status", 0, item.Points, at, "ToDo", "Done");
                }
                else if (i < 6)
                {
                    await connection.ExecuteAsync("UPDATE scrum_item SET status = 'InProgress', board_position = @i WHERE id = @Id", new { i, item.Id }, tx);
                    await EventAsync(item.Id, activeId, "Status", 0, 0, At(activeStart.AddDays(i - 2), 10), "ToDo", "InProgress");
                }
            }
            var plannedId = await SprintAsync($"Sprint {completed + 2}", activeStart.AddDays(14), "Planned", 24);
            for (var i = 0; i < 4; i++) await ItemAsync(plannedId, "ToDo", activeStart, i);
            for (var i = 0; i < 12; i++) await ItemAsync(null, "ToDo", activeStart, i);
        }

        private async Task<long> SprintAsync(string name, DateOnly start, string state, int capacity) =>
            await connection.ExecuteScalarAsync<long>("""
                INSERT INTO scrum_sprint (project_id, name, goal, start_date, end_date, capacity_points, state, created_at, updated_at, version)
                VALUES (@Id, @name, @goal, @start, @end, @capacity, @state, @created, @created, 1) RETURNING id
                """, new
            {
                project.Id, name, goal = Goals[(int)((project.Id + start.DayNumber / 14) % Goals.Length)], start = start.ToString("yyyy-MM-dd"),
                end = start.AddDays(13).ToString("yyyy-MM-dd"), capacity, state, created = At(start.AddDays(-3), 10),
            }, tx);

        private async Task<Item> ItemAsync(long? sprintId, string status, DateOnly around, int position)
        {
            var n = titles++;
            var bug = n % 6 == 5;
            var title = bug ? Bugs[n / 6 % Bugs.Length] : Stories[n % Stories.Length];
            if (n >= Stories.Length) title += n / Stories.Length == 1 ? ": follow-up" : $": round {n / Stories.Length + 1}";
            var points = (decimal)Points[random.Next(Points.Length)];
            var members = project.MemberPersonIds;
            var id = await connection.ExecuteScalarAsync<long>("""
                INSERT INTO scrum_item (project_id, sprint_id, type, title, description, acceptance_criteria, points, estimate_hours, assignee_id,
                                        status, rank, board_position, created_at, updated_at, done_at, version)
                VALUES (@projectId, @sprintId, @type, @title, @description, @criteria, @points, @hours, @assignee, @status, @rank, @position,
                        @created, @created, NULL, 1) RETURNING id
                """, new
            {
                projectId = project.Id, sprintId, type = bug ? "Bug" : n % 5 == 4 ? "Task" : "Story", title,
                description = bug ? "Reported by support. Steps to reproduce are in the ticket." : $"As a customer I want to **{title.ToLowerInvariant()}**, so that I spend less time on admin.",
                criteria = "- Works on desktop and mobile\n- Covered by an automated test\n- Support has been told",
                points = (double)points, hours = (double)(points * 4), assignee = members.Count == 0 ? (long?)null : members[random.Next(members.Count)],
                status, rank = sprintId is null ? rank++ : position, position, created = At(around.AddDays(-10), 9),
            }, tx);
            return new Item(id, points);
        }

        private async Task<IReadOnlyList<long>> RetroAsync(long sprintId, int sprintNo, string at)
        {
            await connection.ExecuteAsync("""
                INSERT INTO scrum_retro (project_id, sprint_id, went_well, to_improve, updated_at, version) VALUES (@Id, @sprintId, @well, @improve, @at, 1)
                """, new
            {
                project.Id, sprintId, at,
                well = sprintNo % 2 == 0 ? "- Pairing on the tricky stories\n- Demo went smoothly" : "- Stand-ups stayed short\n- Fewer bugs reached review",
                improve = sprintNo % 2 == 0 ? "- Stories were too big to finish in a week\n- Reviews waited a day" : "- Test environment was down twice\n- Unclear acceptance criteria",
            }, tx);
            var ids = new List<long>();
            foreach (var text in new[] { sprintNo % 2 == 0 ? "Split stories over 5 points at refinement" : "Write acceptance criteria before planning", "Book the test environment for the sprint" })
                ids.Add(await connection.ExecuteScalarAsync<long>("""
                    INSERT INTO scrum_retro_action (project_id, sprint_id, text, owner_person_id, status, created_at, version)
                    VALUES (@Id, @sprintId, @text, @owner, 'Open', @at, 1) RETURNING id
                    """, new { project.Id, sprintId, text, owner = project.MemberPersonIds.Count == 0 ? (long?)null : project.MemberPersonIds[random.Next(project.MemberPersonIds.Count)], at }, tx));
            return ids;
        }

        private Task EventAsync(long itemId, long sprintId, string kind, decimal scope, decimal done, string at, string? from = null, string? to = null) =>
            connection.ExecuteAsync("""
                INSERT INTO scrum_item_event (project_id, item_id, sprint_id, kind, from_status, to_status, scope_delta, done_delta, at, by_name)
                VALUES (@Id, @itemId, @sprintId, @kind, @from, @to, @scope, @done, @at, 'Demo seed')
                """, new { project.Id, itemId, sprintId, kind, from, to, scope = (double)scope, done = (double)done, at }, tx);

        private static DateOnly WorkingDay(DateOnly start, int offset)
        {
            var day = start.AddDays(Math.Min(offset, 11));
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
            return day;
        }

        private static string At(DateOnly day, int hour) =>
            StoredTime.Format(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero));
    }

    private static readonly string[] Goals =
    [
        "Customers can track every order without calling support",
        "Checkout works on phones as well as on desktops",
        "Support resolves account problems in one step",
        "Invoices are correct and paid on time",
    ];
}
