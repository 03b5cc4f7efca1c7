using Dapper;
using TsPmo.Core.Jobs;
using TsPmo.Core.Tests.Support;

namespace TsPmo.Core.Tests.Jobs;

public sealed class JobLeaseTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await _db.MigrateCoreAsync();
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_lease_is_taken_when_free_kept_by_its_holder_refused_to_another_host_until_it_expires()
    {
        var lease = new JobLease(_db.Connections);

        Assert.True(await lease.TryTakeAsync("risk.warning-feed", Noon, TimeSpan.FromMinutes(59)));
        Assert.True(await lease.TryTakeAsync("risk.warning-feed", Noon.AddMinutes(5), TimeSpan.FromMinutes(59))); // this host again

        await using (var connection = await _db.OpenAsync())
            await connection.ExecuteAsync("UPDATE core_job_lease SET holder = 'other-host:1'");
        Assert.False(await lease.TryTakeAsync("risk.warning-feed", Noon.AddMinutes(30), TimeSpan.FromMinutes(59)));
        Assert.True(await lease.TryTakeAsync("reporting.status-reports", Noon.AddMinutes(30), TimeSpan.FromMinutes(5))); // another name
        Assert.True(await lease.TryTakeAsync("risk.warning-feed", Noon.AddMinutes(65), TimeSpan.FromMinutes(59))); // expired at 13:04
    }
}
