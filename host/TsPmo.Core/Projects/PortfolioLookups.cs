using Dapper;
using TsPmo.Sdk.Data;

namespace TsPmo.Core.Projects;

/// <summary>The choices the portfolio's filters offer: people who own projects, and the tags in use.</summary>
public sealed class PortfolioLookups(IDbConnectionFactory connections)
{
    public async Task<IReadOnlyList<(long Id, string Name)>> OwnersAsync(CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<(long, string)>("""
            SELECT DISTINCT pe.id, pe.name FROM core_person pe
            WHERE EXISTS (SELECT 1 FROM core_project p WHERE p.owner_person_id = pe.id AND p.archived = 0)
            ORDER BY pe.name COLLATE NOCASE
            """)).ToList();
    }

    public async Task<IReadOnlyList<string>> TagsAsync(CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return (await connection.QueryAsync<string>("SELECT DISTINCT tag FROM core_project_tag ORDER BY tag COLLATE NOCASE")).ToList();
    }
}
