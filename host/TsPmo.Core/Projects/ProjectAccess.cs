using Dapper;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Security;

namespace TsPmo.Core.Projects;

/// <summary>
/// Who may change a project: Admins, the PMO, and the people who are the project's Managers (through the
/// person linked to their account). Everyone signed in may read: viewers and stakeholders included.
/// </summary>
public sealed class ProjectAccess(IDbConnectionFactory connections, ICurrentUser user) : TsPmo.Sdk.Ports.Directory.IProjectPermissions
{
    /// <summary>Roles allowed to start new projects.</summary>
    public bool CanCreate => user.Role is Roles.Admin or Roles.Pmo or Roles.ProjectManager;

    public async Task<bool> CanEditAsync(long projectId, CancellationToken ct = default)
    {
        if (!user.IsAuthenticated) return false;
        if (user.Role is Roles.Admin or Roles.Pmo) return true;
        if (user.UserId is not { } userId || user.Role == Roles.Viewer) return false;
        await using var connection = await connections.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<bool>("""
            SELECT EXISTS (SELECT 1 FROM core_project_member m JOIN core_person p ON p.id = m.person_id
                           WHERE m.project_id = @projectId AND p.user_id = @userId AND m.role = 'Manager')
            """, new { projectId, userId });
    }

    /// <summary>Throws <see cref="AccessDeniedException"/> unless the current user may change the project.</summary>
    public async Task DemandEditAsync(long projectId, CancellationToken ct = default)
    {
        if (!await CanEditAsync(projectId, ct))
            throw new AccessDeniedException($"Only the project's managers, the PMO and administrators may change project {projectId}.");
    }

    public void DemandCreate()
    {
        if (!CanCreate) throw new AccessDeniedException("Only project managers, the PMO and administrators may start projects.");
    }
}
