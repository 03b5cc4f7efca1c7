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
        return await connection.QuerySingleOrDefaultAsync<ProjectInfo>(Select + " WHERE id = @projectId", new { projectId });
    }

    public async Task<IReadOnlyList<ProjectInfo>> ListAsync(bool includeArchived = false, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<ProjectInfo>(Select + " WHERE archived = 0 OR @includeArchived ORDER BY name COLLATE NOCASE", new { includeArchived })).ToList();
    }
}
