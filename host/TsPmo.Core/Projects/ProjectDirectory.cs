using Dapper;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Time;

namespace TsPmo.Core.Projects;

/// <summary>Core's implementation of the read port every module uses to know about projects.</summary>
public sealed class ProjectDirectory(IDbConnectionFactory connections, IOrganizationClock clock, IProjectPermissions access, ProjectListCache list) : IProjectDirectory
{
    internal const string Select = """
        SELECT id, code, name, methodology_id AS MethodologyId, phase, start_date AS StartDate, target_date AS TargetDate,
               owner_person_id AS OwnerPersonId, archived, budget_minor AS BudgetMinor, currency,
               CASE WHEN phase = 'Closed' THEN (SELECT MAX(changed_at) FROM core_phase_change c
                                                WHERE c.project_id = core_project.id AND c.to_phase = 'Closed') END AS ClosedAt
        FROM core_project
        """;

    public async Task<ProjectInfo?> FindAsync(long projectId, CancellationToken ct = default)
    {
        if (!await access.CanReadAsync(projectId, ct)) return null;
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QuerySingleOrDefaultAsync<Row>(Select + " WHERE id = @projectId", new { projectId }))?.ToInfo(clock.TimeZone);
    }

    public async Task<IReadOnlyList<ProjectInfo>> ListAsync(bool includeArchived = false, CancellationToken ct = default)
    {
        var all = await list.GetAsync(connections, ct);
        return includeArchived ? all : all.Where(p => !p.Archived).ToList();
    }

    public async Task<IReadOnlyDictionary<long, ProjectInfo>> FindManyAsync(IEnumerable<long> projectIds, CancellationToken ct = default)
    {
        var ids = projectIds.Distinct().ToArray();
        if (ids.Length == 0) return new Dictionary<long, ProjectInfo>();
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<Row>(new CommandDefinition(
                Select + " WHERE id IN (SELECT value FROM json_each(@ids))", new { ids = System.Text.Json.JsonSerializer.Serialize(ids) }, cancellationToken: ct)))
            .ToDictionary(r => r.Id, r => r.ToInfo(clock.TimeZone));
    }

    // The SDK's record is positional; Dapper maps SQLite's integers and ISO text onto settable properties
    // (with the registered type handlers), not onto constructor parameters of other types.
    public sealed class Row
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string MethodologyId { get; init; } = "";
        public string Phase { get; init; } = "";
        public DateOnly? StartDate { get; init; }
        public DateOnly? TargetDate { get; init; }
        public long? OwnerPersonId { get; init; }
        public bool Archived { get; init; }
        public long? BudgetMinor { get; init; }
        public string? Currency { get; init; }
        public DateTimeOffset? ClosedAt { get; init; }

        // Closed is a phase, so the day it was reached is the last lifecycle change into it, seen in the organization's zone.
        public ProjectInfo ToInfo(TimeZoneInfo zone) => new(Id, Code, Name, MethodologyId, Phase, StartDate, TargetDate, OwnerPersonId, Archived)
        {
            BudgetMinor = BudgetMinor,
            Currency = BudgetMinor is null ? null : Currency,
            ClosedOn = ClosedAt is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) : null,
        };
    }
}
