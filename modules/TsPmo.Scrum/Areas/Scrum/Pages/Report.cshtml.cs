using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Web;
using TsPmo.Scrum.Domain;
using TsPmo.Scrum.Engine;
using TsPmo.Scrum.Services;

namespace TsPmo.Scrum.Areas.Scrum.Pages;

/// <summary>A sprint's burndown (remaining against the ideal line) and burnup (completed against total scope), with tables.</summary>
public sealed class ReportModel(SprintService sprints) : ProjectPageModel
{
    protected override string? MethodologyId => ScrumModule.Id;
    protected override string WorkPermission => ScrumModule.EditItems;
    protected override string ManagePermission => ScrumModule.ManagePlan;

    public Sprint Sprint { get; private set; } = null!;
    public Burndown Burndown { get; private set; } = null!;
    public string ChartJson { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(long id, long sprintId, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Sprint report", ct, new Breadcrumb("Sprints", Url.Page("/Sprints", new { area = "Scrum", id })));
        Sprint = await sprints.GetAsync(id, sprintId, ct);
        ViewData["Title"] = $"{Project.Code} {Sprint.Name} burndown";
        Burndown = await sprints.BurndownAsync(id, sprintId, ct);
        ChartJson = JsonSerializer.Serialize(new
        {
            committed = Burndown.CommittedPoints,
            start = Sprint.Start.ToString("yyyy-MM-dd"),
            days = Burndown.Days.Select(d => d.Date.ToString("yyyy-MM-dd")),
            working = Burndown.Days.Select(d => d.WorkingDay),
            remaining = Burndown.Days.Select(d => d.RemainingPoints),
            ideal = Burndown.Days.Select(d => d.IdealPoints),
            scope = Burndown.Days.Select(d => d.ScopePoints),
            completed = Burndown.Days.Select(d => d.CompletedPoints),
        }).Replace("<", "\\u003c");
        return Page();
    }
}
