namespace TsPmo.Sdk.Modules;

public enum MenuPlacement
{
    /// <summary>The main navigation bar.</summary>
    Global,

    /// <summary>A tab on a project's page; <see cref="MenuEntry.Href"/> may contain <c>{projectId}</c>.</summary>
    ProjectTab,

    /// <summary>The Admin menu.</summary>
    Admin,
}

/// <summary>
/// A link the host shows while the module is enabled and the user holds <see cref="Permission"/>. Modules name the
/// Razor page (<see cref="ForPage"/>) rather than repeat its URL: the host builds the link from the page's own route,
/// with the project's id as the route value <c>id</c> for project tabs.
/// </summary>
public sealed record MenuEntry(string Title, string Href, MenuPlacement Placement = MenuPlacement.Global)
{
    /// <summary>An entry for the module's page <paramref name="page"/> (<c>/Backlog</c>) in area <paramref name="area"/>.</summary>
    public static MenuEntry ForPage(string title, string area, string page, MenuPlacement placement = MenuPlacement.Global) =>
        new(title, "", placement) { Area = area, Page = page };

    /// <summary>The Razor area of <see cref="Page"/>; null for an entry given by <see cref="Href"/>.</summary>
    public string? Area { get; init; }

    /// <summary>The Razor page the entry links to; null for an entry given by <see cref="Href"/>.</summary>
    public string? Page { get; init; }

    /// <summary>Permission id needed to see the entry; null means every signed-in user.</summary>
    public string? Permission { get; init; }

    public int Order { get; init; } = 100;

    public string HrefFor(long projectId) => Href.Replace("{projectId}", projectId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
