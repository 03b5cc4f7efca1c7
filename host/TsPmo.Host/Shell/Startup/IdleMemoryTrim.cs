using System.Runtime;

namespace TsPmo.Host.Shell.Startup;

/// <summary>
/// A PMO host is busy in bursts (a page, its partials, a few API calls) and idle most of the day. Start-up (plugin
/// loading, assembly scanning, migrations) and each burst leave garbage and an enlarged young generation behind that
/// a workstation GC keeps committed. Once start-up, or a burst of requests, has been followed by a few quiet seconds,
/// one aggressive compacting collection gives that memory back to the operating system. Under steady load there is no
/// quiet moment, so nothing runs; a trim never runs more than once per <see cref="MinInterval"/>.
/// </summary>
public sealed class IdleMemoryTrim(HostActivity activity, IHostApplicationLifetime lifetime, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(4);
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartedAsync(stoppingToken)) return;
        // Start-up counts as activity: the first trim waits for a quiet moment, so it never delays the first requests.
        var trimmedAt = time.GetTimestamp() - (long)(MinInterval.TotalSeconds * time.TimestampFrequency);
        var seenRequests = -1L;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = time.GetTimestamp();
            var requests = activity.Requests;
            if (!ShouldTrim(requests != seenRequests, time.GetElapsedTime(activity.LastRequestAt, now), time.GetElapsedTime(trimmedAt, now))) continue;
            seenRequests = requests;
            trimmedAt = Trim();
        }
    }

    /// <summary>Only after some activity, once it has been quiet for a moment, and not too often.</summary>
    internal static bool ShouldTrim(bool requestsSinceLastTrim, TimeSpan sinceLastRequest, TimeSpan sinceLastTrim) =>
        requestsSinceLastTrim && sinceLastRequest >= Quiet && sinceLastTrim >= MinInterval;

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var _ = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        try
        {
            await started.Task.WaitAsync(stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private long Trim()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return time.GetTimestamp();
    }
}

/// <summary>When the last request arrived and how many have, for <see cref="IdleMemoryTrim"/>; touched by one tiny middleware.</summary>
public sealed class HostActivity(TimeProvider time)
{
    private long _lastRequestAt = time.GetTimestamp();
    private long _requests;

    public long LastRequestAt => Interlocked.Read(ref _lastRequestAt);
    public long Requests => Interlocked.Read(ref _requests);

    public void Touch()
    {
        Interlocked.Exchange(ref _lastRequestAt, time.GetTimestamp());
        Interlocked.Increment(ref _requests);
    }
}
