using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Logging;
using TsPmo.Core.Data;
using TsPmo.Core.Projects;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Lifecycle;
using TsPmo.Sdk.Ports.Seeding;
using TsPmo.Sdk.Time;

namespace TsPmo.Core.Seeding;

/// <summary>
/// <c>seed demo</c> / <c>seed large</c>: people, projects across the enabled methodologies and every phase,
/// their members, tags, phase history, charters and activity, then each enabled module's own demo data.
/// Deterministic (a fixed random seed), one transaction, batched inserts.
/// </summary>
public sealed class PortfolioSeeder(
    IDbConnectionFactory connections,
    IModuleCatalog modules,
    IEnabledContributions<IDemoSeeder> moduleSeeders,
    IOrganizationClock clock,
    ILogger<PortfolioSeeder> logger)
{
    private const string Author = "Demo seed";

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Tables seeding never clears: the schema ledger, module switches, settings, accounts and keys.</summary>
    private static readonly string[] Kept =
        ["core_migration", "core_module_state", "core_setting", "core_user", "core_api_token", "core_dataprotection_key"];

    private static readonly LifecyclePhase[] DemoPhases =
    [
        LifecyclePhase.Initiation, LifecyclePhase.Planning, LifecyclePhase.Planning, LifecyclePhase.Execution, LifecyclePhase.Execution,
        LifecyclePhase.Execution, LifecyclePhase.Execution, LifecyclePhase.Closing, LifecyclePhase.Closed, LifecyclePhase.Closed,
        LifecyclePhase.OnHold, LifecyclePhase.Cancelled,
    ];

    public async Task<SeedResult> SeedAsync(SeedSize size, bool force, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var methodologies = modules.Enabled(ModuleKind.Methodology).Select(m => m.Id).ToList();
        if (methodologies.Count == 0)
            throw new SeedRefusedException("No methodology module is enabled, so there is nothing to run projects with. Enable one (Admin → Modules), then seed.");

        await using var connection = await connections.OpenAsync(ct);
        var (projects, people) = await connection.QuerySingleAsync<(long, long)>(
            "SELECT (SELECT COUNT(*) FROM core_project), (SELECT COUNT(*) FROM core_person)");
        if (projects + people > 0)
        {
            if (!force)
                throw new SeedRefusedException($"The database already holds {projects} project(s) and {people} person(s). " +
                    "Run with --force to replace all portfolio and module data (accounts, tokens and settings are kept).");
            await WipeAsync(connection, ct);
        }

        var random = new Random(size == SeedSize.Demo ? 2026 : 4242);
        var today = clock.Today;
        SeedContext context;
        int documents;
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            var seededPeople = await SeedPeopleAsync(connection, tx, size == SeedSize.Demo ? 25 : 300, random, today);
            var seededProjects = await SeedProjectsAsync(connection, tx, size, methodologies, seededPeople, random, today);
            documents = seededProjects.Count; // one charter each
            await tx.CommitAsync(ct);
            context = new SeedContext(size, seededProjects, seededPeople, random, today);
        }

        var errors = new List<string>();
        foreach (var seeder in moduleSeeders.All)
        {
            try
            {
                await seeder.SeedAsync(context, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Demo seeder {Seeder} failed", seeder.GetType().FullName);
                errors.Add($"{seeder.GetType().Name}: {ex.Message}");
            }
        }
        return new SeedResult(context.People.Count, context.Projects.Count, documents, watch.Elapsed, errors);
    }

    private static async Task WipeAsync(DbConnection connection, CancellationToken ct)
    {
        var tables = (await connection.QueryAsync<string>(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
            .Where(t => !Kept.Contains(t)).ToList();
        // Module tables reference core tables in any order; clear them all with the checks off, in one transaction.
        await connection.ExecuteAsync("PRAGMA foreign_keys = OFF");
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            foreach (var table in tables)
                await connection.ExecuteAsync($"DELETE FROM \"{table.Replace("\"", "\"\"")}\"", transaction: tx);
            await tx.CommitAsync(ct);
        }
        finally
        {
            await connection.ExecuteAsync("PRAGMA foreign_keys = ON");
        }
    }

    private static async Task<List<SeedPerson>> SeedPeopleAsync(DbConnection connection, DbTransaction tx, int count, Random random, DateOnly today)
    {
        var people = new List<SeedPerson>(count);
        var now = Stamp(today.AddDays(-400));
        for (var i = 0; i < count; i++)
        {
            var first = DemoNames.FirstNames[i % DemoNames.FirstNames.Length];
            var last = DemoNames.LastNames[(i * 7 + i / DemoNames.FirstNames.Length) % DemoNames.LastNames.Length];
            var name = count <= DemoNames.FirstNames.Length ? $"{first} {last}" : $"{first} {last} {i / DemoNames.FirstNames.Length + 1}";
            var (title, skills) = DemoNames.Roles[i % DemoNames.Roles.Length];
            var capacity = i % 9 == 4 ? 24m : i % 13 == 6 ? 32m : 40m;
            var email = $"{Slug(first)}.{Slug(last)}{(count > DemoNames.FirstNames.Length ? (i + 1).ToString() : "")}@example.com";
            var id = await connection.ExecuteScalarAsync<long>("""
                INSERT INTO core_person (name, email, title, weekly_capacity_hours, created_at, updated_at, version)
                VALUES (@name, @email, @title, @capacity, @now, @now, 1) RETURNING id
                """, new { name, email, title, capacity, now }, tx);
            await connection.ExecuteAsync("INSERT INTO core_person_skill (person_id, name, level) VALUES (@id, @skill, @level)",
                skills.Select(skill => new { id, skill, level = random.Next(2, 6) }), tx);
            if (i % 6 == 0)
            {
                var start = today.AddDays(random.Next(3, 60));
                await connection.ExecuteAsync("INSERT INTO core_person_time_off (person_id, start_date, end_date, reason) VALUES (@id, @start, @end, 'Holiday')",
                    new { id, start, end = start.AddDays(random.Next(2, 12)) }, tx);
            }
            people.Add(new SeedPerson(id, name, capacity, skills));
        }
        return people;
    }

    private static async Task<List<SeedProject>> SeedProjectsAsync(DbConnection connection, DbTransaction tx, SeedSize size,
        IReadOnlyList<string> methodologies, IReadOnlyList<SeedPerson> people, Random random, DateOnly today)
    {
        var count = size == SeedSize.Demo ? 12 : 1000;
        var projects = new List<SeedProject>(count);
        for (var i = 0; i < count; i++)
        {
            var idea = DemoNames.Projects[i % DemoNames.Projects.Length];
            var round = i / DemoNames.Projects.Length;
            var name = size == SeedSize.Demo ? idea.Name : $"{idea.Name} {round + 1}";
            var code = size == SeedSize.Demo ? $"{idea.Code}-{24 + i % 3}" : $"{idea.Code}-{round + 1:000}";
            var phase = size == SeedSize.Demo ? DemoPhases[i % DemoPhases.Length] : RandomPhase(random);
            var methodology = methodologies[i % methodologies.Count];
            var (start, target) = Dates(phase, random, today);
            var team = people.OrderBy(_ => random.Next()).Take(random.Next(3, 8)).Select(p => p.Id).ToList();
            var sponsor = people[random.Next(people.Count)].Id;
            var budget = random.Next(4, 120) * 10_000_00L;
            var created = Stamp(start.AddDays(-20));

            var id = await connection.ExecuteScalarAsync<long>("""
                INSERT INTO core_project (code, name, description, owner_person_id, sponsor_person_id, start_date, target_date, budget_minor, currency,
                                          business_value, strategic_importance, priority, methodology_id, phase, phase_reason, phase_before_hold,
                                          created_at, updated_at, version)
                VALUES (@code, @name, @description, @owner, @sponsor, @start, @target, @budget, 'EUR', @value, @importance, @priority, @methodology,
                        @phase, @reason, @beforeHold, @created, @created, 1)
                RETURNING id
                """, new
            {
                code, name, description = idea.Summary, owner = team[0], sponsor, start, target, budget,
                value = random.Next(1, 6), importance = random.Next(1, 6), priority = ((ProjectPriority)random.Next(0, 4)).ToString(),
                methodology, phase = phase.ToString(), created,
                reason = phase switch { LifecyclePhase.OnHold => "Waiting for the vendor's contract renewal", LifecyclePhase.Cancelled => "Superseded by the platform programme", _ => null },
                beforeHold = phase == LifecyclePhase.OnHold ? LifecyclePhase.Execution.ToString() : null,
            }, tx);
            await connection.ExecuteAsync("INSERT INTO core_project_tag (project_id, tag) VALUES (@id, @tag)", idea.Tags.Select(tag => new { id, tag }), tx);
            await connection.ExecuteAsync("INSERT INTO core_project_member (project_id, person_id, role, added_at) VALUES (@id, @person, @role, @created)",
                team.Select((person, n) => new { id, person, role = n == 0 ? "Manager" : n == team.Count - 1 && team.Count > 4 ? "Viewer" : "Member", created }), tx);
            await AuditAsync(connection, tx, id, "created", created, null, new { code, name, phase = "Initiation" });
            var project = new SeedProject(id, code, name, methodology, phase, start, target, team);
            await SeedCharterAsync(connection, tx, project, random);
            await SeedHistoryAsync(connection, tx, id, phase, start, today, random);
            projects.Add(project);
        }
        return projects;
    }

    /// <summary>The phase changes that led to <paramref name="phase"/>, spread between the start and today.</summary>
    private static async Task SeedHistoryAsync(DbConnection connection, DbTransaction tx, long id, LifecyclePhase phase, DateOnly start, DateOnly today, Random random)
    {
        var path = new List<LifecyclePhase> { LifecyclePhase.Initiation };
        var last = phase switch { LifecyclePhase.OnHold => LifecyclePhase.Execution, LifecyclePhase.Cancelled => LifecyclePhase.Planning, _ => phase };
        for (var p = LifecyclePhase.Planning; p <= last && p <= LifecyclePhase.Closed; p++) path.Add(p);
        if (phase is LifecyclePhase.OnHold or LifecyclePhase.Cancelled) path.Add(phase);

        var first = start.AddDays(-20);
        var span = Math.Max(path.Count, today.DayNumber - first.DayNumber);
        for (var n = 0; n < path.Count; n++)
        {
            var at = Stamp(first.AddDays(span * n / path.Count)).Replace("T00:00", $"T{9 + random.Next(0, 8):00}:{random.Next(0, 60):00}");
            var from = n == 0 ? (LifecyclePhase?)null : path[n - 1];
            var reason = n == 0 ? "Project created" : path[n] switch
            {
                LifecyclePhase.OnHold => "Waiting for the vendor's contract renewal",
                LifecyclePhase.Cancelled => "Superseded by the platform programme",
                _ => $"{path[n - 1]} gate passed",
            };
            await connection.ExecuteAsync("""
                INSERT INTO core_phase_change (project_id, from_phase, to_phase, reason, changed_by, changed_at)
                VALUES (@id, @from, @to, @reason, @Author, @at)
                """, new { id, from = from?.ToString(), to = path[n].ToString(), reason, Author, at }, tx);
            if (n > 0) await AuditAsync(connection, tx, id, "phase changed", at, new { phase = from.ToString() }, new { phase = path[n].ToString(), reason });
        }
    }

    private static async Task SeedCharterAsync(DbConnection connection, DbTransaction tx, SeedProject p, Random random)
    {
        {
            var created = Stamp(p.Start.AddDays(-15));
            var revisions = random.Next(1, 4);
            var docId = await connection.ExecuteScalarAsync<long>("""
                INSERT INTO core_document (project_id, title, kind, current_revision, created_at, updated_at, version)
                VALUES (@Id, @title, 'Charter', @revisions, @created, @created, @revisions) RETURNING id
                """, new { p.Id, title = $"{p.Name} charter", revisions, created }, tx);
            for (var r = 1; r <= revisions; r++)
            {
                await connection.ExecuteAsync("""
                    INSERT INTO core_document_revision (document_id, revision, title, body, author, created_at)
                    VALUES (@docId, @r, @title, @body, @Author, @created)
                    """, new { docId, r, title = $"{p.Name} charter", body = Charter(p, r), Author, created }, tx);
            }
            await AuditAsync(connection, tx, p.Id, "created", created, null, new { document = $"{p.Name} charter" }, "document", docId.ToString());
        }
    }

    private static string Charter(SeedProject p, int revision) => $"""
        # {p.Name} — project charter

        ## Purpose
        {p.Name} ({p.Code}) delivers a measurable improvement for the business by {p.Target:MMMM yyyy}.

        ## Objectives
        | Objective | Measure | Target |
        |---|---|---|
        | Go live on time | Go-live date | {p.Target:yyyy-MM-dd} |
        | Stay on budget | Cost variance | within 5 % |
        {(revision >= 2 ? "| Adoption | Weekly active users after 90 days | 80 % |\n" : "")}
        ## Scope
        - In: design, build, migration, training.
        - Out: changes to unrelated systems.

        ## Risks
        - Key people are shared with other projects.
        {(revision >= 3 ? "- The vendor's roadmap may slip; a fallback is agreed.\n" : "")}
        ## Approvals
        Sponsor approval recorded at the Initiation gate.
        """;

    private static Task AuditAsync(DbConnection connection, DbTransaction tx, long projectId, string action, string at, object? before, object? after,
        string entityType = "project", string? entityId = null) =>
        connection.ExecuteAsync("""
            INSERT INTO core_audit (at, user_id, user_name, module_id, entity_type, entity_id, action, project_id, before_json, after_json)
            VALUES (@at, NULL, @Author, 'core', @entityType, @entityId, @action, @projectId, @before, @after)
            """, new
        {
            at, Author, entityType, entityId = entityId ?? projectId.ToString(), action, projectId,
            before = before is null ? null : System.Text.Json.JsonSerializer.Serialize(before, Json),
            after = after is null ? null : System.Text.Json.JsonSerializer.Serialize(after, Json),
        }, tx);

    private static LifecyclePhase RandomPhase(Random random) => random.Next(100) switch
    {
        < 10 => LifecyclePhase.Initiation,
        < 25 => LifecyclePhase.Planning,
        < 65 => LifecyclePhase.Execution,
        < 72 => LifecyclePhase.Closing,
        < 90 => LifecyclePhase.Closed,
        < 95 => LifecyclePhase.OnHold,
        _ => LifecyclePhase.Cancelled,
    };

    private static (DateOnly Start, DateOnly Target) Dates(LifecyclePhase phase, Random random, DateOnly today)
    {
        var start = phase switch
        {
            LifecyclePhase.Initiation => today.AddDays(random.Next(10, 60)),
            LifecyclePhase.Planning => today.AddDays(random.Next(-20, 30)),
            LifecyclePhase.Closed or LifecyclePhase.Cancelled => today.AddDays(-random.Next(300, 600)),
            _ => today.AddDays(-random.Next(60, 260)),
        };
        return (start, start.AddDays(random.Next(90, 420)));
    }

    private static string Stamp(DateOnly date) => DapperTypeHandlers.Format(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    private static string Slug(string s) => new string(s.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
        .Where(char.IsAsciiLetter).ToArray());
}
