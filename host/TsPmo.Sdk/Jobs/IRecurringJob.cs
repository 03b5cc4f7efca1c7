namespace TsPmo.Sdk.Jobs;

/// <summary>
/// Background work a module declares with <see cref="Modules.IModuleBuilder.RecurringJob{TJob}"/>. The host runs it on its
/// schedule in a fresh scope, only while the module is enabled and not faulted, on one host at a time (it takes the
/// job's lease first), and records the outcome on the module's status. An exception only fails that run.
/// </summary>
public interface IRecurringJob
{
    Task RunAsync(CancellationToken ct);
}
