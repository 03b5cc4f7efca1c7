using Dapper;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Reporting;
using TsPmo.Sdk.Time;
using TsPmo.Waterfall.Domain;

namespace TsPmo.Waterfall.Contributions;

public sealed class MilestonesWidget : IDashboardWidget
{
    public string Id => "waterfall-milestones";
    public string Title => "Upcoming milestones";
    public int Order => 25;
    public string? Permission => null;
    public string ViewComponentName => MilestonesViewComponent.Name;
}

/// <summary>The next open milestones of Waterfall projects (or of one), with their slack and a link to the Gantt chart.</summary>
[ViewComponent(Name = Name)]
public sealed class MilestonesViewComponent(IDbConnectionFactory connections, IProjectDirectory projects, IOrganizationClock clock) : ViewComponent
{
    public const string Name = "WaterfallMilestones";

    public sealed record Row(long ProjectId, string Project, string Milestone, DateOnly Date, bool Critical, bool Late);

    private sealed class Raw
    {
        public long ProjectId { get; set; }
        public string Milestone { get; set; } = "";
        public string EarlyFinish { get; set; } = "";
        public bool Critical { get; set; }
    }

    public async Task<IViewComponentResult> InvokeAsync(WidgetContext context)
    {
        var today = clock.Today;
        // The Waterfall projects shown: not archived, readable by the viewer, the widget's project when it has one. The SQL
        // leaves out the few projects not shown (archived or unreadable) rather than list the many that are: open milestones
        // are then read in date order from the partial index ix_waterfall_task_open_milestone (migration 0002) and the scan
        // stops after eight, instead of walking every Waterfall project's tasks and sorting them.
        var all = context.ProjectId is { } one
            ? (await projects.FindAsync(one) is { } p ? [p] : [])
            : await projects.ListAsync(includeArchived: true);
        var shown = all.Where(p => p.MethodologyId == WaterfallModule.Id && !p.Archived && context.Readable.CanRead(p.Id)).ToDictionary(p => p.Id);
        if (shown.Count == 0) return View(new List<Row>());
        var excluded = all.Where(p => !shown.ContainsKey(p.Id)).Select(p => p.Id).ToArray();
        await using var connection = await connections.OpenAsync();
        // Milestone dates are stored as finish moments; ordering as text is ordering in time. Late ones (before today) come first.
        var rows = await connection.QueryAsync<Raw>("""
            SELECT t.project_id AS ProjectId, t.name AS Milestone, t.early_finish AS EarlyFinish, t.critical
            FROM waterfall_task t
            WHERE t.milestone = 1 AND t.percent_complete < 100 AND t.early_finish IS NOT NULL
              AND (@one IS NULL OR t.project_id = @one)
              AND t.project_id NOT IN (SELECT value FROM json_each(@excluded))
            ORDER BY t.early_finish LIMIT 8
            """, new { one = context.ProjectId, excluded = System.Text.Json.JsonSerializer.Serialize(excluded) });
        rows = rows.Where(r => shown.ContainsKey(r.ProjectId)).ToList();
        return View(rows.Select(r =>
        {
            var day = DateOnly.FromDateTime(LocalTime.Parse(r.EarlyFinish)!.Value);
            return new Row(r.ProjectId, shown[r.ProjectId].Name, r.Milestone, day, r.Critical, day < today);
        }).ToList());
    }
}
