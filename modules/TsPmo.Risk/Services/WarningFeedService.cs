using System.Globalization;
using Dapper;
using TsPmo.Risk.Domain;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Time;

namespace TsPmo.Risk.Services;

/// <summary>
/// Puts new early warnings into the projects' activity feeds, once each while they last: a warning that goes
/// away is forgotten, so it is announced again if it comes back.
/// </summary>
public sealed class WarningFeedService(EarlyWarningService warnings, IUnitOfWork work, IAuditLog audit)
{
    /// <summary>Announces the warnings not seen before and returns how many were new.</summary>
    public async Task<int> PublishAsync(CancellationToken ct = default)
    {
        var current = (await warnings.GetAllAsync(ct)).GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        // Organization-wide: each announcement is audited against its own project (its activity feed).
        await using var w = await work.BeginAsync(RiskModule.Id, null, ct);
        var seen = (await w.QueryAsync<string>("SELECT warning_key FROM risk_warning_seen", null, ct)).ToHashSet();
        var gone = seen.Where(k => !current.ContainsKey(k)).ToList();
        if (gone.Count > 0) await w.ExecuteAsync("DELETE FROM risk_warning_seen WHERE warning_key = @k", gone.Select(k => new { k }), ct);
        var fresh = current.Where(c => !seen.Contains(c.Key)).ToList();
        foreach (var (key, warning) in fresh)
        {
            await w.ExecuteAsync("INSERT INTO risk_warning_seen (warning_key, project_id, first_seen) VALUES (@key, @ProjectId, @now)",
                new { key, warning.ProjectId, now = w.Stamp }, ct);
            await audit.WriteAsync(w.Connection, w.Transaction, new AuditEntry(RiskModule.Id, "risk", warning.RiskId.ToString(),
                "early warning", null, new { warning = warning.Kind.ToString(), warning.RiskTitle, warning.Message }) { ProjectId = warning.ProjectId }, ct);
        }
        await w.CommitAsync(ct);
        return fresh.Count;
    }

    private static string Key(EarlyWarning w) => $"{w.Kind}:{w.RiskId}";
}
