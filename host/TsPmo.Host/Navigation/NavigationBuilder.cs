using TsPmo.Core.Modules;
using TsPmo.Host.Security;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Security;

namespace TsPmo.Host.Navigation;

/// <summary>The menus of the host and of the enabled modules that the current user may see.</summary>
public sealed class NavigationBuilder(ModuleCatalog catalog, ICurrentUser user)
{
    private static readonly MenuEntry[] CoreEntries =
    [
        new("Home", "/", MenuPlacement.Global) { Order = 0 },
        new("People", "/People", MenuPlacement.Global) { Order = 20 },
        new("Modules", "/Admin/Modules", MenuPlacement.Admin) { Permission = CorePermissions.ManageModules, Order = 10 },
        new("Users", "/Admin/Users", MenuPlacement.Admin) { Permission = CorePermissions.ManageUsers, Order = 20 },
    ];

    /// <summary>Tabs of a project: its methodology module's and every enabled capability module's.</summary>
    public IReadOnlyList<MenuEntry> ProjectTabs(string methodologyId) =>
        catalog.EnabledModules
            .Where(m => m.Manifest.Kind == ModuleKind.Capability || m.Id == methodologyId)
            .SelectMany(m => m.Declaration.Menus)
            .Where(e => e.Placement == MenuPlacement.ProjectTab && (e.Permission is null || user.HasPermission(e.Permission)))
            .OrderBy(e => e.Order).ThenBy(e => e.Title, StringComparer.CurrentCulture)
            .ToList();

    public IReadOnlyList<MenuEntry> Entries(MenuPlacement placement) =>
        CoreEntries
            .Concat(catalog.EnabledModules.SelectMany(m => m.Declaration.Menus))
            .Where(e => e.Placement == placement && (e.Permission is null || user.HasPermission(e.Permission)))
            .OrderBy(e => e.Order).ThenBy(e => e.Title, StringComparer.CurrentCulture)
            .ToList();
}
