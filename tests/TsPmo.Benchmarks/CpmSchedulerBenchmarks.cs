using BenchmarkDotNet.Attributes;
using TsPmo.Waterfall.Engine.Calendars;
using TsPmo.Waterfall.Engine.Scheduling;

namespace TsPmo.Benchmarks;

/// <summary>
/// Budget (Waterfall issue): <see cref="CpmScheduler.Compute"/> for 5,000 tasks and 10,000 links in under 50 ms —
/// 250 phases, all four link types, lags and leads in hours and days, links on summaries, holidays.
/// </summary>
[MemoryDiagnoser]
public class CpmSchedulerBenchmarks
{
    private PlanInput plan = null!;

    [GlobalSetup]
    public void Setup() => plan = WaterfallPlans.Plan(5_000, 10_000);

    [Benchmark]
    public Schedule Schedule5000Tasks10000Links() => CpmScheduler.Compute(plan);
}
