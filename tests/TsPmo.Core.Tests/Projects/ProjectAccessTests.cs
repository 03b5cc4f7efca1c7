using Dapper;
using TsPmo.Core.Projects;
using TsPmo.Core.Tests.Support;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Security;

namespace TsPmo.Core.Tests.Projects;

/// <summary>
/// The access model worked through by hand: an organization Member (user 7) who is a Member of Private project B,
/// a Viewer of Private project D, a Manager of Organization project E, and no one on Organization project A or
/// Private project C.
/// </summary>
public sealed class ProjectAccessTests : IAsyncLifetime
{
    private const string WorkPermission = "test.items.edit";
    private const string ManagePermission = "test.plan.manage";
    private readonly TestDatabase _db = new();
    private long _a, _b, _c, _d, _e;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await _db.MigrateCoreAsync();
        await using var connection = await _db.OpenAsync();
        await connection.ExecuteAsync("""
            INSERT INTO core_user (id, email, display_name, password_hash, role, created_at) VALUES
                (7, 'dev@example.com', 'Dev', 'x', 'Member', '2026-01-01T00:00:00.0000000Z'),
                (8, 'other@example.com', 'Other', 'x', 'Member', '2026-01-01T00:00:00.0000000Z');
            INSERT INTO core_person (id, name, email, user_id, created_at, updated_at) VALUES
                (1, 'Dev', 'dev@example.com', 7, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z'),
                (2, 'Other', 'other@example.com', 8, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z');
            """);
        _a = await ProjectAsync(connection, "PA", "Organization");
        _b = await ProjectAsync(connection, "PB", "Private");
        _c = await ProjectAsync(connection, "PC", "Private");
        _d = await ProjectAsync(connection, "PD", "Private");
        _e = await ProjectAsync(connection, "PE", "Organization");
        await connection.ExecuteAsync("""
            INSERT INTO core_project_member (project_id, person_id, role, added_at) VALUES
                (@b, 1, 'Member', '2026-01-01'), (@d, 1, 'Viewer', '2026-01-01'), (@e, 1, 'Manager', '2026-01-01'), (@c, 2, 'Manager', '2026-01-01')
            """, new { b = _b, c = _c, d = _d, e = _e });
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_member_reads_organization_projects_and_the_private_ones_they_belong_to()
    {
        var access = Access(As(Roles.Member));
        Assert.Equal(ProjectAccessLevel.Read, await access.LevelAsync(_a));
        Assert.Equal(ProjectAccessLevel.Work, await access.LevelAsync(_b));
        Assert.Equal(ProjectAccessLevel.None, await access.LevelAsync(_c));
        Assert.Equal(ProjectAccessLevel.Read, await access.LevelAsync(_d));
        Assert.Equal(ProjectAccessLevel.Manage, await access.LevelAsync(_e));
        Assert.Equal(ProjectAccessLevel.None, await access.LevelAsync(999));

        var scope = await access.ReadScopeAsync();
        Assert.Equal([_c], scope.Hidden);
        Assert.False(scope.CanRead(_c));
        Assert.True(scope.CanRead(_b));
    }

    [Fact]
    public async Task Demands_answer_404_for_what_cannot_be_read_and_403_for_what_cannot_be_done()
    {
        var access = Access(As(Roles.Member));
        await access.DemandAsync(_b, WorkPermission);
        await access.DemandAsync(_e, ManagePermission);
        await Assert.ThrowsAsync<NotFoundException>(() => access.DemandAsync(_c, WorkPermission));
        await Assert.ThrowsAsync<NotFoundException>(() => access.DemandReadAsync(_c));
        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => access.DemandAsync(_a, WorkPermission));
        Assert.Contains("members", denied.Message);
        await Assert.ThrowsAsync<AccessDeniedException>(() => access.DemandAsync(_b, ManagePermission));
        await Assert.ThrowsAsync<AccessDeniedException>(() => access.DemandAsync(_d, WorkPermission));
        // An undeclared permission needs the most: a manager's.
        await Assert.ThrowsAsync<AccessDeniedException>(() => access.DemandAsync(_b, "test.unknown"));
        Assert.True(await access.CanAsync(_e, "test.unknown"));
    }

    [Fact]
    public async Task An_organization_viewer_never_works_even_as_a_project_manager()
    {
        var access = Access(As(Roles.Viewer));
        Assert.Equal(ProjectAccessLevel.Read, await access.LevelAsync(_e));
        Assert.Equal(ProjectAccessLevel.Read, await access.LevelAsync(_b));
        Assert.False(await access.CanAsync(_e, WorkPermission));
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Pmo)]
    public async Task Admins_and_the_PMO_manage_every_project(string role)
    {
        var access = Access(As(role, userId: 99));
        Assert.Equal(ProjectAccessLevel.Manage, await access.LevelAsync(_c));
        Assert.True((await access.ReadScopeAsync()).IsEverything);
        await access.DemandAsync(_c, ManagePermission);
    }

    [Fact]
    public async Task Background_work_reads_everything_and_changes_nothing()
    {
        var access = Access(FakeCurrentUser.Anonymous);
        Assert.Equal(ProjectAccessLevel.Read, await access.LevelAsync(_c));
        Assert.True((await access.ReadScopeAsync()).IsEverything);
        await Assert.ThrowsAsync<AccessDeniedException>(() => access.DemandAsync(_a, WorkPermission));
    }

    [Fact]
    public async Task Organization_wide_work_inside_a_request_sees_every_project_but_may_not_write()
    {
        var access = Access(As(Roles.Member));
        Assert.False((await access.ReadScopeAsync()).IsEverything);
        using (OrganizationWideWork.Begin())
        {
            Assert.True((await access.ReadScopeAsync()).IsEverything);
            Assert.True(await access.CanReadAsync(_c));
            Assert.False(await access.CanAsync(_b, WorkPermission));
        }
        Assert.False(await access.CanReadAsync(_c));
    }

    [Fact]
    public async Task The_scope_is_read_once_per_request()
    {
        var access = Access(As(Roles.Member));
        var first = await access.ReadScopeAsync();
        await using (var connection = await _db.OpenAsync())
            await connection.ExecuteAsync("UPDATE core_project SET visibility = 'Organization' WHERE id = @c", new { c = _c });
        Assert.Same(first, await access.ReadScopeAsync());
        Assert.True((await Access(As(Roles.Member)).ReadScopeAsync()).IsEverything);
    }

    private ProjectAccess Access(FakeCurrentUser user) => new(_db.Connections, user, new Lookup());

    private static FakeCurrentUser As(string role, long userId = 7) => new() { Role = role, UserId = userId, DisplayName = role };

    private static async Task<long> ProjectAsync(System.Data.Common.DbConnection connection, string code, string visibility) =>
        await connection.ExecuteScalarAsync<long>("""
            INSERT INTO core_project (code, name, methodology_id, visibility, created_at, updated_at)
            VALUES (@code, @code, 'scrum', @visibility, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z') RETURNING id
            """, new { code, visibility });

    private sealed class Lookup : IPermissionLookup
    {
        public PermissionDefinition? Find(string permissionId) => permissionId switch
        {
            WorkPermission => new(permissionId, "Edit items", [Roles.Admin, Roles.Pmo]) { ProjectRole = ProjectRole.Member },
            ManagePermission => new(permissionId, "Plan", [Roles.Admin, Roles.Pmo]) { ProjectRole = ProjectRole.Manager },
            _ => new CorePermissionLookup().Find(permissionId),
        };
    }
}
