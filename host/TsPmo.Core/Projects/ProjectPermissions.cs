using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Security;

namespace TsPmo.Core.Projects;

/// <summary>Core's project permissions; modules declare theirs with <c>module.ProjectPermission(…)</c>.</summary>
public static class ProjectPermissions
{
    public const string Read = "core.project.read";
    public const string Work = "core.project.work";
    public const string Manage = "core.project.manage";
    public const string EditDocuments = "core.documents.edit";
    public const string ManageMembers = "core.members.manage";
    public const string ChangePhase = "core.lifecycle.change";

    public static readonly IReadOnlyList<PermissionDefinition> All =
    [
        Project(Read, "Read the project: its pages, documents, activity, reports and every module's data about it", ProjectRole.Viewer),
        Project(Work, "Work on the project: the least right any write to it needs (modules declare finer ones)", ProjectRole.Member),
        Project(Manage, "Edit the project's facts (name, dates, budget, visibility), archive it", ProjectRole.Manager),
        Project(EditDocuments, "Create and edit the project's documents", ProjectRole.Manager),
        Project(ManageMembers, "Add and remove members, change their roles", ProjectRole.Manager),
        Project(ChangePhase, "Move the project through its lifecycle", ProjectRole.Manager),
    ];

    private static PermissionDefinition Project(string id, string description, ProjectRole role) =>
        new(id, description, [Roles.Admin, Roles.Pmo]) { ProjectRole = role };
}

/// <summary>Looks up a declared permission (core's or an installed module's); implemented by the host's catalog.</summary>
public interface IPermissionLookup
{
    PermissionDefinition? Find(string permissionId);
}

/// <summary>Core's permissions alone, for tools and tests that run without the host's module catalog.</summary>
public sealed class CorePermissionLookup : IPermissionLookup
{
    private static readonly Dictionary<string, PermissionDefinition> ById = ProjectPermissions.All.ToDictionary(p => p.Id);

    public PermissionDefinition? Find(string permissionId) => ById.GetValueOrDefault(permissionId);
}
