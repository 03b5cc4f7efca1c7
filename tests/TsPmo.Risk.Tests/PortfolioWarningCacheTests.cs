using TsPmo.Risk.Domain;
using TsPmo.Sdk.Caching;

namespace TsPmo.Risk.Tests;

/// <summary>The portfolio's early warnings are computed once per change stamp, by one request at a time.</summary>
public sealed class PortfolioWarningCacheTests
{
    private sealed class MovableTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly DateOnly Today = new(2026, 11, 26);

    private sealed class Source
    {
        private int _computations;
        public WarningStamp Stamp { get; set; } = new(10, 1, 1, 1, Today);
        public int Computations => _computations;

        public Task<WarningStamp> ReadStampAsync(CancellationToken ct) => Task.FromResult(Stamp);

        public async Task<IReadOnlyList<EarlyWarning>> ComputeAsync(CancellationToken ct)
        {
            var n = Interlocked.Increment(ref _computations);
            await Task.Delay(50, ct); // long enough for every concurrent caller to arrive while it runs
            return [new EarlyWarning(WarningKind.NotReviewed, 1, n, "Risk", $"computation {n}")];
        }
    }

    private static Task<IReadOnlyList<EarlyWarning>> Get(StampedCache<WarningStamp, IReadOnlyList<EarlyWarning>> cache, Source source) =>
        cache.GetAsync(source.ReadStampAsync, source.ComputeAsync, CancellationToken.None);

    [Fact]
    public async Task Sixteen_cold_concurrent_requests_compute_once_and_share_the_result()
    {
        var cache = new StampedCache<WarningStamp, IReadOnlyList<EarlyWarning>>(new MovableTime());
        var source = new Source();
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Get(cache, source))));
        Assert.Equal(1, source.Computations);
        Assert.All(results, r => Assert.Same(results[0], r));
        Assert.Same(results[0], await Get(cache, source));
        Assert.Equal(1, source.Computations);
    }

    [Fact]
    public async Task Another_audit_id_or_another_day_or_age_computes_again()
    {
        var time = new MovableTime();
        var cache = new StampedCache<WarningStamp, IReadOnlyList<EarlyWarning>>(time);
        var source = new Source();
        await Get(cache, source);

        source.Stamp = source.Stamp with { Changes = 11 };
        Assert.Equal("computation 2", (await Get(cache, source))[0].Message);

        source.Stamp = source.Stamp with { Today = Today.AddDays(1) };
        Assert.Equal("computation 3", (await Get(cache, source))[0].Message);

        time.Now += cache.MaxAge - TimeSpan.FromSeconds(1);
        Assert.Equal("computation 3", (await Get(cache, source))[0].Message);
        time.Now += TimeSpan.FromSeconds(2);
        Assert.Equal("computation 4", (await Get(cache, source))[0].Message);
    }
}
