using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using TsPmo.Core.Modules;
using TsPmo.Sdk.Modules;

namespace TsPmo.Architecture.Tests;

/// <summary>
/// A module's descriptor lists everything it contributes: every implementation of an SDK port in the assembly is
/// declared through <see cref="IModuleBuilder"/> (nothing is left to scanning), and none is registered a second time
/// through <see cref="IModuleBuilder.Services"/>.
/// </summary>
public static class DescriptorRules
{
    public static IReadOnlyList<string> EveryContributionIsDeclaredOnce(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var moduleType = assembly.GetTypes().Single(t => typeof(ITsPmoModule).IsAssignableFrom(t) && !t.IsAbstract);
        var module = (ITsPmoModule)Activator.CreateInstance(moduleType)!;
        var builder = new ModuleBuilder(module.Manifest);
        module.Register(builder);

        var declared = builder.Declaration.Contributions.Select(c => c.Implementation)
            .Concat(builder.Declaration.RecurringJobs.Select(j => j.JobType)).ToHashSet();
        var registered = new ServiceCollection();
        foreach (var configure in builder.Declaration.ServiceRegistrations) configure(registered);
        var registeredTypes = registered.Select(d => d.ImplementationType ?? d.ServiceType).ToHashSet();

        var violations = new List<string>();
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && ImplementsAPort(t)))
        {
            if (!declared.Contains(type)) violations.Add($"{type.FullName} implements an SDK port but the descriptor does not declare it");
            else if (registeredTypes.Contains(type)) violations.Add($"{type.FullName} is declared and registered again in Services(...)");
        }
        return violations;
    }

    private static bool ImplementsAPort(Type type) => type.GetInterfaces().Any(i =>
        i.Namespace?.StartsWith("TsPmo.Sdk.Ports", StringComparison.Ordinal) == true || i == typeof(TsPmo.Sdk.Jobs.IRecurringJob));
}
