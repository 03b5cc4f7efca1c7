using Dapper;
using TsPmo.Core.Projects;
using TsPmo.Core.Tests.Support;
using TsPmo.Core.Time;

namespace TsPmo.Core.Tests.Projects;

/// <summary>The project port's optional facts reporting relies on: budget, currency, and the day a project closed.</summary>
public sealed class ProjectDirectoryTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await _db.MigrateCoreAsync();
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_closed_project_carries_the_day_it_last_entered_closed_in_the_organizations_zone()
    {
        await using (var db = await _db.OpenAsync())
        {
            await db.ExecuteAsync("""
                INSERT INTO core_project (id, code, name, methodology_id, phase, budget_minor, currency, created_at, updated_at)
                VALUES (1, 'CLS', 'Closed one', 'agile', 'Closed', 12345600, 'EUR', '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z'),
                       (2, 'RUN', 'Running', 'agile', 'Execution', NULL, 'EUR', '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z');
                INSERT INTO core_phase_change (project_id, from_phase, to_phase, changed_by, changed_at) VALUES
                    (1, 'Closing', 'Closed', 't', '2026-03-01T10:00:00.0000000Z'),
                    (1, 'Closed', 'Closing', 't', '2026-03-05T10:00:00.0000000Z'),
                    (1, 'Closing', 'Closed', 't', '2026-03-31T23:30:00.0000000Z');
                """);
        }
        // 23:30 UTC on 31 March is already 1 April in Paris (UTC+2 in summer time).
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var directory = new ProjectDirectory(_db.Connections, new OrganizationClock(TimeProvider.System, paris), new ProjectAccess(_db.Connections, new FakeCurrentUser(), new CorePermissionLookup()), new ProjectListCache(TimeProvider.System, new OrganizationClock(TimeProvider.System, paris)));

        var closed = (await directory.FindAsync(1))!;
        Assert.Equal(new DateOnly(2026, 4, 1), closed.ClosedOn);
        Assert.Equal(12345600, closed.BudgetMinor);
        Assert.Equal("EUR", closed.Currency);

        var running = (await directory.ListAsync()).Single(p => p.Id == 2);
        Assert.Null(running.ClosedOn);
        Assert.Null(running.BudgetMinor);
        Assert.Null(running.Currency); // no budget, no currency to speak of
    }

    [Fact]
    public async Task The_kept_list_follows_every_change_even_one_written_behind_the_services()
    {
        await using var db = await _db.OpenAsync();
        await db.ExecuteAsync("""
            INSERT INTO core_project (id, code, name, methodology_id, phase, created_at, updated_at)
            VALUES (1, 'ONE', 'One', 'agile', 'Execution', '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z')
            """);
        var directory = new ProjectDirectory(_db.Connections, new OrganizationClock(TimeProvider.System, TimeZoneInfo.Utc),
            new ProjectAccess(_db.Connections, new FakeCurrentUser(), new CorePermissionLookup()), new ProjectListCache(TimeProvider.System, new OrganizationClock(TimeProvider.System, TimeZoneInfo.Utc)));
        Assert.Equal("Execution", Assert.Single(await directory.ListAsync()).Phase);

        // Same updated_at, same version, same count: only the digest of the listed columns moves.
        await db.ExecuteAsync("UPDATE core_project SET phase = 'Closed' WHERE id = 1");
        Assert.Equal("Closed", Assert.Single(await directory.ListAsync()).Phase);
        await db.ExecuteAsync("UPDATE core_project SET target_date = '2027-02-03' WHERE id = 1");
        Assert.Equal(new DateOnly(2027, 2, 3), Assert.Single(await directory.ListAsync()).TargetDate);
        await db.ExecuteAsync("UPDATE core_project SET archived = 1 WHERE id = 1");
        Assert.Empty(await directory.ListAsync());
        Assert.Single(await directory.ListAsync(includeArchived: true));
    }
}
