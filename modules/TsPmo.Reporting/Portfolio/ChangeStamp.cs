using Dapper;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Time;

namespace TsPmo.Reporting.Portfolio;

/// <summary>
/// A cheap version of everything the portfolio view reads (ADR 0010): every change in TsPmo writes the audit log in
/// its own transaction, so the last audit id moves with any edit; the projects' count and last update catch rows
/// written without an audit entry (seeding, imports); the enabled modules decide whose signals count; and "today"
/// moves date-based rules (a target date passes at midnight without any edit).
/// </summary>
public sealed record ChangeStamp(long LastAuditId, string Projects, string EnabledModules, DateOnly Today)
{
    public static async Task<ChangeStamp> ReadAsync(IDbConnectionFactory connections, IModuleCatalog catalog, IOrganizationClock clock, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        var (audit, projects) = await connection.QuerySingleAsync<(long, string)>(new CommandDefinition("""
            SELECT IFNULL((SELECT MAX(id) FROM core_audit), 0),
                   (SELECT COUNT(*) || '@' || IFNULL(MAX(updated_at), '') FROM core_project)
            """, cancellationToken: ct));
        return new ChangeStamp(audit, projects, string.Join(",", catalog.Enabled().Select(m => m.Id).Order(StringComparer.Ordinal)), clock.Today);
    }
}
