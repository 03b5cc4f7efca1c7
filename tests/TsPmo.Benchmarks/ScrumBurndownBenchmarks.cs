using BenchmarkDotNet.Attributes;
using TsPmo.Scrum.Engine;

namespace TsPmo.Benchmarks;

/// <summary>
/// Budget (issue 4): the burndown of a sprint with 500 items in under 5 ms. A two-week sprint whose 500 items are
/// committed at the start, 60 added and 30 removed mid-sprint, 40 re-estimated, 420 finished and 25 of those reopened:
/// about 1,100 recorded changes, bucketed by day in a zone with summer time. The release forecast over 12 sprints of
/// velocity for a 600-point backlog is measured alongside.
/// </summary>
[MemoryDiagnoser]
public class ScrumBurndownBenchmarks
{
    private static readonly DateOnly Start = new(2025, 3, 24);
    private static readonly DateOnly End = new(2025, 4, 6);

    // Like Europe/Paris: summer time begins inside the sprint (30 March 2025).
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.CreateCustomTimeZone(
        "Bench/Paris", TimeSpan.FromHours(1), "Bench Paris", "CET", "CEST",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                new DateTime(2000, 1, 1), new DateTime(2099, 12, 31), TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday)),
        ]);

    private ScopeChange[] changes = [];
    private decimal committed;
    private decimal[] velocities = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2025);
        var list = new List<ScopeChange>();
        var start = new DateTimeOffset(Start.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        var points = new decimal[] { 1, 2, 3, 5, 8 };
        for (var i = 0; i < 500; i++)
        {
            var p = points[random.Next(points.Length)];
            committed += p;
            list.Add(new ScopeChange(start, p, 0));
            if (i < 420)
            {
                var done = start.AddHours(random.Next(1, 13 * 24));
                list.Add(new ScopeChange(done, 0, p));
                if (i % 17 == 0) list.Add(new ScopeChange(done.AddHours(5), 0, -p));
            }
            if (i % 12 == 0) list.Add(new ScopeChange(start.AddHours(random.Next(1, 13 * 24)), 1, 0));
        }
        for (var i = 0; i < 60; i++) list.Add(new ScopeChange(start.AddHours(random.Next(1, 13 * 24)), points[random.Next(points.Length)], 0));
        for (var i = 0; i < 30; i++) list.Add(new ScopeChange(start.AddHours(random.Next(1, 13 * 24)), -points[random.Next(points.Length)], 0));
        changes = list.ToArray();
        velocities = Enumerable.Range(0, 12).Select(_ => (decimal)random.Next(18, 35)).ToArray();
    }

    [Benchmark]
    public Burndown Burndown500Items() => BurndownCalculator.Compute(Start, End, committed, changes, Paris, new DateOnly(2025, 4, 2));

    [Benchmark]
    public SprintForecast? ReleaseForecast600Points() => new ReleaseForecaster(new Random(42)).SprintsNeeded(velocities, 600m);
}
