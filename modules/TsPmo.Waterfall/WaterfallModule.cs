using Microsoft.Extensions.DependencyInjection;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Security;
using TsPmo.Waterfall.Api;
using TsPmo.Waterfall.Contributions;
using TsPmo.Waterfall.Services;

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
            .AddScoped<EarnedValueService>()
            .AddScoped<MspdiService>())
        .Migrations("Data/Migrations")
        .Menu(MenuEntry.ForPage("Plan", "Waterfall", "/Plan", MenuPlacement.ProjectTab) with { Order = 10 })
        .Menu(MenuEntry.ForPage("Gantt", "Waterfall", "/Gantt", MenuPlacement.ProjectTab) with { Order = 11 })
        .Menu(MenuEntry.ForPage("Earned value", "Waterfall", "/EarnedValue", MenuPlacement.ProjectTab) with { Order = 12 })
        .Methodology<WaterfallMethodology>()
        .WorkDemand<WaterfallWorkDemand>()
        .LifecycleHandler<WaterfallLifecycleHandler>()
        .DemoSeeder<WaterfallDemoSeeder>()
        .HealthSignals<WaterfallHealthSignals>()
        .StatusReportSection<ScheduleStatusSection>()
        .DashboardWidget<MilestonesWidget>()
        .ProjectApi(PlanApi.MapProjectApi)
        .ProjectApi(WaterfallApi.MapProjectApi);
}
