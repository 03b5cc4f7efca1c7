using Microsoft.Extensions.Logging;
using TsPmo.Risk.Services;
using TsPmo.Sdk.Jobs;

namespace TsPmo.Risk.Contributions;

/// <summary>
/// Publishes new early warnings to the activity feeds. Declared as the recurring job <c>risk.warning-feed</c>
/// (hourly, first 30 s after start): the host runs it only while the module is enabled, on one host at a time.
/// </summary>
public sealed class WarningFeedJob(WarningFeedService feed, ILogger<WarningFeedJob> logger) : IRecurringJob
{
    public const string Name = "risk.warning-feed";
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken ct)
    {
        var fresh = await feed.PublishAsync(ct);
        if (fresh > 0) logger.LogInformation("Published {Count} new risk early warning(s)", fresh);
    }
}
