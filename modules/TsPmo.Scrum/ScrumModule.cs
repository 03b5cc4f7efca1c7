using Microsoft.Extensions.DependencyInjection;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Security;
using TsPmo.Scrum.Api;
using TsPmo.Scrum.Contributions;
using TsPmo.Scrum.Engine;
using TsPmo.Scrum.Services;

namespace TsPmo.Scrum;

/// <summary>
/// Scrum: a project run in sprints. An ordered backlog, sprint planning against capacity and velocity, a board,
/// burndown and burnup, velocity with a Monte Carlo release forecast, and retrospectives whose actions carry over.
/// </summary>
public sealed class ScrumModule : ITsPmoModule
{
    public const string Id = "scrum";

    /// <summary>Project permission: create and edit backlog items and move them on the sprint board.</summary>
    public const string EditItems = "scrum.items.edit";

    /// <summary>Project permission: write retrospectives and add or tick their actions.</summary>
    public const string EditRetros = "scrum.retros.edit";

    /// <summary>Project permission: order and delete backlog items; plan, start and complete sprints.</summary>
    public const string ManagePlan = "scrum.plan.manage";

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        Name = "Scrum",
        Description = "Backlog, sprints, board, burndown and burnup, velocity with release forecasts, retrospectives.",
        Version = new Version(1, 0, 0),
        SupportedSdk = SdkRange.Parse("1.0"),
        Kind = ModuleKind.Methodology,
    };

    public void Register(IModuleBuilder module) => module
        .ProjectPermission(EditItems, "Create and edit backlog items and move them on the sprint board", ProjectRole.Member)
        .ProjectPermission(EditRetros, "Write retrospectives and add or tick their actions", ProjectRole.Member)
        .ProjectPermission(ManagePlan, "Order and delete backlog items; plan, start and complete sprints", ProjectRole.Manager)
        .Services(s => s
            .AddScoped<ItemService>()
            .AddScoped<SprintService>()
            .AddScoped<RetroService>())
        .Migrations("Data/Migrations")
        .Menu(MenuEntry.ForPage("Backlog", "Scrum", "/Backlog", MenuPlacement.ProjectTab) with { Order = 10 })
        .Menu(MenuEntry.ForPage("Sprints", "Scrum", "/Sprints", MenuPlacement.ProjectTab) with { Order = 11 })
        .Menu(MenuEntry.ForPage("Board", "Scrum", "/Board", MenuPlacement.ProjectTab) with { Order = 12 })
        .Menu(MenuEntry.ForPage("Velocity", "Scrum", "/Velocity", MenuPlacement.ProjectTab) with { Order = 13 })
        .Methodology<ScrumMethodology>()
        .WorkDemand<ScrumWorkDemand>()
        .MetricSource<ScrumMetrics>()
        .LifecycleHandler<ScrumLifecycleHandler>()
        .DemoSeeder<ScrumDemoSeeder>()
        .HealthSignals<ScrumHealthSignals>()
        .StatusReportSection<SprintStatusSection>()
        .DashboardWidget<SprintWidget>()
        .ProjectApi(ScrumApi.MapProjectApi);
}
