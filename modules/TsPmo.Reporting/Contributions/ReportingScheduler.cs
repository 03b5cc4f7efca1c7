using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TsPmo.Reporting.Domain;
using TsPmo.Reporting.Services;
using TsPmo.Sdk.Jobs;
using TsPmo.Sdk.Modules;
using TsPmo.Sdk.Time;

namespace TsPmo.Reporting.Contributions;

/// <summary>
/// The recurring job <c>reporting.scheduler</c>: every minute (configurable: <c>Jobs:reporting.scheduler:IntervalSeconds</c>,
/// first run after <c>FirstRunAfterSeconds</c>, default 30) the host runs it while the module is enabled and on one host
/// at a time. It generates the week's scheduled status reports once per project per slot (a lease per slot too), and
/// takes the weekly metric snapshot when none was taken yet this week (weeks start on Monday).
/// Time comes from the injected <see cref="TimeProvider"/>, so tests drive it.
/// </summary>
public sealed class ReportingScheduler(IServiceProvider services, TimeProvider time, ILogger<ReportingScheduler> logger) : IRecurringJob
{
    public const string Name = "reporting.scheduler";
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(10);

    public Task RunAsync(CancellationToken ct) => RunOnceAsync(ct);

    /// <summary>One wake-up: returns how many status reports were generated and whether a snapshot was taken.</summary>
    public async Task<(int Reports, bool Snapshot)> RunOnceAsync(CancellationToken ct)
    {
        var reports = await ScheduledReportsAsync(services, ct);
        var snapshot = await WeeklySnapshotAsync(services, ct);
        return (reports, snapshot);
    }

    private async Task<int> ScheduledReportsAsync(IServiceProvider services, CancellationToken ct)
    {
        var settings = services.GetRequiredService<IModuleSettings>();
        if (!await settings.GetBooleanAsync(ReportingModule.Id, ReportSchedule.EnabledKey, ct)) return 0;
        var schedule = ReportSchedule.Parse(await settings.GetAsync(ReportingModule.Id, ReportSchedule.WeekdayKey, ct),
            await settings.GetAsync(ReportingModule.Id, ReportSchedule.TimeKey, ct), out var error);
        if (schedule is null)
        {
            logger.LogWarning("Scheduled status reports are off: {Error}", error);
            return 0;
        }
        var clock = services.GetRequiredService<IOrganizationClock>();
        var now = time.GetUtcNow();
        if (schedule.DueSlot(now, clock.TimeZone) is not { } slot) return 0;
        if (!await services.GetRequiredService<IJobLease>().TryTakeAsync("reporting.status-reports", now, LeaseTime, ct)) return 0;

        var reports = services.GetRequiredService<StatusReportService>();
        var generated = 0;
        foreach (var project in (await services.GetRequiredService<PortfolioService>().GetAsync(ct)).Active.ToList())
        {
            try
            {
                if (await reports.GenerateScheduledAsync(project.Id, slot, ct) is not null) generated++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Scheduled status report of project {Project} failed", project.Id);
            }
        }
        if (generated > 0) logger.LogInformation("Generated {Count} scheduled status report(s) for the slot {Slot:u}", generated, slot);
        return generated;
    }

    private async Task<bool> WeeklySnapshotAsync(IServiceProvider services, CancellationToken ct)
    {
        var snapshots = services.GetRequiredService<SnapshotService>();
        var today = services.GetRequiredService<IOrganizationClock>().Today;
        var weekStart = Weeks.StartOf(today);
        if (await snapshots.LastTakenAsync(ct) is { } last && last >= weekStart) return false;
        if (!await services.GetRequiredService<IJobLease>().TryTakeAsync("reporting.metric-snapshot", time.GetUtcNow(), LeaseTime, ct)) return false;
        var result = await snapshots.TakeAsync(ct);
        logger.LogInformation("Weekly metric snapshot: {Values} value(s) of {Projects} project(s)", result.Values, result.Projects);
        return true;
    }
}
