using Dapper;
using TsPmo.Core.Data;
using TsPmo.Sdk.Audit;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;

namespace TsPmo.Core.People;

/// <summary>
/// Matches people a module names (an imported plan's resources) to the directory, creating the missing ones.
/// Not limited to Admin/PMO like <see cref="PersonService"/>: the module has already checked that the caller may
/// change its project, and a person created this way carries only a name and an email.
/// </summary>
public sealed class PeopleRegistration(IDbConnectionFactory connections, IAuditLog audit, TimeProvider time) : IPeopleRegistration
{
    public async Task<PersonInfo> MatchOrCreateAsync(string name, string? email, CancellationToken ct = default)
    {
        name = name.Trim();
        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (name.Length == 0) throw new DomainValidationException("name", "A person needs a name.");
        await using var connection = await connections.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var id = email is null ? null : await connection.QueryFirstOrDefaultAsync<long?>(
            "SELECT id FROM core_person WHERE email = @email COLLATE NOCASE ORDER BY archived, id", new { email }, tx);
        if (id is null)
        {
            var byName = (await connection.QueryAsync<long>(
                "SELECT id FROM core_person WHERE name = @name COLLATE NOCASE LIMIT 2", new { name }, tx)).ToList();
            if (byName.Count == 1) id = byName[0];
        }
        if (id is null)
        {
            var now = DapperTypeHandlers.Format(time.GetUtcNow());
            id = await connection.ExecuteScalarAsync<long>("""
                INSERT INTO core_person (name, email, title, weekly_capacity_hours, user_id, archived, created_at, updated_at, version)
                VALUES (@name, @email, NULL, 40, NULL, 0, @now, @now, 1)
                RETURNING id
                """, new { name, email, now }, tx);
            await audit.WriteAsync(connection, tx, new AuditEntry("core", "person", id.Value.ToString(), "created", null, new { Name = name, Email = email }), ct);
        }
        await tx.CommitAsync(ct);
        return (await new PeopleDirectory(connections).FindAsync(id.Value, ct))!;
    }
}
