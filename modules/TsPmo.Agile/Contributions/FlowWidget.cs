using Dapper;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Reporting;
using TsPmo.Sdk.Time;

namespace TsPmo.Agile.Contributions;

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

    // A class with setters, not a positional record: Dapper matches record constructors by exact column types, and
    // SQLite hands COUNT back as Int64.
    public sealed class Row
    {
        public long ProjectId { get; init; }
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public int InProgress { get; init; }
        public int Blocked { get; init; }
        public int DoneLast4Weeks { get; init; }
    }

    public async Task<IViewComponentResult> InvokeAsync(WidgetContext context)
    {
        var since = StoredTime.Format(clock.UtcNow.AddDays(-28));
        await using var connection = await connections.OpenAsync();
        // Pick the eight projects first, then count only their cards: the portfolio may hold hundreds of boards.
        var rows = await connection.QueryAsync<Row>("""
            WITH shown AS (
                SELECT id, code, name FROM core_project
                WHERE methodology_id = 'agile' AND archived = 0 AND phase NOT IN ('Closed', 'Cancelled') AND (@project IS NULL OR id = @project) AND id NOT IN @hidden
                ORDER BY name COLLATE NOCASE LIMIT 8)
            SELECT s.id AS ProjectId, s.code, s.name,
                   COUNT(CASE WHEN c.started_at IS NOT NULL AND c.done_at IS NULL THEN 1 END) AS InProgress,
                   COUNT(CASE WHEN c.blocked = 1 AND c.done_at IS NULL THEN 1 END) AS Blocked,
                   COUNT(CASE WHEN c.done_at >= @since THEN 1 END) AS DoneLast4Weeks
            FROM shown s LEFT JOIN agile_card c ON c.project_id = s.id
            GROUP BY s.id, s.code, s.name ORDER BY s.name COLLATE NOCASE
            """, new { since, project = context.ProjectId, hidden = context.Readable.HiddenForSql });
        return View(rows.ToList());
    }
}
