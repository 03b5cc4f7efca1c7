using TsPmo.Core.Modules;
using TsPmo.Sdk.Ports.Events;
using TsPmo.Sdk.Ports.Health;
using TsPmo.Sdk.Ports.Lifecycle;
using TsPmo.Sdk.Ports.Methodology;
using TsPmo.Sdk.Ports.Reporting;
using TsPmo.Sdk.Ports.Resources;

namespace TsPmo.Host.Shell.Plugins;

/// <summary>
/// Adds each loaded module's Razor Pages as an application part and registers its port implementations
/// (declared ones, then the rest found by scanning the module assembly), its recurring jobs and its own services.
/// Port implementations are registered under their own type and listed in the <see cref="ContributionIndex"/>, so
/// only enabled modules' are ever constructed; hosted services the module registers are wrapped so that a throw
/// faults the module instead of stopping the host.
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
        var index = new ContributionIndex();
        services.AddSingleton(index);
        services.AddSingleton<RecurringJobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<RecurringJobRunner>());
        foreach (var module in registry.Modules.Where(m => !m.IsFaulted && m.Assembly is not null))
        {
            // The module's registrations go straight into the host's collection (so its TryAdd calls see the host's
            // services), and are taken out again if it throws halfway: nothing half-registered can be constructed later.
            var first = services.Count;
            var contributions = new List<(Type Service, Type Implementation)>();
            try
            {
                var assembly = module.Assembly!;
                contributions.AddRange(module.Declaration.Contributions);
                var declared = contributions.Select(c => c.Implementation).ToHashSet();
                var scanned = new ServiceCollection();
                scanned.Scan(scan => scan
                    .FromAssemblies(assembly)
                    .AddClasses(c => c.Where(t => !declared.Contains(t) && PortsOf(t).Any()), publicOnly: false)
                    .AsSelf()
                    .WithScopedLifetime());
                foreach (var type in scanned.Select(d => d.ImplementationType).OfType<Type>())
                    foreach (var port in PortsOf(type))
                        contributions.Add((port, type));
                foreach (var implementation in contributions.Select(c => c.Implementation).Distinct())
                    services.AddScoped(implementation);
                foreach (var job in module.Declaration.RecurringJobs)
                    services.AddScoped(job.JobType);
                foreach (var configure in module.Declaration.ServiceRegistrations)
                    configure(services);
                mvc.AddApplicationPart(assembly);
            }
            catch (Exception ex)
            {
                while (services.Count > first) services.RemoveAt(services.Count - 1);
                registry.Fault(module.Id, $"It failed while registering its services: {ex.GetType().Name}: {ex.Message}");
                log($"Module {module.Id} faulted: {ex.Message}");
                continue;
            }
            foreach (var (service, implementation) in contributions) index.Add(service, implementation, module.Id);
            for (var i = first; i < services.Count; i++)
                if (services[i].ServiceType == typeof(IHostedService))
                    services[i] = IsolatedHostedService.Wrap(services[i], module.Id);
        }
    }

    private static IEnumerable<Type> PortsOf(Type type) =>
        type.GetInterfaces().Where(i => Ports.Contains(i.IsGenericType ? i.GetGenericTypeDefinition() : i));
}
