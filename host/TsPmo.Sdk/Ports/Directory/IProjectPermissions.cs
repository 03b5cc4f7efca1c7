using TsPmo.Sdk.Security;

namespace TsPmo.Sdk.Ports.Directory;

/// <summary>
/// The one service that answers "may the current user read / work on / manage this project". Implemented by core
/// from the organization role (Admin and PMO: every project; Viewer: read only), the project's visibility
/// (Organization or Private) and the user's project role (Manager, Member, Viewer). Modules declare project
/// permissions in their descriptor (<c>module.ProjectPermission("scrum.items.edit", …, ProjectRole.Member)</c>)
/// and demand them here before they write.
/// A project the user may not read does not exist for them: demands about it throw NotFoundException (404),
/// so ids cannot be probed; a readable project the user may not change throws AccessDeniedException (403).
/// </summary>
public interface IProjectPermissions
{
    /// <summary>The user's level on the project (None when it does not exist or is Private to others).</summary>
    Task<ProjectAccessLevel> LevelAsync(long projectId, CancellationToken ct = default);

    Task<bool> CanReadAsync(long projectId, CancellationToken ct = default);

    /// <summary>Throws NotFoundException unless the project exists and the current user may read it.</summary>
    Task DemandReadAsync(long projectId, CancellationToken ct = default);

    /// <summary>Whether the user holds a project permission (declared by a module or core) on the project.</summary>
    Task<bool> CanAsync(long projectId, string permissionId, CancellationToken ct = default);

    /// <summary>Throws NotFoundException (unreadable) or AccessDeniedException (readable, not permitted).</summary>
    Task DemandAsync(long projectId, string permissionId, CancellationToken ct = default);

    /// <summary>May the user manage the project (a Manager's rights)? Same as the <c>core.project.manage</c> permission.</summary>
    Task<bool> CanEditAsync(long projectId, CancellationToken ct = default);

    /// <summary>Throws unless the user may manage the project; prefer <see cref="DemandAsync"/> with a declared permission.</summary>
    Task DemandEditAsync(long projectId, CancellationToken ct = default);

    /// <summary>The projects the user may read, computed once per request.</summary>
    Task<ProjectReadScope> ReadScopeAsync(CancellationToken ct = default);
}
