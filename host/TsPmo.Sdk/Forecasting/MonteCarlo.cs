using System.Globalization;

namespace TsPmo.Sdk.Forecasting;

/// <summary>Periods (weeks, sprints) needed at three confidence levels: the smallest count that c of the trials finished within.</summary>
public sealed record PeriodsForecast(int P50, int P85, int P95);

/// <summary>An amount (items, points) reached at three confidence levels: the largest that at least c of the trials reached.</summary>
public sealed record AmountForecast(double P50, double P85, double P95);

/// <summary>
/// The one Monte Carlo engine of TsPmo (docs/metrics.md, "Forecasts"): a team's future is replayed as periods drawn at
/// random, with replacement, from its own observed periods (weekly throughput, sprint velocity) — no estimates, no
/// assumed distribution; the history is the model. Confidence levels are nearest-rank percentiles over the trials
/// (<see cref="Percentiles"/>). The random source is injected (<see cref="ForecastRandom"/>) so tests are repeatable;
/// like <see cref="Random"/> an instance is not thread-safe, so create one per request. 10,000 trials take a few
/// milliseconds (benchmarked in <c>tests/TsPmo.Benchmarks</c>).
/// </summary>
public sealed class MonteCarlo(Random random)
{
    /// <summary>The trial count TsPmo's forecasts use unless a caller asks for another.</summary>
    public const int DefaultTrials = 10_000;

    /// <summary>Fewest trials accepted. A caller's own API may ask for more (Agile's forecast page refuses fewer than 100).</summary>
    public const int MinTrials = 1;

    /// <summary>Most trials accepted: beyond this the answer no longer moves and only the latency grows.</summary>
    public const int MaxTrials = 1_000_000;

    private readonly Random random = random ?? throw new ArgumentNullException(nameof(random));

    /// <summary>
    /// How many periods until <paramref name="amount"/> is done? Each trial draws periods until the drawn amounts
    /// reach it; a trial still short after <paramref name="horizon"/> periods counts as never finishing.
    /// </summary>
    /// <returns>
    /// Zero periods for nothing left to do. Null when there is nothing honest to say: no samples, every sample zero
    /// (a team that finished nothing in any observed period never finishes in any trial), or fewer than 95 % of the
    /// trials finishing within the horizon.
    /// </returns>
    public PeriodsForecast? PeriodsToFinish(IReadOnlyList<double> samplesPerPeriod, double amount, int horizon, int trials = DefaultTrials)
    {
        var samples = Samples(samplesPerPeriod);
        if (amount < 0 || double.IsNaN(amount)) throw new ArgumentOutOfRangeException(nameof(amount), amount, "The amount left cannot be negative.");
        if (horizon < 1) throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "The horizon is at least one period.");
        ValidateTrials(trials);
        if (amount == 0) return new PeriodsForecast(0, 0, 0);
        if (samples.Length == 0 || Array.TrueForAll(samples, s => s == 0)) return null;

        var needed = new int[trials];
        for (var t = 0; t < trials; t++)
        {
            var done = 0.0;
            var periods = 0;
            while (done < amount && periods < horizon)
            {
                done += samples[random.Next(samples.Length)];
                periods++;
            }
            // A trial past the horizon sorts after every finished one.
            needed[t] = done < amount ? int.MaxValue : periods;
        }
        Array.Sort(needed);
        var p95 = needed[Percentiles.NearestRankIndex(trials, 95)];
        if (p95 > horizon) return null;
        return new PeriodsForecast(needed[Percentiles.NearestRankIndex(trials, 50)], needed[Percentiles.NearestRankIndex(trials, 85)], p95);
    }

    /// <summary>
    /// How much will be done in <paramref name="periods"/> periods? Each trial sums that many drawn periods (none: 0).
    /// The amount at confidence c is the largest that at least c of the trials reached.
    /// </summary>
    /// <returns>Null when there are no samples. All-zero samples forecast zero, which is an answer.</returns>
    public AmountForecast? AmountWithin(IReadOnlyList<double> samplesPerPeriod, int periods, int trials = DefaultTrials)
    {
        var samples = Samples(samplesPerPeriod);
        if (periods < 0) throw new ArgumentOutOfRangeException(nameof(periods), periods, "Periods cannot be negative.");
        ValidateTrials(trials);
        if (samples.Length == 0) return null;

        var totals = new double[trials];
        for (var t = 0; t < trials; t++)
        {
            var total = 0.0;
            for (var p = 0; p < periods; p++) total += samples[random.Next(samples.Length)];
            totals[t] = total;
        }
        Array.Sort(totals);
        return new AmountForecast(AtLeast(totals, 50), AtLeast(totals, 85), AtLeast(totals, 95));
    }

    // Sorted ascending, the value at index T − ⌈cT⌉ is reached or beaten by ⌈cT⌉ ≥ cT trials, and any larger amount by fewer.
    private static double AtLeast(double[] ascending, double percent) =>
        ascending[ascending.Length - 1 - Percentiles.NearestRankIndex(ascending.Length, percent)];

    /// <summary>Copies the samples into an array once, so the hot loop indexes memory rather than an interface.</summary>
    private static double[] Samples(IReadOnlyList<double> samplesPerPeriod)
    {
        ArgumentNullException.ThrowIfNull(samplesPerPeriod);
        var samples = new double[samplesPerPeriod.Count];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = samplesPerPeriod[i];
            if (samples[i] < 0 || double.IsNaN(samples[i]))
                throw new ArgumentOutOfRangeException(nameof(samplesPerPeriod), samples[i], $"A period's amount cannot be negative (period {i + 1}).");
        }
        return samples;
    }

    private static void ValidateTrials(int trials)
    {
        if (trials is < MinTrials or > MaxTrials)
            throw new ArgumentOutOfRangeException(nameof(trials), trials, string.Create(CultureInfo.InvariantCulture, $"Trials must be between {MinTrials:N0} and {MaxTrials:N0}."));
    }
}
