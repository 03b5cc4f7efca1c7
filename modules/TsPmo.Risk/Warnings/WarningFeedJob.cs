using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TsPmo.Sdk.Jobs;
using TsPmo.Sdk.Modules;

namespace TsPmo.Risk.Warnings;

/// <summary>
/// Every hour (and shortly after start) publishes new early warnings to the activity feeds — while the module is
/// enabled, and on one host at a time: the run takes a lease in the database first.
/// </summary>
public sealed class WarningFeedJob(IServiceScopeFactory scopes, ILogger<WarningFeedJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try { await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken); }
        catch (OperationCanceledException) { return; }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Publishing risk early warnings failed");
            }
            try { await Task.Delay(Interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!scope.ServiceProvider.GetRequiredService<IModuleCatalog>().IsEnabled(RiskModule.Id)) return 0;
        // The lease ends a minute before the next run, so the next hour's run on any host finds it free.
        if (!await scope.ServiceProvider.GetRequiredService<IJobLease>().TryTakeAsync("risk.warning-feed", DateTimeOffset.UtcNow, Interval - TimeSpan.FromMinutes(1), ct)) return 0;
        var fresh = await scope.ServiceProvider.GetRequiredService<WarningFeed>().PublishAsync(ct);
        if (fresh > 0) logger.LogInformation("Published {Count} new risk early warning(s)", fresh);
        return fresh;
    }
}
