using TsPmo.Core.Audit;
using TsPmo.Core.Tests.Support;
using TsPmo.Sdk.Audit;

namespace TsPmo.Core.Tests.Audit;

/// <summary><see cref="AuditLog"/> writes, read back through <see cref="AuditQuery"/>.</summary>
public sealed class AuditLogTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 14, 30, 0, TimeSpan.FromHours(2)));
    private readonly AuditQuery _query;

    public AuditLogTests() => _query = new AuditQuery(_db.Connections);

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await _db.MigrateCoreAsync();
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private static AuditEntry Entry(string entityId = "R-7") =>
        new("risk", "risk", entityId, "score changed", new { Score = 6, OwnerName = "Ann" }, new { Score = 12, OwnerName = "Ann" }) { ProjectId = 42 };

    [Fact]
    public async Task A_committed_write_stores_who_what_when_and_camel_case_json()
    {
        var log = new AuditLog(new FakeCurrentUser { UserId = 5, DisplayName = "Pat PMO" }, _time);
        await using (var connection = await _db.OpenAsync())
        {
            await using var tx = await connection.BeginTransactionAsync();
            await log.WriteAsync(connection, tx, Entry());
            await tx.CommitAsync();
        }

        var record = Assert.Single(await _query.RecentAsync());
        Assert.Equal(5L, record.UserId);
        Assert.Equal("Pat PMO", record.UserName);
        Assert.Equal(("risk", "risk", "R-7", "score changed", 42L), (record.ModuleId, record.EntityType, record.EntityId, record.Action, record.ProjectId));
        Assert.Equal("""{"score":6,"ownerName":"Ann"}""", record.BeforeJson);
        Assert.Equal("""{"score":12,"ownerName":"Ann"}""", record.AfterJson);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 12, 30, 0, TimeSpan.Zero), record.At);
    }

    [Fact]
    public async Task A_write_in_a_rolled_back_transaction_leaves_no_row()
    {
        var log = new AuditLog(new FakeCurrentUser(), _time);
        await using (var connection = await _db.OpenAsync())
        {
            await using var tx = await connection.BeginTransactionAsync();
            await log.WriteAsync(connection, tx, Entry());
            await tx.RollbackAsync();
        }

        Assert.Empty(await _query.RecentAsync());
    }

    [Fact]
    public async Task An_anonymous_change_is_signed_system_and_null_states_stay_null()
    {
        var log = new AuditLog(FakeCurrentUser.Anonymous, _time);
        await using (var connection = await _db.OpenAsync())
            await log.WriteAsync(connection, null, new AuditEntry("core", "module", "risk", "enabled", null, null));

        var record = Assert.Single(await _query.RecentAsync());
        Assert.Equal("system", record.UserName);
        Assert.Null(record.UserId);
        Assert.Null(record.ProjectId);
        Assert.Null(record.BeforeJson);
        Assert.Null(record.AfterJson);
    }

    [Fact]
    public async Task RecentAsync_filters_by_entity_newest_first_and_takes_at_most_the_limit()
    {
        var log = new AuditLog(new FakeCurrentUser(), _time);
        await using (var connection = await _db.OpenAsync())
        {
            foreach (var id in new[] { "R-1", "R-2", "R-1", "R-1" })
                await log.WriteAsync(connection, null, Entry(id));
        }

        var forR1 = await _query.RecentAsync("risk", "R-1");
        Assert.Equal(3, forR1.Count);
        Assert.All(forR1, r => Assert.Equal("R-1", r.EntityId));
        Assert.True(forR1[0].Id > forR1[1].Id && forR1[1].Id > forR1[2].Id);

        Assert.Equal(2, (await _query.RecentAsync(take: 2)).Count);
        Assert.Empty(await _query.RecentAsync("project"));
    }
}
