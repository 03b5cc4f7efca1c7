namespace TsPmo.Sdk.Caching;

/// <summary>
/// One expensive value (a portfolio view, the early warnings) kept with the stamp it was built at — a record that
/// reads cheaply and changes whenever the inputs may have (see <c>IDataVersions</c>). Register it as a singleton.
/// A caller whose stamp matches takes the value; any other stamp builds it again, one build at a time (single flight),
/// so 16 concurrent requests after an edit cost one build, not 16. The stamp is read once more inside the gate so the
/// requests that waited take the build they waited for. Past <see cref="MaxAge"/> since the last full build the value
/// is built from scratch anyway: the backstop for rules that move with the clock and writes that skipped the audit.
/// </summary>
public sealed class StampedCache<TStamp, TValue>(TimeProvider time, TimeSpan? maxAge = null) where TStamp : notnull where TValue : class
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Entry? _current;

    public TimeSpan MaxAge { get; } = maxAge ?? TimeSpan.FromMinutes(10);

    private sealed record Entry(TStamp Stamp, TValue Value, DateTimeOffset FullBuildAt);

    /// <summary>The value at the current stamp, built by <paramref name="build"/> when the stamp moved.</summary>
    public Task<TValue> GetAsync(Func<CancellationToken, Task<TStamp>> readStamp, Func<CancellationToken, Task<TValue>> build, CancellationToken ct) =>
        GetAsync(readStamp, async (_, c) => new Built(await build(c), Full: true), ct);

    /// <summary>
    /// The value at the current stamp; <paramref name="build"/> gets the previous value and its stamp (null when there
    /// is none, or it is too old to build on) so it can rebuild only what changed, and says whether it built in full.
    /// </summary>
    public async Task<TValue> GetAsync(Func<CancellationToken, Task<TStamp>> readStamp, Func<Previous?, CancellationToken, Task<Built>> build, CancellationToken ct)
    {
        if (Fresh(_current, await readStamp(ct)) is { } hit) return hit;
        await _gate.WaitAsync(ct);
        try
        {
            // Read before building: an edit that lands during the build moves the stamp past the one stored here,
            // so the next request builds again rather than keep a value that might miss it.
            var stamp = await readStamp(ct);
            if (Fresh(_current, stamp) is { } built) return built;
            var previous = _current is { } e && Young(e) ? e : null;
            var result = await build(previous is null ? null : new Previous(previous.Stamp, previous.Value), ct);
            _current = new Entry(stamp, result.Value, result.Full || previous is null ? time.GetUtcNow() : previous.FullBuildAt);
            return result.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the value (after a change the owner made without an audit entry).</summary>
    public void Invalidate() => _current = null;

    private bool Young(Entry entry) => time.GetUtcNow() - entry.FullBuildAt < MaxAge;

    private TValue? Fresh(Entry? entry, TStamp stamp) =>
        entry is not null && EqualityComparer<TStamp>.Default.Equals(entry.Stamp, stamp) && Young(entry) ? entry.Value : null;

    /// <summary>The value a build may start from, and the stamp it was built at.</summary>
    public sealed record Previous(TStamp Stamp, TValue Value);

    /// <summary>What a build returns: the value, and whether it was built from scratch.</summary>
    public sealed record Built(TValue Value, bool Full);
}
