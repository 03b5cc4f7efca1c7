using TsPmo.Core.Modules;
using TsPmo.Host.Shell.Security;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Security;

namespace TsPmo.Host.Shell.Navigation;

/// <summary>The menus of the host and of the enabled modules that the current user may see.</summary>
public sealed class NavigationBuilder(ModuleCatalog catalog, ICurrentUser user, LinkGenerator links)
{
    private static readonly MenuEntry[] CoreEntries =
    [
        new("Home", "/", MenuPlacement.Global) { Order = 0 },
        new("Portfolio", "/Projects", MenuPlacement.Global) { Order = 10 },
        new("Activity", "/Activity", MenuPlacement.Global) { Order = 30 },
        new("Audit log", "/Admin/Audit", MenuPlacement.Admin) { Permission = CorePermissions.ReadAudit, Order = 30 },
        new("People", "/People", MenuPlacement.Global) { Order = 20 },
        new("Modules", "/Admin/Modules", MenuPlacement.Admin) { Permission = CorePermissions.ManageModules, Order = 10 },
        new("Users", "/Admin/Users", MenuPlacement.Admin) { Permission = CorePermissions.ManageUsers, Order = 20 },
    ];

    private static readonly MenuEntry[] CoreProjectTabs =
    [
        new("Overview", "/Projects/{projectId}", MenuPlacement.ProjectTab) { Order = 0 },
        new("Members", "/Projects/{projectId}/Members", MenuPlacement.ProjectTab) { Order = 900 },
        new("Documents", "/Projects/{projectId}/Documents", MenuPlacement.ProjectTab) { Order = 910 },
        new("Activity", "/Projects/{projectId}/Activity", MenuPlacement.ProjectTab) { Order = 920 },
    ];

    /// <summary>Tabs of a project: core's, its methodology module's and every enabled capability module's.</summary>
    public IReadOnlyList<MenuEntry> ProjectTabs(string methodologyId) =>
        CoreProjectTabs.Concat(catalog.EnabledModules
            .Where(m => m.Manifest.Kind == ModuleKind.Capability || m.Id == methodologyId)
            .SelectMany(m => m.Declaration.Menus))
            .Where(e => e.Placement == MenuPlacement.ProjectTab && (e.Permission is null || user.HasPermission(e.Permission)))
            .OrderBy(e => e.Order).ThenBy(e => e.Title, StringComparer.CurrentCulture)
            .ToList();

    public IReadOnlyList<MenuEntry> Entries(MenuPlacement placement) =>
        CoreEntries
            .Concat(catalog.EnabledModules.SelectMany(m => m.Declaration.Menus))
            .Where(e => e.Placement == placement && (e.Permission is null || user.HasPermission(e.Permission)))
            .OrderBy(e => e.Order).ThenBy(e => e.Title, StringComparer.CurrentCulture)
            .Select(e => e.Page is null ? e : e with { Href = HrefOf(e) })
            .ToList();

    /// <summary>Where an entry leads: its page's route (with the project's id for a tab), or its literal href.</summary>
    public string HrefOf(MenuEntry entry, long? projectId = null)
    {
        if (entry.Page is null) return projectId is { } p ? entry.HrefFor(p) : entry.Href;
        var path = projectId is { } id
            ? links.GetPathByPage(entry.Page, handler: null, values: new { area = entry.Area, id })
            : links.GetPathByPage(entry.Page, handler: null, values: new { area = entry.Area });
        return path ?? throw new InvalidOperationException($"Menu entry '{entry.Title}' names page {entry.Area}{entry.Page}, which has no route.");
    }
}
