using Dapper;
using TsPmo.Sdk.Data;

namespace TsPmo.Reporting.Jobs;

/// <summary>
/// A named lease in the database so that, with several hosts on one store, a recurring job runs on one host at a
/// time: taking it succeeds when it is free, expired, or already ours.
/// </summary>
public static class JobLease
{
    private static readonly string Holder = Environment.MachineName + ":" + Environment.ProcessId;

    public static async Task<bool> TakeAsync(IDbConnectionFactory connections, string name, DateTimeOffset now, TimeSpan duration, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO reporting_job_lease (name, holder, until) VALUES (@name, @Holder, @until)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
            WHERE reporting_job_lease.until < @now OR reporting_job_lease.holder = @Holder
            """, new { name, Holder, until = StoredTime.Format(now + duration), now = StoredTime.Format(now) }, cancellationToken: ct));
        return rows == 1;
    }
}
