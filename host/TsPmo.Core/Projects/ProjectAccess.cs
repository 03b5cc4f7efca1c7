using Dapper;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Security;

namespace TsPmo.Core.Projects;

/// <summary>
/// The one answer to "what may the current user do on this project" (see <see cref="IProjectPermissions"/>).
/// Admins and the PMO manage every project; anyone else gets the level of their project role (an organization Viewer
/// at most Read), and reads an Organization project without being a member. Scoped: the user's memberships and hidden
/// projects are read once per request, so a page that asks about many projects costs two queries, not one per row.
/// Background work (no signed-in user) reads everything, so jobs and caches see the whole portfolio; they filter what
/// they hand to a user with that user's <see cref="ReadScopeAsync"/>.
/// </summary>
public sealed class ProjectAccess(IDbConnectionFactory connections, ICurrentUser user, IPermissionLookup permissions) : IProjectPermissions
{
    private Dictionary<long, ProjectRole>? _roles;
    private ProjectReadScope? _scope;
    private readonly Dictionary<long, (bool Exists, ProjectVisibility Visibility)> _projects = [];

    /// <summary>Roles allowed to start new projects.</summary>
    public bool CanCreate => user.Role is Roles.Admin or Roles.Pmo or Roles.ProjectManager;

    /// <summary>
    /// The account whose memberships limit what is read (an organization Member, ProjectManager or Viewer), or null
    /// when the reader sees every project (Admin, PMO, background work). Lets a query filter in SQL with one parameter
    /// (<see cref="ProjectStore"/>) instead of a list of hidden ids.
    /// </summary>
    public long? RestrictedToUserId => SeesEverything ? null : user.UserId ?? 0;

    private bool SeesEverything => !user.IsAuthenticated || OrganizationWideWork.IsActive || user.Role is Roles.Admin or Roles.Pmo;

    public async Task<ProjectAccessLevel> LevelAsync(long projectId, CancellationToken ct = default)
    {
        var (exists, visibility) = await ProjectAsync(projectId, ct);
        if (!exists) return ProjectAccessLevel.None;
        // Background work and organization-wide cache builds read; they never write through a user's check.
        if (!user.IsAuthenticated || OrganizationWideWork.IsActive) return ProjectAccessLevel.Read;
        if (user.Role is Roles.Admin or Roles.Pmo) return ProjectAccessLevel.Manage;
        var roles = await RolesAsync(ct);
        if (!roles.TryGetValue(projectId, out var role))
            return visibility == ProjectVisibility.Organization ? ProjectAccessLevel.Read : ProjectAccessLevel.None;
        var level = ProjectAccessLevels.Of(role);
        return user.Role == Roles.Viewer && level > ProjectAccessLevel.Read ? ProjectAccessLevel.Read : level;
    }

    public async Task<bool> CanReadAsync(long projectId, CancellationToken ct = default) =>
        await LevelAsync(projectId, ct) >= ProjectAccessLevel.Read;

    public async Task DemandReadAsync(long projectId, CancellationToken ct = default)
    {
        if (!await CanReadAsync(projectId, ct)) throw new NotFoundException("Project", projectId.ToString());
    }

    public async Task<bool> CanAsync(long projectId, string permissionId, CancellationToken ct = default)
    {
        var level = await LevelAsync(projectId, ct);
        return user.IsAuthenticated && !OrganizationWideWork.IsActive && level >= Required(permissionId);
    }

    public async Task DemandAsync(long projectId, string permissionId, CancellationToken ct = default)
    {
        var level = await LevelAsync(projectId, ct);
        if (level == ProjectAccessLevel.None) throw new NotFoundException("Project", projectId.ToString());
        var required = Required(permissionId);
        if (!user.IsAuthenticated || OrganizationWideWork.IsActive || level < required)
            throw new AccessDeniedException(required switch
            {
                ProjectAccessLevel.Work => $"Only the project's members and managers, the PMO and administrators may do this ({Describe(permissionId)}).",
                _ => $"Only the project's managers, the PMO and administrators may do this ({Describe(permissionId)}).",
            });
    }

    public Task<bool> CanEditAsync(long projectId, CancellationToken ct = default) => CanAsync(projectId, ProjectPermissions.Manage, ct);

    public Task DemandEditAsync(long projectId, CancellationToken ct = default) => DemandAsync(projectId, ProjectPermissions.Manage, ct);

    public async Task<ProjectReadScope> ReadScopeAsync(CancellationToken ct = default)
    {
        if (SeesEverything) return ProjectReadScope.Everything;
        if (_scope is not null) return _scope;
        await using var connection = await connections.OpenAsync(ct);
        // Private projects are few; the partial index on visibility keeps this one short scan.
        var hidden = await connection.QueryAsync<long>(new CommandDefinition("""
            SELECT j.id FROM core_project j
            WHERE j.visibility = 'Private'
              AND NOT EXISTS (SELECT 1 FROM core_project_member m JOIN core_person p ON p.id = m.person_id
                              WHERE m.project_id = j.id AND p.user_id = @userId)
            """, new { userId = user.UserId ?? 0 }, cancellationToken: ct));
        return _scope = new ProjectReadScope(hidden);
    }

    public void DemandCreate()
    {
        if (!CanCreate) throw new AccessDeniedException("Only project managers, the PMO and administrators may start projects.");
    }

    private ProjectAccessLevel Required(string permissionId) =>
        permissions.Find(permissionId) is { IsProjectPermission: true } p ? p.RequiredLevel : ProjectAccessLevel.Manage;

    private string Describe(string permissionId) => permissions.Find(permissionId)?.Description.ToLowerInvariant() ?? permissionId;

    private async Task<(bool Exists, ProjectVisibility Visibility)> ProjectAsync(long projectId, CancellationToken ct)
    {
        if (_projects.TryGetValue(projectId, out var known)) return known;
        await using var connection = await connections.OpenAsync(ct);
        var visibility = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT visibility FROM core_project WHERE id = @projectId", new { projectId }, cancellationToken: ct));
        return _projects[projectId] = (visibility is not null, visibility == nameof(ProjectVisibility.Private) ? ProjectVisibility.Private : ProjectVisibility.Organization);
    }

    private async Task<Dictionary<long, ProjectRole>> RolesAsync(CancellationToken ct)
    {
        if (_roles is not null) return _roles;
        if (user.UserId is not { } userId) return _roles = [];
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long ProjectId, string Role)>(new CommandDefinition("""
            SELECT m.project_id, m.role FROM core_project_member m JOIN core_person p ON p.id = m.person_id WHERE p.user_id = @userId
            """, new { userId }, cancellationToken: ct));
        return _roles = rows.ToDictionary(r => r.ProjectId, r => Enum.Parse<ProjectRole>(r.Role));
    }
}
