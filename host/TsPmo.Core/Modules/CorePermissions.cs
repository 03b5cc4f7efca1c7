using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Security;

namespace TsPmo.Core.Modules;

/// <summary>The host's own permissions; modules declare theirs in their descriptor.</summary>
public static class CorePermissions
{
    public const string ManageModules = "core.modules.manage";
    public const string ManageUsers = "core.users.manage";
    public const string ReadAudit = "core.audit.read";
    public const string ManagePeople = "core.people.manage";

    public static readonly IReadOnlyList<PermissionDefinition> All =
    [
        new(ManageModules, "Enable, disable and configure modules", [Roles.Admin]),
        new(ManageUsers, "Create accounts, change roles, deactivate accounts", [Roles.Admin]),
        new(ReadAudit, "Read the audit log", [Roles.Admin, Roles.Pmo]),
        new(ManagePeople, "Add, edit and archive people and their time off", [Roles.Admin, Roles.Pmo]),
    ];
}
