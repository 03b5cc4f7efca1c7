using System.Globalization;
using Dapper;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Lifecycle;
using TsPmo.Sdk.Ports.Seeding;

namespace TsPmo.Risk.Contributions;

/// <summary>
/// A believable RAID log for every seeded project that is under way: technology risks with their assessment
/// history and mitigation actions, an issue or two (one from a risk that occurred), assumptions, dependencies.
/// </summary>
public sealed class RiskDemoSeeder(IDbConnectionFactory connections) : IDemoSeeder
{
    private static readonly (string Title, string Category, string Cause, string Effect, string Mitigation)[] Risks =
    [
        ("Vendor API rate limits hit at go-live", "Vendor", "The vendor caps calls per minute", "Orders queue up for hours", "Agree a higher quota in the contract; add a queue"),
        ("Single sign-on integration slips", "Integration", "Identity team is shared across programmes", "Users cannot log in at launch", "Book identity engineers for sprint 4"),
        ("Penetration test finds critical issues", "Security", "New public endpoints", "Launch blocked by security", "Threat model now; fix high findings early"),
        ("Data migration takes longer than the cut-over window", "Technical", "Ten years of history with bad records", "Extended outage", "Rehearse the migration twice with production volumes"),
        ("Key engineer leaves mid-project", "Resource", "Market demand for platform skills", "Knowledge gap, delays", "Pair on every critical component"),
        ("Licence costs exceed budget", "Cost", "Per-user pricing after the pilot", "Budget overrun of 15 %", "Negotiate enterprise pricing before rollout"),
        ("GDPR review not finished before launch", "Compliance", "Privacy office backlog", "Legal exposure", "Submit the DPIA this month"),
        ("Scope creep from the sales team", "Scope", "New requests every steering meeting", "Target date slips", "Change requests go through the board"),
        ("Cloud region outage during cut-over", "Technical", "Single-region deployment", "Downtime", "Rehearse failover to the second region"),
        ("Hardware delivery delayed", "Schedule", "Supply chain shortages", "Network refresh starts late", "Order early; accept a partial first delivery"),
    ];

    public async Task SeedAsync(SeedContext context, CancellationToken ct = default)
    {
        var projects = context.Projects.Where(p => p.Phase is not (LifecyclePhase.Initiation or LifecyclePhase.Cancelled)).ToList();
        if (projects.Count == 0) return;
        var random = context.Random;
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var project in projects)
        {
            var count = context.Size == SeedSize.Demo ? random.Next(4, 8) : random.Next(2, 5);
            var closed = project.Phase == LifecyclePhase.Closed;
            for (var n = 0; n < count; n++)
            {
                var idea = Risks[(n * 3 + (int)project.Id) % Risks.Length];
                var created = project.Start.AddDays(random.Next(0, 40));
                var p = random.Next(1, 6);
                var i = random.Next(2, 6);
                var rp = Math.Max(1, p - random.Next(0, 3));
                var ri = Math.Max(1, i - random.Next(0, 2));
                var owner = n % 5 == 4 ? (long?)null : project.MemberPersonIds[random.Next(project.MemberPersonIds.Count)];
                var status = closed ? "Closed" : n % 6 == 5 ? "Monitoring" : "Open";
                var reviewed = context.Today.AddDays(-random.Next(1, 60));
                var id = await connection.ExecuteScalarAsync<long>("""
                    INSERT INTO risk_risk (project_id, kind, title, description, category, cause, event, effect, probability, impact,
                                           residual_probability, residual_impact, proximity_date, owner_person_id, response, mitigation, triggers,
                                           status, last_reviewed, created_at, updated_at, version)
                    VALUES (@projectId, 'Threat', @Title, '', @Category, @Cause, @Title, @Effect, @p, @i, @rp, @ri, @proximity, @owner, 'Mitigate',
                            @Mitigation, '', @status, @reviewed, @created, @created, 2)
                    RETURNING id
                    """, new
                {
                    projectId = project.Id, idea.Title, idea.Category, idea.Cause, idea.Effect, p, i, rp, ri,
                    proximity = closed ? null : Date(context.Today.AddDays(random.Next(3, 90))), owner,
                    Mitigation = n % 7 == 6 ? "" : idea.Mitigation, status, reviewed = Date(reviewed), created = At10(created),
                }, tx);
                // Two assessments, so the score trend has a history; some scores rose.
                var firstP = Math.Max(1, p + (n % 3 == 0 ? -1 : 0));
                await connection.ExecuteAsync("""
                    INSERT INTO risk_assessment (risk_id, probability, impact, residual_probability, residual_impact, note, assessed_by, assessed_at)
                    VALUES (@id, @firstP, @i, @rp, @ri, 'Identified at the kick-off workshop', 'Demo seed', @created),
                           (@id, @p, @i, @rp, @ri, 'Monthly review', 'Demo seed', @reviewedAt)
                    """, new { id, firstP, p, i, rp, ri, created = At10(created), reviewedAt = At10(reviewed) }, tx);
                if (idea.Mitigation.Length > 0)
                    await connection.ExecuteAsync("""
                        INSERT INTO risk_action (risk_id, title, owner_person_id, due_date, status, created_at, updated_at, version)
                        VALUES (@id, @title, @owner, @due, @status, @created, @created, 1)
                        """, new
                    {
                        id, title = idea.Mitigation.Split(';')[0], owner, due = Date(context.Today.AddDays(random.Next(-20, 40))),
                        status = closed ? "Done" : n % 2 == 0 ? "InProgress" : "Open", created = At10(created),
                    }, tx);
            }
            if (context.Size == SeedSize.Demo && !closed)
            {
                var now = At10(context.Today.AddDays(-random.Next(1, 20)));
                await connection.ExecuteAsync("""
                    INSERT INTO risk_issue (project_id, title, description, severity, owner_person_id, due_date, status, created_at, updated_at, version)
                    VALUES (@Id, 'Test environment unstable', 'Nightly deployments fail one night in three.', 'High', @owner, @due, 'InProgress', @now, @now, 1)
                    """, new { project.Id, owner = project.MemberPersonIds[0], due = Date(context.Today.AddDays(7)), now }, tx);
                await connection.ExecuteAsync("""
                    INSERT INTO risk_assumption (project_id, title, description, validated, validated_by, validated_at, created_at, updated_at, version)
                    VALUES (@Id, 'Users have company laptops', 'The client runs on managed devices only.', 1, 'Demo seed', @now, @now, @now, 1),
                           (@Id, 'The vendor keeps API version 2 until next year', '', 0, NULL, NULL, @now, @now, 1)
                    """, new { project.Id, now }, tx);
                await connection.ExecuteAsync("""
                    INSERT INTO risk_dependency (project_id, title, vendor, needed_by, status, owner_person_id, created_at, updated_at, version)
                    VALUES (@Id, 'Production licences delivered', 'Vendor', @needed, @status, @owner, @now, @now, 1)
                    """, new { project.Id, needed = Date(context.Today.AddDays(random.Next(5, 60))), status = random.Next(3) == 0 ? "AtRisk" : "OnTrack", owner = project.MemberPersonIds[0], now }, tx);
            }
        }
        await tx.CommitAsync(ct);
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>10:00 UTC on <paramref name="d"/>, as stored: seeded rows get believable instants from seeded days.</summary>
    private static string At10(DateOnly d) => StoredTime.Format(new DateTimeOffset(d.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
}
