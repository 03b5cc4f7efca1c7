using TsPmo.Sdk.Ports.Directory;
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
public sealed class FlowWidgetViewComponent(IDbConnectionFactory connections, IProjectDirectory projects, IOrganizationClock clock) : ViewComponent
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
        // Pick the eight projects first (names from the directory), then count only their cards: the portfolio may
        // hold hundreds of boards.
        var shown = (await projects.ListAsync())
            .Where(p => p.MethodologyId == AgileModule.Id && p.Phase is not ("Closed" or "Cancelled")
                        && (context.ProjectId is null || p.Id == context.ProjectId) && context.Readable.CanRead(p.Id))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Take(8).ToList();
        if (shown.Count == 0) return View(new List<Row>());
        var since = StoredTime.Format(clock.UtcNow.AddDays(-28));
        await using var connection = await connections.OpenAsync();
        var counts = (await connection.QueryAsync<Row>("""
            SELECT c.project_id AS ProjectId,
                   COUNT(CASE WHEN c.started_at IS NOT NULL AND c.done_at IS NULL THEN 1 END) AS InProgress,
                   COUNT(CASE WHEN c.blocked = 1 AND c.done_at IS NULL THEN 1 END) AS Blocked,
                   COUNT(CASE WHEN c.done_at >= @since THEN 1 END) AS DoneLast4Weeks
            FROM agile_card c WHERE c.project_id IN @ids
            GROUP BY c.project_id
            """, new { since, ids = shown.Select(p => p.Id).ToList() })).ToDictionary(r => r.ProjectId);
        var rows = shown.Select(p => counts.TryGetValue(p.Id, out var r)
            ? new Row { ProjectId = p.Id, Code = p.Code, Name = p.Name, InProgress = r.InProgress, Blocked = r.Blocked, DoneLast4Weeks = r.DoneLast4Weeks }
            : new Row { ProjectId = p.Id, Code = p.Code, Name = p.Name }).ToList();
        return View(rows);
    }
}
