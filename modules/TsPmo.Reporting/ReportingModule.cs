using Microsoft.Extensions.DependencyInjection;
using TsPmo.Reporting.Api;
using TsPmo.Reporting.Contributions;
using TsPmo.Reporting.Domain;
using TsPmo.Reporting.Services;
using TsPmo.Sdk.Caching;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Security;

namespace TsPmo.Reporting;

/// <summary>
/// Reporting: what leadership opens every Monday. Health per project and dimension from every enabled module's
/// signals (with PMO overrides), portfolio KPIs, weekly metric history, generated and scheduled status reports, exports.
/// Consumes only SDK ports, so it works whichever modules are enabled.
/// </summary>
public sealed class ReportingModule : ITsPmoModule
{
    public const string Id = "reporting";

    /// <summary>Project permission: generate the project's status reports.</summary>
    public const string ManageReports = "reporting.reports.manage";

    /// <summary>The portfolio dashboard on the home page, and taking snapshots: the PMO (and Admins, who hold every permission).</summary>
    public const string DashboardPermission = "reporting.dashboard";

    /// <summary>Overriding a project's health with a comment.</summary>
    public const string OverridePermission = "reporting.override";

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Id,
        Name = "Reporting",
        Description = "Portfolio dashboard, health, KPIs, metric history, automated status reports and exports.",
        Version = new Version(1, 0, 0),
        SupportedSdk = SdkRange.Parse("1.0"),
        Kind = ModuleKind.Capability,
    };

    public void Register(IModuleBuilder module) => module
        .ProjectPermission(ManageReports, "Generate the project's status reports", ProjectRole.Manager)
        .Services(s => s
            .AddSingleton(sp => new StampedCache<PortfolioStamp, PortfolioView>(sp.GetRequiredService<TimeProvider>()))
            .AddScoped<PortfolioService>()
            .AddScoped<OverrideService>()
            .AddScoped<SnapshotService>()
            .AddScoped<StatusReportService>())
        .RecurringJob<ReportingScheduler>(ReportingScheduler.Name, ReportingScheduler.Interval)
        .Migrations("Data/Migrations")
        .Permission(DashboardPermission, "See the portfolio dashboard on the home page and take metric snapshots", Roles.Pmo)
        .Permission(OverridePermission, "Override a project's health RAG with a comment and an expiry date", Roles.Pmo)
        .Setting(new SettingDefinition(ReportingScheduleSettings.Enabled, "Generate weekly status reports", SettingType.Boolean, "true")
        {
            Description = "Every active project gets a status report at the weekday and time below (organization time zone).",
        })
        .Setting(new SettingDefinition(ReportingScheduleSettings.Weekday, "Weekday of the weekly status reports", SettingType.Text, "Monday")
        {
            Description = "Monday, Tuesday, … Sunday. An invalid value pauses the schedule (logged).",
        })
        .Setting(new SettingDefinition(ReportingScheduleSettings.Time, "Time of the weekly status reports", SettingType.Text, "07:00")
        {
            Description = "24-hour HH:mm in the organization's time zone. A report missed by less than a day (host down) is generated when the host is back.",
        })
        .Menu(MenuEntry.ForPage("Reporting", "Reporting", "/Index") with { Order = 15 })
        .Menu(MenuEntry.ForPage("Status reports", "Reporting", "/Project", MenuPlacement.ProjectTab) with { Order = 70 })
        .DashboardWidget<KpiWidget>()
        .DashboardWidget<HealthWidget>()
        .DashboardWidget<PhaseWidget>()
        .Api(ReportingApi.MapApi)
        .ProjectApi(ReportingApi.MapProjectApi);
}

/// <summary>The schedule settings' keys (see <see cref="ReportSchedule"/>).</summary>
public static class ReportingScheduleSettings
{
    public const string Enabled = ReportSchedule.EnabledKey;
    public const string Weekday = ReportSchedule.WeekdayKey;
    public const string Time = ReportSchedule.TimeKey;
}
