using Microsoft.Extensions.DependencyInjection;
using TsPmo.Risk.Api;
using TsPmo.Risk.Contributions;
using TsPmo.Risk.Domain;
using TsPmo.Risk.Services;
using TsPmo.Sdk.Caching;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Security;

namespace TsPmo.Risk;

/// <summary>
/// Risk: the RAID log of every project (risks with assessments and mitigation actions, assumptions, issues,
/// dependencies), 5×5 heat maps per project and for the portfolio, and early warnings.
/// </summary>
public sealed class RiskModule : ITsPmoModule
{
    public const string Id = "risk";

    /// <summary>Project permission: raise and update risks, their actions, issues, assumptions and dependencies.</summary>
    public const string EditRaid = "risk.raid.edit";

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        Name = "Risk",
        Description = "RAID log, 5×5 heat maps and early warning across the portfolio.",
        Version = new Version(1, 0, 0),
        SupportedSdk = SdkRange.Parse("1.0"),
        Kind = ModuleKind.Capability,
    };

    public void Register(IModuleBuilder module) => module
        .ProjectPermission(EditRaid, "Raise and update risks, their actions, issues, assumptions and dependencies", ProjectRole.Member)
        .Services(s => s
            .AddScoped<RiskMatrixService>()
            .AddScoped<RiskService>()
            .AddScoped<HeatMapService>()
            .AddScoped<EarlyWarningService>()
            .AddSingleton(sp => new StampedCache<WarningStamp, IReadOnlyList<EarlyWarning>>(sp.GetRequiredService<TimeProvider>()))
            .AddScoped<IssueService>()
            .AddScoped<AssumptionService>()
            .AddScoped<DependencyService>()
            .AddScoped<RiskOccurrenceService>()
            .AddScoped<WarningFeedService>())
        .RecurringJob<WarningFeedJob>(WarningFeedJob.Name, WarningFeedJob.Interval)
        .Migrations("Data/Migrations")
        .Setting(new SettingDefinition(RiskMatrixService.SettingKey, "Risk matrix", SettingType.Text, RiskMatrix.DefaultText)
        {
            Description = "5 rows of 5 letters (L, M, H, C) separated by /: rows impact 5 to 1, columns probability 1 to 5. "
                + "The default bands the score: Low 1–4, Medium 5–9, High 10–15, Critical 16–25. An invalid value is ignored (logged).",
        })
        .Setting(new SettingDefinition(EarlyWarningService.ReviewDaysKey, "Days before an unreviewed risk warns", SettingType.Integer, "30")
        {
            Minimum = 1, Maximum = 365,
        })
        .Menu(MenuEntry.ForPage("Risks", "Risk", "/Portfolio") with { Order = 40 })
        .Menu(MenuEntry.ForPage("Risks", "Risk", "/Register", MenuPlacement.ProjectTab) with { Order = 40 })
        .Menu(MenuEntry.ForPage("RAID log", "Risk", "/Raid/Log", MenuPlacement.ProjectTab) with { Order = 41 })
        .HealthSignals<RiskHealthSignals>()
        .LifecycleHandler<RiskLifecycleHandler>()
        .DashboardWidget<TopRisksWidget>()
        .StatusReportSection<RiskStatusSection>()
        .DemoSeeder<RiskDemoSeeder>()
        .ProjectApi(RiskApi.MapProjectApi)
        .ProjectApi(RaidApi.MapProjectApi)
        .Api(RiskApi.MapApi);
}
