using TsPmo.Agile.Domain;
using TsPmo.Agile.Engine;
using BenchmarkDotNet.Attributes;

namespace TsPmo.Benchmarks;

/// <summary>
/// Budget (issue 5): metrics over 5,000 cards and a year of history in under 50 ms. Six columns, every card
/// walking them in order with a few days per column, so about 30,000 recorded moves — what the repository reads
/// for a busy board, in the time order it reads them.
/// </summary>
[MemoryDiagnoser]
public class FlowMetricsBenchmarks
{
    private static readonly string[] Columns = ["Backlog", "Ready", "In progress", "Review", "Testing", "Done"];
    private static readonly DateOnly From = new(2024, 1, 1);
    private static readonly DateOnly To = new(2024, 12, 31);
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private CardFlow[] cards = [];
    private ColumnTransition[] moves = [];
    private Dictionary<long, string> currentColumn = [];
    private TimeZoneInfo zone = TimeZoneInfo.Utc;

    [GlobalSetup]
    public void Setup()
    {
        // A zone with summer time, so day boundaries are real conversions and not a fixed offset.
        zone = TimeZoneInfo.CreateCustomTimeZone(
            "Bench/Paris", TimeSpan.FromHours(1), "Bench Paris", "CET", "CEST",
            [
                TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                    new DateTime(2000, 1, 1), new DateTime(2099, 12, 31), TimeSpan.FromHours(1),
                    TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
                    TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday)),
            ]);
        (cards, moves, currentColumn) = BoardHistory.Generate(5_000, Columns, Now.AddDays(-366), Now, new Random(7));
    }

    [Benchmark]
    public FlowMetrics YearOf5000Cards() =>
        FlowMetricsCalculator.Compute(cards, moves, Columns, currentColumn, From, To, zone, Now);
}
