using Dapper;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Reporting;
using TsPmo.Sdk.Time;

namespace TsPmo.Agile.Widgets;

public sealed class FlowWidget : IDashboardWidget
{
    public string Id => "agile-flow";
    public string Title => "Kanban flow";
    public int Order => 20;
    public string? Permission => null;
    public string ViewComponentName => FlowWidgetViewComponent.Name;
}

/// <summary>Across Kanban projects (or one): cards in progress, blocked, and finished in the last four weeks, as a table.</summary>
[ViewComponent(Name = Name)]
public sealed class FlowWidgetViewComponent(IDbConnectionFactory connections, IOrganizationClock clock) : ViewComponent
{
    public const string Name = "AgileFlow";

    public sealed record Row(long ProjectId, string Code, string Name, int InProgress, int Blocked, int DoneLast4Weeks);

    public async Task<IViewComponentResult> InvokeAsync(WidgetContext context)
    {
        var since = clock.UtcNow.AddDays(-28).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        await using var connection = await connections.OpenAsync();
        var rows = await connection.QueryAsync<Row>("""
            SELECT p.id AS ProjectId, p.code, p.name,
                   COUNT(CASE WHEN c.started_at IS NOT NULL AND c.done_at IS NULL THEN 1 END) AS InProgress,
                   COUNT(CASE WHEN c.blocked = 1 AND c.done_at IS NULL THEN 1 END) AS Blocked,
                   COUNT(CASE WHEN c.done_at >= @since THEN 1 END) AS DoneLast4Weeks
            FROM core_project p LEFT JOIN agile_card c ON c.project_id = p.id
            WHERE p.methodology_id = 'agile' AND p.archived = 0 AND p.phase NOT IN ('Closed', 'Cancelled')
              AND (@project IS NULL OR p.id = @project)
            GROUP BY p.id ORDER BY p.name COLLATE NOCASE LIMIT 8
            """, new { since, project = context.ProjectId });
        return View(rows.ToList());
    }
}
