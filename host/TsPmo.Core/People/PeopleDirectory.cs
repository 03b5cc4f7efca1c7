using Dapper;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;

namespace TsPmo.Core.People;

/// <summary>Core's implementation of the read port every module uses to know about people and project teams.</summary>
public sealed class PeopleDirectory(IDbConnectionFactory connections) : IPeopleDirectory
{
    private const string Select = """
        SELECT id, name, email, weekly_capacity_hours AS WeeklyCapacityHours, user_id AS UserId FROM core_person
        """;

    /// <summary>Finds archived people too: a module may hold work assigned to someone who has since left.</summary>
    public async Task<PersonInfo?> FindAsync(long personId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QuerySingleOrDefaultAsync<Row>(Select + " WHERE id = @personId", new { personId }))?.ToInfo();
    }

    /// <summary>The people who are not archived, by name.</summary>
    public async Task<IReadOnlyList<PersonInfo>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<Row>(Select + " WHERE archived = 0 ORDER BY name COLLATE NOCASE, id")).Select(r => r.ToInfo()).ToList();
    }

    public async Task<IReadOnlyDictionary<long, PersonInfo>> FindManyAsync(IEnumerable<long> personIds, CancellationToken ct = default)
    {
        var ids = personIds.Distinct().ToArray();
        if (ids.Length == 0) return new Dictionary<long, PersonInfo>();
        await using var connection = await connections.OpenAsync(ct);
        // One statement however many ids: a JSON array parameter, not a list expanded into as many parameters.
        return (await connection.QueryAsync<Row>(new CommandDefinition(
                Select + " WHERE id IN (SELECT value FROM json_each(@ids))", new { ids = System.Text.Json.JsonSerializer.Serialize(ids) }, cancellationToken: ct)))
            .ToDictionary(r => r.Id, r => r.ToInfo());
    }

    public async Task<IReadOnlyList<ProjectMember>> MembersAsync(long projectId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return (await MembershipService.MembersAsync(connection, null, projectId))
            .Select(m => new ProjectMember(m.PersonId, m.Name, m.Role.ToString()))
            .ToList();
    }

    // Dapper builds positional records only when column types match exactly; SQLite hands back REAL as double.
    private sealed class Row
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string? Email { get; init; }
        public decimal WeeklyCapacityHours { get; init; }
        public long? UserId { get; init; }

        public PersonInfo ToInfo() => new(Id, Name, Email, WeeklyCapacityHours, UserId);
    }
}
