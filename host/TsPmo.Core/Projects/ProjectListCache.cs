using Dapper;
using TsPmo.Sdk.Caching;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Time;

namespace TsPmo.Core.Projects;

/// <summary>
/// Every project as <see cref="TsPmo.Sdk.Ports.Directory.ProjectInfo"/>, kept between requests (singleton): dashboard
/// widgets, work-demand sources and signal sources each ask the directory for the whole list, and over `seed large`
/// building 1,000 records per ask made the home page several times slower. The stamp is one scan of
/// <c>core_project</c> computing a digest of the columns the list shows, with the last audit and phase-change ids, so any
/// change — through the services or written directly — builds the list again, once, however many requests wait.
/// </summary>
public sealed class ProjectListCache(TimeProvider time, IOrganizationClock clock)
{
    private readonly StampedCache<string, IReadOnlyList<ProjectInfo>> _cache = new(time);

    public Task<IReadOnlyList<ProjectInfo>> GetAsync(IDbConnectionFactory connections, CancellationToken ct) =>
        _cache.GetAsync(c => StampAsync(connections, c), c => LoadAsync(connections, c), ct);

    private static async Task<string> StampAsync(IDbConnectionFactory connections, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<string>(new CommandDefinition("""
            SELECT COUNT(*) || '@' || IFNULL(MAX(updated_at), '') || '@' || TOTAL(version) || '@'
                   || TOTAL(id * (length(phase) + 7 * archived + length(methodology_id) + length(name) + length(code)
                                  + IFNULL(owner_person_id, 0) + IFNULL(budget_minor, 0) % 1000003
                                  + IFNULL(julianday(start_date), 0) + IFNULL(julianday(target_date), 0))) || '@'
                   || IFNULL((SELECT MAX(id) FROM core_audit), 0) || '@' || IFNULL((SELECT MAX(id) FROM core_phase_change), 0)
            FROM core_project
            """, cancellationToken: ct)) ?? "";
    }

    private async Task<IReadOnlyList<ProjectInfo>> LoadAsync(IDbConnectionFactory connections, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<ProjectDirectory.Row>(new CommandDefinition(
            ProjectDirectory.Select + " ORDER BY name COLLATE NOCASE", cancellationToken: ct))).Select(r => r.ToInfo(clock.TimeZone)).ToList();
    }
}
