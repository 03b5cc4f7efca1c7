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

/// <summary>A link the host shows while the module is enabled and the user holds <see cref="Permission"/>.</summary>
public sealed record MenuEntry(string Title, string Href, MenuPlacement Placement = MenuPlacement.Global)
{
    /// <summary>Permission id needed to see the entry; null means every signed-in user.</summary>
    public string? Permission { get; init; }

    public int Order { get; init; } = 100;

    public string HrefFor(long projectId) => Href.Replace("{projectId}", projectId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
