using System.Globalization;
using Dapper;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Time;

namespace TsPmo.Risk.Warnings;

/// <summary>
/// Puts new early warnings into the projects' activity feeds, once each while they last: a warning that goes
/// away is forgotten, so it is announced again if it comes back.
/// </summary>
public sealed class WarningFeed(EarlyWarningService warnings, IDbConnectionFactory connections, IAuditLog audit, IOrganizationClock clock)
{
    /// <summary>Announces the warnings not seen before and returns how many were new.</summary>
    public async Task<int> PublishAsync(CancellationToken ct = default)
    {
        var current = (await warnings.GetAllAsync(ct)).GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var seen = (await connection.QueryAsync<string>("SELECT warning_key FROM risk_warning_seen", transaction: tx)).ToHashSet();
        var gone = seen.Where(k => !current.ContainsKey(k)).ToList();
        if (gone.Count > 0) await connection.ExecuteAsync("DELETE FROM risk_warning_seen WHERE warning_key = @k", gone.Select(k => new { k }), tx);
        var fresh = current.Where(c => !seen.Contains(c.Key)).ToList();
        var now = StoredTime.Format(clock.UtcNow);
        foreach (var (key, warning) in fresh)
        {
            await connection.ExecuteAsync("INSERT INTO risk_warning_seen (warning_key, project_id, first_seen) VALUES (@key, @ProjectId, @now)",
                new { key, warning.ProjectId, now }, tx);
            await audit.WriteAsync(connection, tx, new AuditEntry(RiskModule.Id, "risk", warning.RiskId.ToString(),
                "early warning", null, new { warning = warning.Kind.ToString(), warning.RiskTitle, warning.Message }) { ProjectId = warning.ProjectId }, ct);
        }
        await tx.CommitAsync(ct);
        return fresh.Count;
    }

    private static string Key(EarlyWarning w) => $"{w.Kind}:{w.RiskId}";
}
