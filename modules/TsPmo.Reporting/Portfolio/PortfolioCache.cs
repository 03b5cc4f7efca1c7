namespace TsPmo.Reporting.Portfolio;

/// <summary>A view and the stamp it was built at, handed to the builder so it can rebuild only what changed.</summary>
public sealed record CachedView(ChangeStamp Stamp, PortfolioView View);

/// <summary>
/// The last portfolio view and the stamp it was built at (singleton). A request whose stamp matches reuses it; any
/// other stamp rebuilds it, one build at a time, so 16 concurrent requests after an edit cost one rebuild, not 16.
/// The builder gets the previous view to rebuild only the projects an edit touched; a full rebuild is forced when
/// the last full one is older than <see cref="MaxAge"/>: signals may depend on the clock within a day (ageing work),
/// and a write that skipped the audit log is picked up then at the latest.
/// </summary>
public sealed class PortfolioCache(TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Entry? _current;

    private sealed record Entry(ChangeStamp Stamp, PortfolioView View, DateTimeOffset FullBuildAt);

    /// <summary>What a build returns: the view, and whether it was built from scratch (not from the previous one).</summary>
    public sealed record Built(PortfolioView View, bool Full);

    public async Task<PortfolioView> GetAsync(ChangeStamp stamp, Func<CachedView?, CancellationToken, Task<Built>> build, CancellationToken ct)
    {
        if (Fresh(_current, stamp) is { } hit) return hit;
        await _gate.WaitAsync(ct);
        try
        {
            if (Fresh(_current, stamp) is { } built) return built;
            var previous = _current is { } e && Young(e) ? e : null;
            var result = await build(previous is null ? null : new CachedView(previous.Stamp, previous.View), ct);
            _current = new Entry(stamp, result.View, result.Full || previous is null ? time.GetUtcNow() : previous.FullBuildAt);
            return result.View;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the view (after a change this module makes without going through the audit log).</summary>
    public void Invalidate() => _current = null;

    private bool Young(Entry entry) => time.GetUtcNow() - entry.FullBuildAt < MaxAge;

    private PortfolioView? Fresh(Entry? entry, ChangeStamp stamp) => entry is not null && entry.Stamp == stamp && Young(entry) ? entry.View : null;
}
