using System.Globalization;
using TsPmo.Agile.Domain;
using TsPmo.Sdk.Forecasting;

namespace TsPmo.Agile.Engine;

/// <summary>
/// Monte Carlo forecasts from a team's own weekly throughput, run by the SDK's one engine (<see cref="MonteCarlo"/>):
/// each trial replays the future as weeks drawn at random (with replacement) from the observed weeks. No estimates,
/// no assumed distribution — the history is the model. This wrapper keeps Agile's own terms: items, dates, the
/// 520-week horizon and the page's trial limits. The random source is injected so tests are reproducible; like <see cref="Random"/> itself an
/// instance is not thread-safe, so create one per request.
/// </summary>
public sealed class MonteCarloForecaster(Random random)
{
    /// <summary>Fewest trials accepted: below this the 95th percentile rests on a handful of trials.</summary>
    public const int MinTrials = 100;

    /// <summary>Most trials accepted: beyond this the answer no longer moves and only the latency grows.</summary>
    public const int MaxTrials = 100_000;

    /// <summary>
    /// The furthest a forecast looks: 520 weeks (ten years). A trial still short of the items then counts as
    /// never finishing, and a <c>by</c> date further away is refused — it bounds the work per call, and a
    /// forecast that far out says more about the backlog than about a date.
    /// </summary>
    public const int HorizonWeeks = 520;

    private readonly MonteCarlo engine = new(random);

    /// <summary>
    /// When will <paramref name="items"/> items be done? Each trial draws weeks until the items are done; the date
    /// at confidence c is the end of the week by which c of the trials had finished
    /// (<paramref name="today"/> + 7 × weeks days; nearest rank over the trials).
    /// </summary>
    /// <returns>
    /// Null when there is nothing to forecast from: no samples, or every sample is zero — a team that finished
    /// nothing in any observed week never finishes in any trial, so no date would be honest — or when fewer than
    /// 95 % of the trials finish within <see cref="HorizonWeeks"/>.
    /// </returns>
    public DateForecast? WhenDone(IReadOnlyList<int> weeklyThroughput, int items, DateOnly today, int trials)
    {
        var samples = Samples(weeklyThroughput);
        if (items < 1)
            throw new ArgumentOutOfRangeException(nameof(items), items, "Forecast at least one item.");
        ValidateTrials(trials);
        if (samples.Length == 0 || Array.TrueForAll(samples, s => s == 0)) return null;

        var weeks = engine.PeriodsToFinish(samples, items, HorizonWeeks, trials);
        return weeks is null ? null : new DateForecast(EndOfWeek(today, weeks.P50), EndOfWeek(today, weeks.P85), EndOfWeek(today, weeks.P95));
    }

    /// <summary>
    /// How many items will be done by <paramref name="by"/>? Each trial sums the throughput of as many drawn weeks
    /// as whole weeks fit between <paramref name="today"/> and <paramref name="by"/> (possibly none: 0 items). The
    /// count at confidence c is the largest that at least c of the trials reached.
    /// </summary>
    /// <returns>Null when there are no samples. All-zero samples forecast zero items, which is an answer.</returns>
    public CountForecast? HowMany(IReadOnlyList<int> weeklyThroughput, DateOnly today, DateOnly by, int trials)
    {
        var samples = Samples(weeklyThroughput);
        if (by <= today)
            throw new ArgumentOutOfRangeException(nameof(by), by, string.Create(CultureInfo.InvariantCulture, $"The date ({by:yyyy-MM-dd}) must be after today ({today:yyyy-MM-dd})."));
        var weeks = (by.DayNumber - today.DayNumber) / 7;
        if (weeks > HorizonWeeks)
            throw new ArgumentOutOfRangeException(nameof(by), by, string.Create(CultureInfo.InvariantCulture, $"The date ({by:yyyy-MM-dd}) is more than {HorizonWeeks} weeks (ten years) away."));
        ValidateTrials(trials);
        if (samples.Length == 0) return null;

        // Whole-number throughputs add exactly in doubles, so the engine's totals are whole numbers.
        var count = engine.AmountWithin(samples, weeks, trials)!;
        return new CountForecast(Whole(count.P50), Whole(count.P85), Whole(count.P95));
    }

    private static int Whole(double total) => (int)Math.Min(total, int.MaxValue);

    private static DateOnly EndOfWeek(DateOnly today, int weeks) => today.AddDays(7 * weeks);

    /// <summary>Checks the weeks with this module's messages and hands them to the engine as doubles (whole numbers add exactly).</summary>
    private static double[] Samples(IReadOnlyList<int> weeklyThroughput)
    {
        ArgumentNullException.ThrowIfNull(weeklyThroughput);
        var samples = new double[weeklyThroughput.Count];
        for (var i = 0; i < samples.Length; i++)
        {
            if (weeklyThroughput[i] < 0)
                throw new ArgumentOutOfRangeException(nameof(weeklyThroughput), weeklyThroughput[i], $"Weekly throughput cannot be negative (week {i + 1}).");
            samples[i] = weeklyThroughput[i];
        }
        return samples;
    }

    private static void ValidateTrials(int trials)
    {
        if (trials is < MinTrials or > MaxTrials)
            throw new ArgumentOutOfRangeException(nameof(trials), trials, string.Create(CultureInfo.InvariantCulture, $"Trials must be between {MinTrials:N0} and {MaxTrials:N0}."));
    }
}
