using TsPmo.Sdk.Security;

namespace TsPmo.Sdk.Modules;

/// <summary>
/// A named right. An organization permission is granted to organization roles (<see cref="GrantedTo"/>; Admins hold
/// every permission). A project permission (<see cref="ProjectRole"/> set) is held on one project by people whose
/// role there is at least that role, and on every project by Admins and the PMO; an organization Viewer never holds
/// one above Viewer.
/// </summary>
public sealed record PermissionDefinition(string Id, string Description, IReadOnlyList<string> GrantedTo)
{
    /// <summary>The least project role holding this permission on its project; null for an organization permission.</summary>
    public ProjectRole? ProjectRole { get; init; }

    public bool IsProjectPermission => ProjectRole is not null;

    /// <summary>The access level on a project that this permission needs.</summary>
    public ProjectAccessLevel RequiredLevel => ProjectRole is { } role ? ProjectAccessLevels.Of(role) : ProjectAccessLevel.Manage;
}
