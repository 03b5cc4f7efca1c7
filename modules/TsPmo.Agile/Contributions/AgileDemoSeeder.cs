using System.Globalization;
using Dapper;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Lifecycle;
using TsPmo.Sdk.Ports.Seeding;
using TsPmo.Agile.Data;
using TsPmo.Agile.Domain;

namespace TsPmo.Agile.Contributions;

/// <summary>
/// Demo boards for the seeded Kanban projects: weeks of finished cards with their moves (so metrics and
/// forecasts have history) and a board in progress that respects its WIP limits.
/// </summary>
public sealed class AgileDemoSeeder(IDbConnectionFactory connections) : IDemoSeeder
{
    private static readonly string[] Work =
    [
        "Password reset by SMS", "Export invoices as PDF", "Fix timeout on search", "Add audit trail to orders", "Upgrade TLS certificates",
        "Dark mode for the portal", "Rate-limit the public API", "Migrate cron jobs", "Accessibility fixes on checkout", "Cache product images",
        "Onboarding checklist", "Alert on failed backups", "Split the monolith's billing", "GDPR data export", "Retry webhooks",
        "Tidy feature flags", "Load test the gateway", "SSO for the wiki", "Archive old tickets", "Chatbot handover to humans",
    ];

    public async Task SeedAsync(SeedContext context, CancellationToken ct = default)
    {
        var projects = context.Projects.Where(p => p.MethodologyId == AgileModule.Id).ToList();
        if (projects.Count == 0) return;
        var random = context.Random;
        var now = new DateTimeOffset(context.Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var project in projects)
        {
            await BoardStore.InsertColumnsAsync(connection, tx, project.Id, DefaultColumns.All);
            var columns = (await connection.QueryAsync<(long Id, string Name)>(
                "SELECT id, name FROM agile_column WHERE project_id = @Id ORDER BY position", new { project.Id }, tx)).ToList();
            if (project.Phase is LifecyclePhase.Initiation) continue;

            var finished = project.Phase is LifecyclePhase.Closed or LifecyclePhase.Cancelled;
            var cards = context.Size == SeedSize.Demo ? 36 : 15;
            var end = finished ? new DateTimeOffset(project.Target.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : now;
            var inFlight = new Dictionary<string, int> { ["In progress"] = 0, ["Review"] = 0, ["Ready"] = 0 };
            for (var i = 0; i < cards; i++)
            {
                var created = end.AddDays(-random.Next(5, 150)).AddHours(random.Next(0, 8));
                var started = created.AddDays(random.Next(1, 12)).AddHours(random.Next(0, 8));
                var done = started.AddDays(random.Next(1, 9) + random.Next(0, 2) * random.Next(0, 10)).AddHours(random.Next(0, 8));
                var column = "Done";
                if (!finished && (done > now || i % 4 == 0))
                {
                    column = new[] { "In progress", "Review", "Ready" }.FirstOrDefault(c => inFlight[c] < (c == "In progress" ? 3 : c == "Review" ? 2 : 5)) ?? "Backlog";
                    if (column != "Backlog") inFlight[column]++;
                }
                var isStarted = column is "In progress" or "Review" or "Done";
                if (started > now) started = now.AddHours(-random.Next(2, 48));
                var path = column switch
                {
                    "Backlog" => new[] { ("Backlog", created) },
                    "Ready" => [("Backlog", created), ("Ready", started.AddHours(-4))],
                    "In progress" => [("Backlog", created), ("Ready", started.AddHours(-4)), ("In progress", started)],
                    "Review" => [("Backlog", created), ("Ready", started.AddHours(-4)), ("In progress", started), ("Review", Min(done, now).AddHours(-6))],
                    _ => [("Backlog", created), ("Ready", started.AddHours(-4)), ("In progress", started), ("Review", done.AddHours(-6)), ("Done", done)],
                };
                var id = await connection.ExecuteScalarAsync<long>("""
                    INSERT INTO agile_card (project_id, column_id, position, title, class_of_service, assignee_id, estimate_hours, due_date,
                                            blocked, blocked_reason, created_at, started_at, done_at, updated_at, version)
                    VALUES (@projectId, @columnId, @i, @title, @cos, @assignee, @estimate, NULL, @blocked, @reason, @created, @started, @done, @created, 1)
                    RETURNING id
                    """, new
                {
                    projectId = project.Id, columnId = columns.First(c => c.Name == column).Id, i,
                    title = Work[(i + (int)project.Id) % Work.Length] + (i >= Work.Length ? $" ({i / Work.Length + 1})" : ""),
                    cos = (i % 11 == 3 ? ClassOfService.Expedite : i % 7 == 5 ? ClassOfService.Intangible : ClassOfService.Standard).ToString(),
                    assignee = project.MemberPersonIds[random.Next(project.MemberPersonIds.Count)],
                    estimate = random.Next(2, 17),
                    blocked = column == "In progress" && i % 3 == 0, reason = column == "In progress" && i % 3 == 0 ? "Waiting for the vendor's API key" : null,
                    created = Stamp(created), started = isStarted ? Stamp(started) : null, done = column == "Done" ? Stamp(done) : null,
                }, tx);
                string? from = null;
                foreach (var (to, at) in path)
                {
                    await connection.ExecuteAsync("""
                        INSERT INTO agile_card_move (card_id, project_id, from_column, to_column, at, moved_by) VALUES (@id, @projectId, @from, @to, @at, 'Demo seed')
                        """, new { id, projectId = project.Id, from, to, at = Stamp(at) }, tx);
                    from = to;
                }
            }
        }
        await tx.CommitAsync(ct);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string Stamp(DateTimeOffset value) =>
        StoredTime.Format(value);
}
