using TsPmo.Core.Modules;
using TsPmo.Sdk.Ports.Events;
using TsPmo.Sdk.Ports.Health;
using TsPmo.Sdk.Ports.Lifecycle;
using TsPmo.Sdk.Ports.Methodology;
using TsPmo.Sdk.Ports.Reporting;
using TsPmo.Sdk.Ports.Resources;

namespace TsPmo.Host.Plugins;

/// <summary>
/// Adds each loaded module's Razor Pages as an application part and registers its port implementations
/// (declared ones, then the rest found by Scrutor scanning the module assembly) and its own services.
/// </summary>
public static class ModuleServiceRegistration
{
    private static readonly Type[] Ports =
    [
        typeof(IMethodology), typeof(IWorkDemandSource), typeof(IHealthSignalSource), typeof(ILifecycleGuard),
        typeof(IProjectLifecycleHandler), typeof(IDashboardWidget), typeof(IStatusReportSection), typeof(IMetricSource),
        typeof(IDomainEventHandler<>), typeof(TsPmo.Sdk.Ports.Seeding.IDemoSeeder),
    ];

    public static void AddModules(this IServiceCollection services, IMvcBuilder mvc, ModuleRegistry registry, Action<string> log)
    {
        foreach (var module in registry.Modules.Where(m => !m.IsFaulted && m.Assembly is not null))
        {
            try
            {
                var assembly = module.Assembly!;
                var declared = module.Declaration.Contributions.Select(c => c.Implementation).ToHashSet();
                foreach (var (service, implementation) in module.Declaration.Contributions)
                    services.AddScoped(service, implementation);
                services.Scan(scan => scan
                    .FromAssemblies(assembly)
                    .AddClasses(c => c.Where(t => !declared.Contains(t) && PortsOf(t).Any()), publicOnly: false)
                    .As(PortsOf)
                    .WithScopedLifetime());
                foreach (var configure in module.Declaration.ServiceRegistrations)
                    configure(services);
                mvc.AddApplicationPart(assembly);
            }
            catch (Exception ex)
            {
                registry.Fault(module.Id, $"It failed while registering its services: {ex.GetType().Name}: {ex.Message}");
                log($"Module {module.Id} faulted: {ex.Message}");
            }
        }
    }

    private static IEnumerable<Type> PortsOf(Type type) =>
        type.GetInterfaces().Where(i => Ports.Contains(i.IsGenericType ? i.GetGenericTypeDefinition() : i));
}
