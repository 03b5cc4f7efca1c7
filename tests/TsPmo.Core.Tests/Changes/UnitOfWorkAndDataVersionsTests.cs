using Dapper;
using TsPmo.Core.Audit;
using TsPmo.Core.Changes;
using TsPmo.Core.Tests.Support;
using TsPmo.Core.Time;
using TsPmo.Sdk.Data;

namespace TsPmo.Core.Tests.Changes;

/// <summary>The SDK's unit of work over core's audit log, and the data versions core derives from what it writes.</summary>
public sealed class UnitOfWorkAndDataVersionsTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private UnitOfWork _work = null!;
    private DataVersions _versions = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await _db.MigrateCoreAsync();
        var user = new FakeCurrentUser { UserId = 1, DisplayName = "Pat PMO" };
        _work = new UnitOfWork(_db.Connections, new AuditLog(user, _time), new OrganizationClock(_time, TimeZoneInfo.Utc), user);
        _versions = new DataVersions(_db.Connections);
        await using var c = await _db.OpenAsync();
        await c.ExecuteAsync("CREATE TABLE demo_thing (id INTEGER PRIMARY KEY, name TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL)");
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private async Task<long> InsertAsync(long? projectId, string name)
    {
        await using var w = await _work.BeginAsync("demo", projectId);
        var id = await w.ScalarAsync<long>("INSERT INTO demo_thing (name, version, updated_at) VALUES (@name, 1, @Stamp) RETURNING id", new { name, w.Stamp });
        await w.AuditAsync("thing", id, "created", null, new { name });
        await w.CommitAsync();
        return id;
    }

    [Fact]
    public async Task A_committed_write_stamps_its_rows_and_audits_them_with_the_project_and_the_actor()
    {
        var id = await InsertAsync(42, "first");
        Assert.Equal("2026-12-03T09:00:00.0000000Z", await _db.ScalarAsync<string>("SELECT updated_at FROM demo_thing WHERE id = @id", new { id }));
        var audit = Assert.Single(await new AuditQuery(_db.Connections).RecentAsync());
        Assert.Equal(("demo", "thing", id.ToString(), "created", 42L, "Pat PMO"), (audit.ModuleId, audit.EntityType, audit.EntityId, audit.Action, audit.ProjectId, audit.UserName));
    }

    [Fact]
    public async Task Disposing_without_commit_rolls_the_row_and_its_audit_back()
    {
        await using (var w = await _work.BeginAsync("demo", 42))
        {
            await w.ExecuteAsync("INSERT INTO demo_thing (name, version, updated_at) VALUES ('lost', 1, @Stamp)", new { w.Stamp });
            await w.AuditAsync("thing", 1, "created", null, null);
        }
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM demo_thing"));
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM core_audit"));
    }

    [Fact]
    public async Task A_stale_versioned_update_is_the_standard_conflict_and_changes_nothing()
    {
        var id = await InsertAsync(42, "first");
        await using (var w = await _work.BeginAsync("demo", 42))
        {
            var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.ExecuteVersionedAsync(
                "UPDATE demo_thing SET name = 'second', version = version + 1 WHERE id = @id AND version = @Version", new { id, Version = 7 }, "Thing", "\"first\""));
            Assert.Contains("changed by someone else", ex.Message);
            Assert.Throws<ConcurrencyConflictException>(() => WriteScope.CheckVersion(7, 1, "Thing", "x"));
            WriteScope.CheckVersion(null, 1, "Thing", "x");
        }
        Assert.Equal("first", await _db.ScalarAsync<string>("SELECT name FROM demo_thing WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task Versions_move_with_audited_changes_overall_and_per_project()
    {
        var before = await _versions.CurrentAsync();
        await InsertAsync(42, "a");
        var afterA = await _versions.CurrentAsync();
        await InsertAsync(43, "b");
        await InsertAsync(null, "c");
        var now = await _versions.CurrentAsync();

        Assert.True(afterA.Changes > before.Changes && now.Changes > afterA.Changes);
        Assert.Equal(afterA.Changes, await _versions.OfProjectAsync(42));
        Assert.Equal(0L, await _versions.OfProjectAsync(99));

        var sinceA = await _versions.ChangesAsync(afterA.Changes, now.Changes, limit: 10);
        Assert.NotNull(sinceA);
        Assert.Equal([43L], sinceA.Projects.Order());
        Assert.True(sinceA.Unscoped);
        Assert.Null(await _versions.ChangesAsync(before.Changes, now.Changes, limit: 2));
    }
}
