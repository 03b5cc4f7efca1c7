using TsPmo.Core.Modules;

namespace TsPmo.Host.Shell.Plugins;

/// <summary>
/// Wraps a hosted service a module registered itself. The generic host stops the whole process when a hosted
/// service throws from <c>StartAsync</c>; here that throw, a constructor that throws, or a background loop that
/// dies faults the module instead, and the host and every other module keep running.
/// </summary>
public sealed class IsolatedHostedService(string moduleId, Func<IServiceProvider, object> create, IServiceProvider services,
    ModuleRegistry registry, ILogger<IsolatedHostedService> logger) : IHostedService
{
    private IHostedService? _inner;

    public static ServiceDescriptor Wrap(ServiceDescriptor descriptor, string moduleId)
    {
        Func<IServiceProvider, object> create = descriptor switch
        {
            { ImplementationInstance: { } instance } => _ => instance,
            { ImplementationFactory: { } factory } => factory,
            { ImplementationType: { } type } => sp => ActivatorUtilities.CreateInstance(sp, type),
            _ => throw new InvalidOperationException("A hosted service registration without an implementation."),
        };
        return ServiceDescriptor.Singleton<IHostedService>(sp => new IsolatedHostedService(moduleId, create, sp,
            sp.GetRequiredService<ModuleRegistry>(), sp.GetRequiredService<ILogger<IsolatedHostedService>>()));
    }

    /// <summary>The module's own service, once it started; for tests and diagnostics.</summary>
    public IHostedService? Inner => _inner;

    public string ModuleId => moduleId;

    public async Task StartAsync(CancellationToken ct)
    {
        // A module faulted while migrating or in its start hook must not run background work against a broken schema.
        if (registry.Find(moduleId) is not { IsFaulted: false }) return;
        IHostedService? inner = null;
        try
        {
            inner = (IHostedService)create(services);
            await inner.StartAsync(ct);
            _inner = inner;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            Fault($"Its hosted service {inner?.GetType().Name ?? "(not created)"} failed to start", ex);
            return;
        }
        if (inner is BackgroundService { ExecuteTask: { } running })
            _ = running.ContinueWith(t =>
            {
                if (t.Exception?.GetBaseException() is { } error) Fault($"Its hosted service {inner.GetType().Name} stopped with an error", error);
            }, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public async Task StopAsync(CancellationToken ct)
    {
        if (_inner is null) return;
        try { await _inner.StopAsync(ct); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Hosted service {Service} of module {Module} failed to stop", _inner.GetType().FullName, moduleId);
        }
    }

    private void Fault(string what, Exception ex)
    {
        var error = ex is System.Reflection.TargetInvocationException { InnerException: { } i } ? i : ex;
        registry.Fault(moduleId, $"{what}: {error.GetType().Name}: {error.Message}");
        logger.LogError(ex, "Module {Module} faulted: {What}", moduleId, what);
    }
}
