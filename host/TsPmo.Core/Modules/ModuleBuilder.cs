using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Ports.Events;
using TsPmo.Sdk.Ports.Health;
using TsPmo.Sdk.Ports.Lifecycle;
using TsPmo.Sdk.Ports.Reporting;
using TsPmo.Sdk.Security;

namespace TsPmo.Core.Modules;

/// <summary>Collects a module's declaration, checking that its names follow the module-id prefix rule.</summary>
public sealed class ModuleBuilder(ModuleManifest manifest) : IModuleBuilder
{
    public ModuleManifest Manifest { get; } = manifest;
    public ModuleDeclaration Declaration { get; } = new();

    public IModuleBuilder Services(Action<IServiceCollection> configure) => Add(() => Declaration.ServiceRegistrations.Add(configure));

    public IModuleBuilder Permission(string id, string description, params string[] grantedToRoles)
    {
        RequirePrefixed(id, "Permission");
        foreach (var role in grantedToRoles)
            if (!Roles.IsKnown(role)) throw new ArgumentException($"Permission {id}: unknown role '{role}'.");
        return Add(() => Declaration.Permissions.Add(new PermissionDefinition(id, description, grantedToRoles)));
    }

    public IModuleBuilder ProjectPermission(string id, string description, ProjectRole leastRole)
    {
        RequirePrefixed(id, "Permission");
        if (!Enum.IsDefined(leastRole)) throw new ArgumentException($"Permission {id}: unknown project role '{leastRole}'.");
        return Add(() => Declaration.Permissions.Add(new PermissionDefinition(id, description, [Roles.Admin, Roles.Pmo]) { ProjectRole = leastRole }));
    }

    public IModuleBuilder Menu(MenuEntry entry)
    {
        if (entry.Permission is { } p && !Declaration.Permissions.Any(x => x.Id == p) && !p.StartsWith("core.", StringComparison.Ordinal))
            throw new ArgumentException($"Menu entry '{entry.Title}' needs permission '{p}', which the module has not declared (declare permissions first).");
        return Add(() => Declaration.Menus.Add(entry));
    }

    public IModuleBuilder Migrations(string folder = "Migrations") => Add(() => Declaration.MigrationsFolder = folder);

    public IModuleBuilder Setting(SettingDefinition setting)
    {
        if (setting.Check(setting.DefaultValue) is { } error)
            throw new ArgumentException($"Setting {setting.Key}: default value is invalid: {error}");
        return Add(() => Declaration.Settings.Add(setting));
    }

    public IModuleBuilder DashboardWidget<TWidget>() where TWidget : class, IDashboardWidget => Contribute<IDashboardWidget, TWidget>();
    public IModuleBuilder StatusReportSection<TSection>() where TSection : class, IStatusReportSection => Contribute<IStatusReportSection, TSection>();
    public IModuleBuilder Methodology<TMethodology>() where TMethodology : class, TsPmo.Sdk.Ports.Methodology.IMethodology
    {
        if (Manifest.Kind != ModuleKind.Methodology) throw new ArgumentException($"Module {Manifest.Id} is not a Methodology module; it cannot declare a methodology.");
        if (Declaration.Contributions.Any(c => c.Service == typeof(TsPmo.Sdk.Ports.Methodology.IMethodology)))
            throw new ArgumentException($"Module {Manifest.Id} declares a methodology twice.");
        return Contribute<TsPmo.Sdk.Ports.Methodology.IMethodology, TMethodology>();
    }

    public IModuleBuilder WorkDemand<TSource>() where TSource : class, TsPmo.Sdk.Ports.Resources.IWorkDemandSource =>
        Contribute<TsPmo.Sdk.Ports.Resources.IWorkDemandSource, TSource>();

    public IModuleBuilder MetricSource<TSource>() where TSource : class, IMetricSource => Contribute<IMetricSource, TSource>();

    public IModuleBuilder HealthSignals<TSource>() where TSource : class, IHealthSignalSource => Contribute<IHealthSignalSource, TSource>();
    public IModuleBuilder LifecycleHandler<THandler>() where THandler : class, IProjectLifecycleHandler => Contribute<IProjectLifecycleHandler, THandler>();
    public IModuleBuilder LifecycleGuard<TGuard>() where TGuard : class, ILifecycleGuard => Contribute<ILifecycleGuard, TGuard>();

    public IModuleBuilder DemoSeeder<TSeeder>() where TSeeder : class, TsPmo.Sdk.Ports.Seeding.IDemoSeeder
        => Contribute<TsPmo.Sdk.Ports.Seeding.IDemoSeeder, TSeeder>();

    public IModuleBuilder EventHandler<TEvent, THandler>() where TEvent : IDomainEvent where THandler : class, IDomainEventHandler<TEvent>
        => Contribute<IDomainEventHandler<TEvent>, THandler>();

    public IModuleBuilder Api(Action<IEndpointRouteBuilder> map) => Add(() => Declaration.Api.Add(map));
    public IModuleBuilder ProjectApi(Action<IEndpointRouteBuilder> map) => Add(() => Declaration.ProjectApi.Add(map));
    public IModuleBuilder OnStart(Func<IServiceProvider, CancellationToken, Task> start) => Add(() => Declaration.StartHooks.Add(start));

    public IModuleBuilder RecurringJob<TJob>(string name, TimeSpan interval, TimeSpan? firstRunAfter = null) where TJob : class, TsPmo.Sdk.Jobs.IRecurringJob
    {
        RequirePrefixed(name, "Recurring job");
        if (interval < TimeSpan.FromSeconds(1)) throw new ArgumentException($"Recurring job {name}: the interval must be at least one second.");
        if (firstRunAfter < TimeSpan.Zero) throw new ArgumentException($"Recurring job {name}: the first run cannot be before the start.");
        if (Declaration.RecurringJobs.Any(j => j.Name == name)) throw new ArgumentException($"Recurring job {name} is declared twice.");
        return Add(() => Declaration.RecurringJobs.Add(new RecurringJobDeclaration(name, typeof(TJob), interval, firstRunAfter ?? TimeSpan.FromSeconds(30))));
    }

    private ModuleBuilder Contribute<TService, TImplementation>() =>
        Add(() => Declaration.Contributions.Add((typeof(TService), typeof(TImplementation))));

    private ModuleBuilder Add(Action action)
    {
        action();
        return this;
    }

    private void RequirePrefixed(string name, string what)
    {
        if (!name.StartsWith(Manifest.Id + ".", StringComparison.Ordinal))
            throw new ArgumentException($"{what} '{name}' must start with the module id: '{Manifest.Id}.'.");
    }
}
