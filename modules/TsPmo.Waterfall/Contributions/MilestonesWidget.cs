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
        // The Waterfall projects shown: not archived, readable by the viewer, the widget's project when it has one.
        var candidates = context.ProjectId is { } one
            ? (await projects.FindAsync(one) is { } p ? [p] : [])
            : await projects.ListAsync();
        var shown = candidates.Where(p => p.MethodologyId == WaterfallModule.Id && !p.Archived && context.Readable.CanRead(p.Id)).ToDictionary(p => p.Id);
        if (shown.Count == 0) return View(new List<Row>());
        await using var connection = await connections.OpenAsync();
        // Milestone dates are stored as finish moments; ordering as text is ordering in time. Late ones (before today) come first.
        // Open milestones are read in date order from the partial index ix_waterfall_task_open_milestone (migration 0002) and the
        // scan stops after eight, instead of walking every Waterfall project's tasks and sorting them.
        var rows = await connection.QueryAsync<Raw>("""
            SELECT t.project_id AS ProjectId, t.name AS Milestone, t.early_finish AS EarlyFinish, t.critical
            FROM waterfall_task t
            WHERE t.milestone = 1 AND t.percent_complete < 100 AND t.early_finish IS NOT NULL AND t.project_id IN @shown
            ORDER BY t.early_finish LIMIT 8
            """, new { shown = shown.Keys });
        return View(rows.Select(r =>
        {
            var day = DateOnly.FromDateTime(LocalTime.Parse(r.EarlyFinish)!.Value);
            return new Row(r.ProjectId, shown[r.ProjectId].Name, r.Milestone, day, r.Critical, day < today);
        }).ToList());
    }
}
