using Dapper;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;

namespace TsPmo.Core.Projects;

/// <summary>Core's implementation of the read port every module uses to know about projects.</summary>
public sealed class ProjectDirectory(IDbConnectionFactory connections) : IProjectDirectory
{
    private const string Select = """
        SELECT id, code, name, methodology_id AS MethodologyId, phase, start_date AS StartDate, target_date AS TargetDate,
               owner_person_id AS OwnerPersonId, archived
        FROM core_project
        """;

    public async Task<ProjectInfo?> FindAsync(long projectId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QuerySingleOrDefaultAsync<Row>(Select + " WHERE id = @projectId", new { projectId }))?.ToInfo();
    }

    public async Task<IReadOnlyList<ProjectInfo>> ListAsync(bool includeArchived = false, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<Row>(Select + " WHERE archived = 0 OR @includeArchived ORDER BY name COLLATE NOCASE", new { includeArchived }))
            .Select(r => r.ToInfo()).ToList();
    }

    // The SDK's record is positional; Dapper maps SQLite's integers and ISO text onto settable properties
    // (with the registered type handlers), not onto constructor parameters of other types.
    private sealed class Row
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

        public ProjectInfo ToInfo() => new(Id, Code, Name, MethodologyId, Phase, StartDate, TargetDate, OwnerPersonId, Archived);
    }
}
