namespace TsPmo.Sdk.Ports.Reporting;

/// <summary>
/// A tile on a dashboard. The host renders the module's view component named
/// <see cref="ViewComponentName"/> with a <see cref="WidgetContext"/> argument named <c>context</c>.
/// A chart in a widget must carry a text or table alternative.
/// </summary>
public interface IDashboardWidget
{
    string Id { get; }
    string Title { get; }
    int Order { get; }

    /// <summary>Permission needed to see the widget; null means every signed-in user.</summary>
    string? Permission { get; }

    string ViewComponentName { get; }
}

/// <summary>
/// Where the widget is shown — the portfolio home page (no project) or a project's page — and the projects the viewer
/// may read: a widget shows nothing about a project outside <see cref="Readable"/> (filter in SQL with
/// <c>project_id NOT IN @hidden</c> and <see cref="TsPmo.Sdk.Security.ProjectReadScope.HiddenForSql"/>, or in memory).
/// </summary>
public sealed record WidgetContext(long? ProjectId, TsPmo.Sdk.Security.ProjectReadScope Readable);
