using TsPmo.Sdk.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Scrum.Domain;
using TsPmo.Scrum.Services;

namespace TsPmo.Scrum.Areas.Scrum.Pages;

/// <summary>Committed against completed points per sprint, and the Monte Carlo release forecast.</summary>
public sealed class VelocityModel(SprintService sprints) : ProjectPageModel
{
    protected override string? MethodologyId => ScrumModule.Id;
    protected override string WorkPermission => ScrumModule.EditItems;
    protected override string ManagePermission => ScrumModule.ManagePlan;

    public VelocityView View { get; private set; } = null!;
    public string ChartJson { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        await LoadProjectAsync(id, "Velocity", ct);
        View = await sprints.VelocityAsync(id, ct);
        ChartJson = JsonSerializer.Serialize(new
        {
            names = View.Sprints.Select(s => s.Name),
            committed = View.Sprints.Select(s => s.Committed),
            completed = View.Sprints.Select(s => s.Completed),
            average = View.AverageLast3,
        }).Replace("<", "\\u003c");
        return Page();
    }
}
