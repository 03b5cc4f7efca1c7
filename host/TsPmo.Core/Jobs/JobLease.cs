using Dapper;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Jobs;

namespace TsPmo.Core.Jobs;

/// <summary>Leases as rows of <c>core_job_lease</c>; the holder is this process (machine name and process id).</summary>
public sealed class JobLease(IDbConnectionFactory connections) : IJobLease
{
    private static readonly string Holder = Environment.MachineName + ":" + Environment.ProcessId;

    public async Task<bool> TryTakeAsync(string name, DateTimeOffset now, TimeSpan duration, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO core_job_lease (name, holder, until) VALUES (@name, @Holder, @until)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
            WHERE core_job_lease.until < @now OR core_job_lease.holder = @Holder
            """, new { name, Holder, until = StoredTime.Format(now + duration), now = StoredTime.Format(now) }, cancellationToken: ct));
        return rows == 1;
    }
}
