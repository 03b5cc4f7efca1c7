using TsPmo.Core.Modules;
using TsPmo.Sdk.Jobs;

namespace TsPmo.Host.Shell.Plugins;

/// <summary>
/// The one hosted service that runs every module's declared recurring jobs. Each job has its own loop; a run
/// happens only while its module is enabled and not faulted, and only on the host that takes the job's lease.
/// Whatever a run throws (its constructor included) is recorded on the module's status and logged; nothing escapes.
/// </summary>
public sealed class RecurringJobRunner(
    ModuleRegistry registry,
    IServiceScopeFactory scopes,
    TimeProvider time,
    IConfiguration configuration,
    ILogger<RecurringJobRunner> logger) : BackgroundService
{
    public enum Outcome { Ran, Failed, ModuleOff, LeaseHeldElsewhere, UnknownJob }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(registry.Modules
            .Where(m => !m.IsFaulted)
            .SelectMany(m => m.Declaration.RecurringJobs.Select(j => LoopAsync(m, j, stoppingToken))));

    /// <summary>The schedule in force: the declaration, unless <c>Jobs:&lt;name&gt;:IntervalSeconds</c> / <c>FirstRunAfterSeconds</c> say otherwise.</summary>
    public (TimeSpan Interval, TimeSpan FirstRunAfter) ScheduleOf(RecurringJobDeclaration job)
    {
        var jobs = configuration.GetSection("Jobs");
        // Environment variables cannot carry a '.' in a shell, so Jobs__risk_warning_feed__IntervalSeconds works too.
        var section = jobs.GetSection(job.Name) is { } named && named.Exists() ? named : jobs.GetSection(EnvironmentName(job.Name));
        var interval = Seconds(section["IntervalSeconds"]) is { } s ? TimeSpan.FromSeconds(Math.Clamp(s, 1, 31 * 86400)) : job.Interval;
        var first = Seconds(section["FirstRunAfterSeconds"]) is { } f ? TimeSpan.FromSeconds(Math.Clamp(f, 0, 31 * 86400)) : job.FirstRunAfter;
        return (interval, first);
    }

    public static string EnvironmentName(string jobName) => jobName.Replace('.', '_').Replace('-', '_');

    // An unreadable value keeps the declared schedule rather than stopping every job's loop.
    private static double? Seconds(string? value) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

    private async Task LoopAsync(InstalledModule module, RecurringJobDeclaration job, CancellationToken stoppingToken)
    {
        var (interval, first) = ScheduleOf(job);
        try
        {
            await Task.Delay(first, time, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await RunOnceAsync(module, job, interval, stoppingToken);
                await Task.Delay(interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    /// <summary>Runs one job now, with the same checks as its schedule (what the tests and an administrator's "run now" use).</summary>
    public Task<Outcome> RunNowAsync(string name, CancellationToken ct = default)
    {
        foreach (var module in registry.Modules)
            if (module.Declaration.RecurringJobs.FirstOrDefault(j => j.Name == name) is { } job)
                return RunOnceAsync(module, job, ScheduleOf(job).Interval, ct);
        return Task.FromResult(Outcome.UnknownJob);
    }

    private async Task<Outcome> RunOnceAsync(InstalledModule module, RecurringJobDeclaration job, TimeSpan interval, CancellationToken ct)
    {
        try
        {
            if (module.IsFaulted) return Outcome.ModuleOff;
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            if (!services.GetRequiredService<ModuleCatalog>().IsEnabled(module.Id)) return Outcome.ModuleOff;
            // The lease ends a little before the next run, so whichever host wakes first next time may take it,
            // and a host that died does not hold the job for longer than one interval.
            var lease = interval - TimeSpan.FromTicks(Math.Min(interval.Ticks / 10, TimeSpan.FromMinutes(1).Ticks));
            if (!await services.GetRequiredService<IJobLease>().TryTakeAsync(job.Name, time.GetUtcNow(), lease, ct)) return Outcome.LeaseHeldElsewhere;

            var instance = (IRecurringJob)services.GetRequiredService(job.JobType);
            await instance.RunAsync(ct);
            module.RecordJobRun(job.Name, time.GetUtcNow(), null);
            return Outcome.Ran;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var error = ex is System.Reflection.TargetInvocationException { InnerException: { } i } ? i : ex;
            module.RecordJobRun(job.Name, time.GetUtcNow(), $"{error.GetType().Name}: {error.Message}");
            logger.LogError(ex, "Recurring job {Job} of module {Module} failed", job.Name, module.Id);
            return Outcome.Failed;
        }
    }
}
