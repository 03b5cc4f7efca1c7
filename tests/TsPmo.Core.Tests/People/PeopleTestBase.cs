using Dapper;
using TsPmo.Core.Audit;
using TsPmo.Core.People;
using TsPmo.Core.Projects;
using TsPmo.Core.Tests.Support;
using TsPmo.Sdk.Security;

namespace TsPmo.Core.Tests.People;

/// <summary>A migrated database and the people services as a given user sees them; rows the tests need are inserted with SQL.</summary>
public abstract class PeopleTestBase : IAsyncLifetime
{
    protected TestDatabase Db { get; } = new();
    protected FakeTimeProvider Time { get; } = new();

    public async Task InitializeAsync()
    {
        await Db.InitializeAsync();
        await Db.MigrateCoreAsync();
    }

    public Task DisposeAsync() => Db.DisposeAsync();

    protected PersonService People(ICurrentUser? user = null)
    {
        user ??= new FakeCurrentUser();
        return new PersonService(Db.Connections, new AuditLog(user, Time), user, Time);
    }

    protected MembershipService Memberships(ICurrentUser? user = null)
    {
        user ??= new FakeCurrentUser();
        return new MembershipService(Db.Connections, new ProjectAccess(Db.Connections, user, new CorePermissionLookup()), new AuditLog(user, Time), Time);
    }

    protected static FakeCurrentUser As(string role, long userId = 7) => new() { Role = role, UserId = userId, DisplayName = role + " user" };

    protected Task<Person> PersonAsync(string name, string? email = null, params (string Name, int Level)[] skills) =>
        People().CreateAsync(new PersonInput
        {
            Name = name, Email = email, Skills = skills.Select(s => new SkillInput { Name = s.Name, Level = s.Level }).ToList(),
        });

    protected async Task<long> UserAsync(string email, string role = Roles.Member)
    {
        await using var connection = await Db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO core_user (email, display_name, password_hash, role, created_at) VALUES (@email, @email, 'x', @role, '2025-01-01T00:00:00Z')
            RETURNING id
            """, new { email, role });
    }

    protected async Task<long> ProjectAsync(string code)
    {
        await using var connection = await Db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO core_project (code, name, methodology_id, created_at, updated_at) VALUES (@code, @name, 'scrum', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')
            RETURNING id
            """, new { code, name = "Project " + code });
    }

    protected Task<long> AuditCountAsync(string entityType, string entityId, string? action = null) =>
        Db.ScalarAsync<long>("SELECT COUNT(*) FROM core_audit WHERE entity_type = @entityType AND entity_id = @entityId AND (@action IS NULL OR action = @action)",
            new { entityType, entityId, action });
}
