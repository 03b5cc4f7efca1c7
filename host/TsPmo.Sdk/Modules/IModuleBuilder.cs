using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TsPmo.Sdk.Ports.Events;
using TsPmo.Sdk.Ports.Health;
using TsPmo.Sdk.Ports.Lifecycle;
using TsPmo.Sdk.Ports.Reporting;

namespace TsPmo.Sdk.Modules;

/// <summary>
/// The declarative registration a module fills in from <see cref="ITsPmoModule.Register"/>: everything the module
/// contributes, in one place. (Classes implementing an SDK port that a module forgets to declare are still found by
/// scanning, for plugins written against SDK 1.0; first-party modules declare every one, and a test holds them to it.)
/// </summary>
public interface IModuleBuilder
{
    ModuleManifest Manifest { get; }

    /// <summary>Extra services of the module's own (repositories, engines).</summary>
    IModuleBuilder Services(Action<IServiceCollection> configure);

    /// <summary>A permission, id prefixed by the module id (<c>scrum.edit</c>), granted by default to the given roles.</summary>
    IModuleBuilder Permission(string id, string description, params string[] grantedToRoles);

    /// <summary>
    /// A project permission, id prefixed by the module id (<c>scrum.items.edit</c>), held on a project by people whose
    /// project role is at least <paramref name="leastRole"/> (Viewer &lt; Member &lt; Manager) and by Admins and the PMO.
    /// Demand it through <c>IProjectPermissions.DemandAsync(projectId, id)</c> before a write.
    /// </summary>
    IModuleBuilder ProjectPermission(string id, string description, TsPmo.Sdk.Security.ProjectRole leastRole);

    IModuleBuilder Menu(MenuEntry entry);

    /// <summary>
    /// Forward-only SQL migrations embedded in the module assembly under <paramref name="folder"/>
    /// (<c>Migrations/0001_init.sql</c>), applied in file-name order. Tables must be prefixed by the module id.
    /// </summary>
    IModuleBuilder Migrations(string folder = "Migrations");

    IModuleBuilder Setting(SettingDefinition setting);

    IModuleBuilder DashboardWidget<TWidget>() where TWidget : class, IDashboardWidget;

    IModuleBuilder StatusReportSection<TSection>() where TSection : class, IStatusReportSection;

    /// <summary>The methodology the module is (a Methodology module declares exactly one).</summary>
    IModuleBuilder Methodology<TMethodology>() where TMethodology : class, TsPmo.Sdk.Ports.Methodology.IMethodology;

    /// <summary>Hours of assigned work per person per week, for capacity and resource planning.</summary>
    IModuleBuilder WorkDemand<TSource>() where TSource : class, TsPmo.Sdk.Ports.Resources.IWorkDemandSource;

    /// <summary>Metrics Reporting snapshots into time series.</summary>
    IModuleBuilder MetricSource<TSource>() where TSource : class, IMetricSource;

    IModuleBuilder HealthSignals<TSource>() where TSource : class, IHealthSignalSource;

    IModuleBuilder LifecycleHandler<THandler>() where THandler : class, IProjectLifecycleHandler;

    IModuleBuilder LifecycleGuard<TGuard>() where TGuard : class, ILifecycleGuard;

    /// <summary>The module's demo data for <c>seed demo</c> and <c>seed large</c>.</summary>
    IModuleBuilder DemoSeeder<TSeeder>() where TSeeder : class, TsPmo.Sdk.Ports.Seeding.IDemoSeeder;

    IModuleBuilder EventHandler<TEvent, THandler>() where TEvent : IDomainEvent where THandler : class, IDomainEventHandler<TEvent>;

    /// <summary>
    /// JSON API endpoints under <c>/api/v1/{moduleId}</c>. The group already requires a signed-in caller
    /// and answers 404 while the module is disabled.
    /// </summary>
    IModuleBuilder Api(Action<IEndpointRouteBuilder> map);

    /// <summary>JSON API endpoints under <c>/api/v1/projects/{projectId}/{moduleId}</c>.</summary>
    IModuleBuilder ProjectApi(Action<IEndpointRouteBuilder> map);

    /// <summary>Work to run once after migrations, at every start (e.g. warm a cache). A failure faults the module.</summary>
    IModuleBuilder OnStart(Func<IServiceProvider, CancellationToken, Task> start);

    /// <summary>
    /// Background work the host runs every <paramref name="interval"/>, first after <paramref name="firstRunAfter"/>
    /// (30 s by default), only while the module is enabled and healthy, on one host at a time (the job lease
    /// <paramref name="name"/>), with its last run and last error shown on the module's status. <paramref name="name"/>
    /// starts with the module id (<c>risk.warning-feed</c>); <c>Jobs:&lt;name&gt;:IntervalSeconds</c> and
    /// <c>Jobs:&lt;name&gt;:FirstRunAfterSeconds</c> in configuration override the schedule. Prefer this to a hosted service.
    /// </summary>
    IModuleBuilder RecurringJob<TJob>(string name, TimeSpan interval, TimeSpan? firstRunAfter = null) where TJob : class, TsPmo.Sdk.Jobs.IRecurringJob;
}
