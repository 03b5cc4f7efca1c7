using TsPmo.Agile.Domain;
using TsPmo.Agile.Engine;
using BenchmarkDotNet.Attributes;

namespace TsPmo.Benchmarks;

/// <summary>
/// Budget (issue 5): a 10,000-trial forecast over 52 weeks of history in under 20 ms. The history averages about
/// six items a week, so 100 items take roughly 17 weeks per trial — a realistic backlog, not a one-week toy.
/// </summary>
[MemoryDiagnoser]
public class ForecastBenchmarks
{
    private const int Trials = 10_000;
    private static readonly DateOnly Today = new(2025, 1, 6);

    private int[] history = [];
    private MonteCarloForecaster forecaster = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2024);
        history = new int[52];
        for (var w = 0; w < history.Length; w++) history[w] = random.Next(0, 13);
        forecaster = new MonteCarloForecaster(new Random(42));
    }

    [Benchmark]
    public DateForecast? WhenDone100Items() => forecaster.WhenDone(history, 100, Today, Trials);

    [Benchmark]
    public CountForecast? HowManyIn26Weeks() => forecaster.HowMany(history, Today, Today.AddDays(26 * 7), Trials);
}
