using Dapper;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Reporting;
using TsPmo.Sdk.Time;

namespace TsPmo.Scrum.Contributions;

public sealed class SprintWidget : IDashboardWidget
{
    public string Id => "scrum-sprints";
    public string Title => "Scrum sprints";
    public int Order => 15;
    public string? Permission => null;
    public string ViewComponentName => SprintWidgetViewComponent.Name;
}

/// <summary>Across open Scrum projects (or one): the active sprint, its days left and points remaining, and the project's average velocity, as a table.</summary>
[ViewComponent(Name = Name)]
public sealed class SprintWidgetViewComponent(IDbConnectionFactory connections, IProjectDirectory projects, IOrganizationClock clock) : ViewComponent
{
    public const string Name = "ScrumSprint";

    /// <summary>A class with setters rather than a positional record: SQLite reports the declared type of an aggregate per
    /// row, so Dapper must not need a constructor whose parameter types match the first row.</summary>
    public sealed class Row
    {
        public long ProjectId { get; set; }
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public long? SprintId { get; set; }
        public string? SprintName { get; set; }
        public string? EndDate { get; set; }
        public double? Committed { get; set; }
        public double? Remaining { get; set; }
        public double? Velocity { get; set; }

        public int? DaysLeft(DateOnly today) => EndDate is null ? null
            : Math.Max(0, DateOnly.ParseExact(EndDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).DayNumber - today.DayNumber);
    }

    public sealed record Model(IReadOnlyList<Row> Rows, DateOnly Today);

    public async Task<IViewComponentResult> InvokeAsync(WidgetContext context)
    {
        // Eight projects first (names from the directory), then only their sprints and items: the portfolio may hold
        // hundreds of projects.
        var shown = (await projects.ListAsync())
            .Where(p => p.MethodologyId == ScrumModule.Id && p.Phase is not ("Closed" or "Cancelled")
                        && (context.ProjectId is null || p.Id == context.ProjectId) && context.Readable.CanRead(p.Id))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Take(8).ToList();
        if (shown.Count == 0) return View(new Model([], clock.Today));
        await using var connection = await connections.OpenAsync();
        var sprints = (await connection.QueryAsync<Row>("""
            SELECT sh.project_id AS ProjectId, a.id AS SprintId, a.name AS SprintName, a.end_date AS EndDate,
                   a.committed_points AS Committed,
                   (SELECT SUM(points) FROM scrum_item i WHERE i.sprint_id = a.id AND i.status <> 'Done') AS Remaining,
                   (SELECT AVG(completed_points) FROM (SELECT completed_points FROM scrum_sprint c WHERE c.project_id = sh.project_id AND c.state = 'Completed'
                                                       ORDER BY c.end_date DESC LIMIT 3)) AS Velocity
            FROM (SELECT DISTINCT project_id FROM scrum_sprint WHERE project_id IN @ids) sh
            LEFT JOIN scrum_sprint a ON a.project_id = sh.project_id AND a.state = 'Active'
            """, new { ids = shown.Select(p => p.Id).ToList() })).ToDictionary(r => r.ProjectId);
        var rows = shown.Select(p =>
        {
            var row = sprints.GetValueOrDefault(p.Id) ?? new Row { ProjectId = p.Id };
            row.Code = p.Code;
            row.Name = p.Name;
            return row;
        }).ToList();
        return View(new Model(rows, clock.Today));
    }
}
