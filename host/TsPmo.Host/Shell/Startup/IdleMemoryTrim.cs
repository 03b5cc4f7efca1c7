using System.Diagnostics;
using System.Runtime;

namespace TsPmo.Host.Shell.Startup;

/// <summary>
/// A PMO host is busy in bursts (a page, its partials, a few API calls) and idle most of the day. Start-up (plugin
/// loading, assembly scanning, migrations) and each burst leave garbage and an enlarged young generation behind that
/// a workstation GC keeps committed. Once start-up, or a burst of requests, has been followed by a few quiet seconds,
/// one aggressive compacting collection gives that memory back to the operating system. Under steady load there is no
/// quiet moment, so nothing runs; a trim never runs more than once per <c>MinIntervalSeconds</c>. The collection
/// blocks the process for its pause (a few milliseconds at idle sizes; measured in the admin guide), which is why it
/// waits for quiet. Configured under <c>Memory:IdleTrim</c> (<see cref="IdleTrimOptions"/>); <c>Enabled=false</c>
/// leaves memory to the GC's own policy.
/// </summary>
public sealed class IdleMemoryTrim(HostActivity activity, IHostApplicationLifetime lifetime, TimeProvider time, IConfiguration configuration,
    ILogger<IdleMemoryTrim> log) : BackgroundService
{
    private readonly IdleTrimOptions _options = configuration.GetSection("Memory:IdleTrim").Get<IdleTrimOptions>() ?? new IdleTrimOptions();

    /// <summary>How long the last trim blocked the process; null before the first.</summary>
    public TimeSpan? LastPause { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled || !await StartedAsync(stoppingToken)) return;
        var quiet = TimeSpan.FromSeconds(_options.QuietSeconds);
        var minInterval = TimeSpan.FromSeconds(_options.MinIntervalSeconds);
        // Start-up counts as activity: the first trim waits for a quiet moment, so it never delays the first requests.
        var trimmedAt = time.GetTimestamp() - (long)(minInterval.TotalSeconds * time.TimestampFrequency);
        var seenRequests = -1L;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = time.GetTimestamp();
            var requests = activity.Requests;
            if (!ShouldTrim(requests != seenRequests, time.GetElapsedTime(activity.LastRequestAt, now), time.GetElapsedTime(trimmedAt, now), quiet, minInterval)) continue;
            seenRequests = requests;
            trimmedAt = Trim();
        }
    }

    /// <summary>Only after some activity, once it has been quiet for a moment, and not too often.</summary>
    internal static bool ShouldTrim(bool requestsSinceLastTrim, TimeSpan sinceLastRequest, TimeSpan sinceLastTrim, TimeSpan quiet, TimeSpan minInterval) =>
        requestsSinceLastTrim && sinceLastRequest >= quiet && sinceLastTrim >= minInterval;

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
        var before = Environment.WorkingSet;
        var watch = Stopwatch.StartNew();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        LastPause = watch.Elapsed;
        log.LogDebug("Idle memory trim: working set {Before:N0} → {After:N0} MB, paused {Pause:N1} ms",
            before / 1_048_576, Environment.WorkingSet / 1_048_576, LastPause.Value.TotalMilliseconds);
        return time.GetTimestamp();
    }
}

/// <summary>The <c>Memory:IdleTrim</c> settings of <see cref="IdleMemoryTrim"/>.</summary>
public sealed class IdleTrimOptions
{
    /// <summary>Give memory back to the operating system when the host falls quiet (default on).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds without a request before a trim (default 4).</summary>
    public double QuietSeconds { get; set; } = 4;

    /// <summary>Fewest seconds between two trims (default 10).</summary>
    public double MinIntervalSeconds { get; set; } = 10;
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
