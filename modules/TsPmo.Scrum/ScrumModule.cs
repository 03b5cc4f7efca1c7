using Microsoft.Extensions.DependencyInjection;
using TsPmo.Scrum.Api;
using TsPmo.Scrum.Backlog;
using TsPmo.Scrum.Engine;
using TsPmo.Scrum.Ports;
using TsPmo.Scrum.Retros;
using TsPmo.Scrum.Sprints;
using TsPmo.Scrum.Widgets;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Security;

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
            .AddScoped<ScrumGuard>()
            .AddScoped<ItemService>()
            .AddScoped<SprintService>()
            .AddScoped<RetroService>()
            .AddScoped<ScrumMethodology>()
            .AddSingleton<ScrumForecastRandom>())
        .Migrations()
        .Menu(new MenuEntry("Backlog", "/Projects/{projectId}/Scrum/Backlog", MenuPlacement.ProjectTab) { Order = 10 })
        .Menu(new MenuEntry("Sprints", "/Projects/{projectId}/Scrum/Sprints", MenuPlacement.ProjectTab) { Order = 11 })
        .Menu(new MenuEntry("Board", "/Projects/{projectId}/Scrum/Board", MenuPlacement.ProjectTab) { Order = 12 })
        .Menu(new MenuEntry("Velocity", "/Projects/{projectId}/Scrum/Velocity", MenuPlacement.ProjectTab) { Order = 13 })
        .LifecycleHandler<ScrumLifecycleHandler>()
        .DemoSeeder<ScrumDemoSeeder>()
        .HealthSignals<ScrumHealthSignals>()
        .StatusReportSection<SprintStatusSection>()
        .DashboardWidget<SprintWidget>()
        .ProjectApi(ScrumApi.MapProjectApi);
}
