using Microsoft.Extensions.DependencyInjection;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Security;
using TsPmo.Agile.Api;
using TsPmo.Agile.Contributions;
using TsPmo.Agile.Services;

namespace TsPmo.Agile;

/// <summary>
/// Agile (Kanban): a project run as continuous flow. Configurable columns with WIP limits, swimlanes by class
/// of service, every move recorded so flow metrics are exact, and Monte Carlo forecasts from the team's own
/// throughput.
/// </summary>
public sealed class AgileModule : ITsPmoModule
{
    public const string Id = "agile";

    /// <summary>Project permission: create and edit cards and move them across the board within the WIP limits.</summary>
    public const string EditCards = "agile.cards.edit";

    /// <summary>Project permission: change the board's columns and WIP limits, the forecast settings, and import cards.</summary>
    public const string ManageBoard = "agile.board.manage";

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        Name = "Agile (Kanban)",
        Description = "Flow boards with WIP limits, cycle time, throughput, cumulative flow and Monte Carlo forecasts.",
        Version = new Version(1, 0, 0),
        SupportedSdk = SdkRange.Parse("1.0"),
        Kind = ModuleKind.Methodology,
    };

    public void Register(IModuleBuilder module) => module
        .ProjectPermission(EditCards, "Create and edit cards and move them across the board within the WIP limits", ProjectRole.Member)
        .ProjectPermission(ManageBoard, "Change the board's columns and WIP limits, the forecast settings, and import cards", ProjectRole.Manager)
        .Services(s => s
            .AddScoped<BoardService>()
            .AddScoped<FlowService>())
        .Migrations("Data/Migrations")
        .Menu(MenuEntry.ForPage("Board", "Agile", "/Board", MenuPlacement.ProjectTab) with { Order = 10 })
        .Methodology<AgileMethodology>()
        .WorkDemand<AgileWorkDemand>()
        .LifecycleHandler<AgileLifecycleHandler>()
        .DemoSeeder<AgileDemoSeeder>()
        .HealthSignals<AgileHealthSignals>()
        .StatusReportSection<FlowStatusSection>()
        .DashboardWidget<FlowWidget>()
        .ProjectApi(AgileApi.MapProjectApi)
        .ProjectApi(FlowApi.MapProjectApi);
}
