using TsPmo.Sdk.Caching;

namespace TsPmo.Sdk.Tests.Caching;

public class StampedCacheTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task Same_stamp_reuses_the_value_and_a_moved_stamp_builds_again()
    {
        var cache = new StampedCache<long, string>(new Clock());
        var stamp = 1L;
        var builds = 0;
        Task<string> Build(CancellationToken _) => Task.FromResult($"v{++builds}");
        Assert.Equal("v1", await cache.GetAsync(_ => Task.FromResult(stamp), Build, default));
        Assert.Equal("v1", await cache.GetAsync(_ => Task.FromResult(stamp), Build, default));
        stamp = 2;
        Assert.Equal("v2", await cache.GetAsync(_ => Task.FromResult(stamp), Build, default));
    }

    [Fact]
    public async Task Concurrent_callers_after_a_change_share_one_build()
    {
        var cache = new StampedCache<long, string>(new Clock());
        var builds = 0;
        var release = new TaskCompletionSource();
        async Task<string> Build(CancellationToken _)
        {
            Interlocked.Increment(ref builds);
            await release.Task;
            return "built";
        }
        var callers = Enumerable.Range(0, 16).Select(_ => Task.Run(() => cache.GetAsync(_ => Task.FromResult(7L), Build, default))).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref builds) == 0 && DateTime.UtcNow < deadline) await Task.Delay(5);
        release.SetResult();
        Assert.All(await Task.WhenAll(callers), v => Assert.Equal("built", v));
        Assert.Equal(1, builds);
    }

    [Fact]
    public async Task An_incremental_build_gets_the_previous_value_until_it_is_too_old()
    {
        var clock = new Clock();
        var cache = new StampedCache<long, string>(clock, TimeSpan.FromMinutes(10));
        var seen = new List<string?>();
        var stamp = 1L;
        Task<StampedCache<long, string>.Built> Build(StampedCache<long, string>.Previous? previous, CancellationToken _)
        {
            seen.Add(previous?.Value);
            return Task.FromResult(new StampedCache<long, string>.Built($"at{stamp}", Full: previous is null));
        }
        await cache.GetAsync(_ => Task.FromResult(stamp), Build, default);
        stamp = 2;
        await cache.GetAsync(_ => Task.FromResult(stamp), Build, default);
        clock.Now = clock.Now.AddMinutes(11);
        // Too old to build on, even at an unchanged stamp: built from scratch.
        Assert.Equal("at2", await cache.GetAsync(_ => Task.FromResult(stamp), Build, default));
        Assert.Equal([null, "at1", null], seen);
    }
}
