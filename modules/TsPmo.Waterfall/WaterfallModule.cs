using Microsoft.Extensions.DependencyInjection;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Security;
using TsPmo.Waterfall.Api;
using TsPmo.Waterfall.Baselines;
using TsPmo.Waterfall.Calendars;
using TsPmo.Waterfall.Evm;
using TsPmo.Waterfall.Import;
using TsPmo.Waterfall.Plan;
using TsPmo.Waterfall.Ports;
using TsPmo.Waterfall.Widgets;

namespace TsPmo.Waterfall;

/// <summary>
/// Waterfall: a project planned as a schedule. A work breakdown structure with the four link types, a working-time
/// calendar, critical path scheduling to the minute, a Gantt chart, baselines, earned value and Microsoft Project
/// XML import and export.
/// </summary>
public sealed class WaterfallModule : ITsPmoModule
{
    public const string Id = "waterfall";

    /// <summary>Project permission: report task progress: % complete, actual dates and cost, notes.</summary>
    public const string EditProgress = "waterfall.progress.edit";

    /// <summary>Project permission: change the plan: tasks, links, assignments, calendar, baselines, earned-value records, import.</summary>
    public const string ManagePlan = "waterfall.plan.manage";

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        Name = "Waterfall",
        Description = "WBS, dependencies, critical path, Gantt, baselines, earned value and Microsoft Project import/export.",
        Version = new Version(1, 0, 0),
        SupportedSdk = SdkRange.Parse("1.0"),
        Kind = ModuleKind.Methodology,
    };

    public void Register(IModuleBuilder module) => module
        .ProjectPermission(EditProgress, "Report task progress: % complete, actual dates and cost, notes", ProjectRole.Member)
        .ProjectPermission(ManagePlan, "Change the plan: tasks, links, assignments, calendar, baselines, earned-value records, import", ProjectRole.Manager)
        .Services(s => s
            .AddScoped<PlanService>()
            .AddScoped<CalendarService>()
            .AddScoped<BaselineService>()
            .AddScoped<EvmService>()
            .AddScoped<MspdiImportService>())
        .Migrations()
        .Menu(new MenuEntry("Plan", "/Projects/{projectId}/Waterfall/Plan", MenuPlacement.ProjectTab) { Order = 10 })
        .Menu(new MenuEntry("Gantt", "/Projects/{projectId}/Waterfall/Gantt", MenuPlacement.ProjectTab) { Order = 11 })
        .Menu(new MenuEntry("Earned value", "/Projects/{projectId}/Waterfall/EarnedValue", MenuPlacement.ProjectTab) { Order = 12 })
        .LifecycleHandler<WaterfallLifecycleHandler>()
        .DemoSeeder<WaterfallDemoSeeder>()
        .HealthSignals<WaterfallHealthSignals>()
        .StatusReportSection<ScheduleStatusSection>()
        .DashboardWidget<MilestonesWidget>()
        .ProjectApi(PlanApi.MapProjectApi)
        .ProjectApi(WaterfallApi.MapProjectApi);
}
