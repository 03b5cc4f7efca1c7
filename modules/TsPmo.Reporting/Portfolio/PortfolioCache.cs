namespace TsPmo.Reporting.Portfolio;

/// <summary>
/// The last portfolio view and the stamp it was built at (singleton). A request whose stamp matches reuses it; any
/// other stamp rebuilds it, one build at a time, so 16 concurrent requests after an edit cost one rebuild, not 16.
/// A view older than <see cref="MaxAge"/> is rebuilt too: signals may depend on the clock within a day (ageing work).
/// </summary>
public sealed class PortfolioCache(TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Entry? _current;

    private sealed record Entry(ChangeStamp Stamp, PortfolioView View, DateTimeOffset BuiltAt);

    public async Task<PortfolioView> GetAsync(ChangeStamp stamp, Func<CancellationToken, Task<PortfolioView>> build, CancellationToken ct)
    {
        if (Fresh(_current, stamp) is { } hit) return hit;
        await _gate.WaitAsync(ct);
        try
        {
            if (Fresh(_current, stamp) is { } built) return built;
            var view = await build(ct);
            _current = new Entry(stamp, view, time.GetUtcNow());
            return view;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the view (after a change this module makes without going through the audit log).</summary>
    public void Invalidate() => _current = null;

    private PortfolioView? Fresh(Entry? entry, ChangeStamp stamp) =>
        entry is not null && entry.Stamp == stamp && time.GetUtcNow() - entry.BuiltAt < MaxAge ? entry.View : null;
}
