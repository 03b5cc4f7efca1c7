using System.Globalization;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Modules;

namespace TsPmo.Risk.Warnings;

/// <summary>
/// Every hour (and shortly after start) publishes new early warnings to the activity feeds — while the module is
/// enabled, and on one host at a time: the run takes a lease in the database first.
/// </summary>
public sealed class WarningFeedJob(IServiceScopeFactory scopes, ILogger<WarningFeedJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly string Holder = Environment.MachineName + ":" + Environment.ProcessId;

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
        if (!await TakeLeaseAsync(scope.ServiceProvider.GetRequiredService<IDbConnectionFactory>(), ct)) return 0;
        var fresh = await scope.ServiceProvider.GetRequiredService<WarningFeed>().PublishAsync(ct);
        if (fresh > 0) logger.LogInformation("Published {Count} new risk early warning(s)", fresh);
        return fresh;
    }

    private static async Task<bool> TakeLeaseAsync(IDbConnectionFactory connections, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        static string Stamp(DateTimeOffset t) => StoredTime.Format(t);
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.ExecuteAsync("""
            INSERT INTO risk_job_lease (name, holder, until) VALUES ('warning-feed', @Holder, @until)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
            WHERE risk_job_lease.until < @now OR risk_job_lease.holder = @Holder
            """, new { Holder, until = Stamp(now + Interval - TimeSpan.FromMinutes(1)), now = Stamp(now) });
        return rows == 1;
    }
}
