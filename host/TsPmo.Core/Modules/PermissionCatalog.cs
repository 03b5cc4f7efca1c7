using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Security;

namespace TsPmo.Core.Modules;

/// <summary>Every permission of the host and of the installed modules, and which roles hold it.</summary>
public sealed class PermissionCatalog : TsPmo.Core.Projects.IPermissionLookup
{
    private readonly Dictionary<string, PermissionDefinition> _byId;

    public PermissionCatalog(ModuleRegistry registry)
    {
        _byId = CorePermissions.All
            .Concat(TsPmo.Core.Projects.ProjectPermissions.All)
            .Concat(registry.Modules.SelectMany(m => m.Declaration.Permissions))
            .GroupBy(p => p.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public IReadOnlyCollection<PermissionDefinition> All => _byId.Values;

    public PermissionDefinition? Find(string permissionId) => _byId.GetValueOrDefault(permissionId);

    /// <summary>Admins hold every permission; an unknown permission is held by no one else.</summary>
    /// <remarks>A project permission is never held organization-wide through this check, except by Admins and the PMO.</remarks>
    public bool Allows(string? role, string permissionId) =>
        role == Roles.Admin || (role is not null && _byId.TryGetValue(permissionId, out var p) && p.GrantedTo.Contains(role));
}
