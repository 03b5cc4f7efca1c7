using Dapper;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Time;

namespace TsPmo.Risk.Warnings;

/// <summary>
/// A cheap version of everything the portfolio's early warnings read (the idea of Reporting's ADR 0010). Every change to
/// a risk, an action, an assessment or a module setting (the matrix, <c>reviewDays</c>) writes the audit log in its own
/// transaction, so the last audit id moves with any edit; the last ids of the three risk tables catch rows inserted
/// without an audit entry (seeding, imports); and "today" moves the date rules (an action becomes overdue at midnight
/// without any edit). Every part is a rowid maximum: O(1) in SQLite.
/// </summary>
public sealed record WarningStamp(long LastAuditId, long LastRiskId, long LastActionId, long LastAssessmentId, DateOnly Today)
{
    public static async Task<WarningStamp> ReadAsync(IDbConnectionFactory connections, IOrganizationClock clock, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        var (audit, risk, action, assessment) = await connection.QuerySingleAsync<(long, long, long, long)>(new CommandDefinition("""
            SELECT IFNULL((SELECT MAX(id) FROM core_audit), 0), IFNULL((SELECT MAX(id) FROM risk_risk), 0),
                   IFNULL((SELECT MAX(id) FROM risk_action), 0), IFNULL((SELECT MAX(id) FROM risk_assessment), 0)
            """, cancellationToken: ct));
        return new WarningStamp(audit, risk, action, assessment, clock.Today);
    }
}

/// <summary>
/// The portfolio's early warnings (no project filter) and the stamp they were computed at (singleton). A request whose
/// stamp matches reuses them; any other stamp recomputes them, one computation at a time, so 16 concurrent requests
/// after an edit cost one computation, not 16. The stamp is read again once inside the gate, so the requests that
/// waited for a computation take its result. A result older than <see cref="MaxAge"/> is recomputed anyway: the
/// backstop for an update written without an audit entry.
/// </summary>
public sealed class PortfolioWarningCache(TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Entry? _current;

    private sealed record Entry(WarningStamp Stamp, IReadOnlyList<EarlyWarning> Warnings, DateTimeOffset BuiltAt);

    public async Task<IReadOnlyList<EarlyWarning>> GetAsync(Func<CancellationToken, Task<WarningStamp>> readStamp,
        Func<CancellationToken, Task<IReadOnlyList<EarlyWarning>>> compute, CancellationToken ct)
    {
        if (Fresh(_current, await readStamp(ct)) is { } hit) return hit;
        await _gate.WaitAsync(ct);
        try
        {
            // The stamp is read before computing: an edit that lands during the computation moves the stamp past the
            // one stored here, so the next request computes again rather than keep a result that might miss it.
            var stamp = await readStamp(ct);
            if (Fresh(_current, stamp) is { } computed) return computed;
            var warnings = await compute(ct);
            _current = new Entry(stamp, warnings, time.GetUtcNow());
            return warnings;
        }
        finally
        {
            _gate.Release();
        }
    }

    private IReadOnlyList<EarlyWarning>? Fresh(Entry? entry, WarningStamp stamp) =>
        entry is not null && entry.Stamp == stamp && time.GetUtcNow() - entry.BuiltAt < MaxAge ? entry.Warnings : null;
}
