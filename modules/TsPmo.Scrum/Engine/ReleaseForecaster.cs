namespace TsPmo.Scrum.Engine;

/// <summary>How many more sprints the remaining backlog needs, at three confidence levels (nearest rank over the trials).</summary>
public sealed record SprintForecast(int P50, int P85, int P95);

/// <summary>
/// Monte Carlo release forecast from the project's own velocity: each trial draws past sprints' completed points at
/// random (with replacement) until the remaining points are done, and counts the sprints it took. The sprint count
/// at confidence c is the smallest count that c of the trials finished within (nearest rank: sort the counts
/// ascending and take rank ⌈c × T⌉). The random source is injected so tests are reproducible; an instance is not
/// thread-safe, so create one per request.
/// </summary>
public sealed class ReleaseForecaster(Random random)
{
    /// <summary>The furthest a forecast looks: a trial still short after this many sprints counts as never finishing.</summary>
    public const int HorizonSprints = 200;

    public const int DefaultTrials = 10_000;

    private readonly Random random = random ?? throw new ArgumentNullException(nameof(random));

    /// <returns>
    /// Null when there is nothing honest to say: no velocity samples, every sample zero, or fewer than 95 % of the
    /// trials finishing within <see cref="HorizonSprints"/>. Zero remaining points need zero sprints.
    /// </returns>
    public SprintForecast? SprintsNeeded(IReadOnlyList<decimal> velocities, decimal remainingPoints, int trials = DefaultTrials)
    {
        ArgumentNullException.ThrowIfNull(velocities);
        if (remainingPoints < 0) throw new ArgumentOutOfRangeException(nameof(remainingPoints), remainingPoints, "Remaining points cannot be negative.");
        if (trials is < 1 or > 1_000_000) throw new ArgumentOutOfRangeException(nameof(trials), trials, "Trials must be between 1 and 1,000,000.");
        // Doubles in the hot loop: story points are whole or half numbers, which doubles add exactly, and decimal
        // addition would cost several times as much over 10,000 trials.
        var samples = new double[velocities.Count];
        for (var i = 0; i < samples.Length; i++)
        {
            if (velocities[i] < 0) throw new ArgumentOutOfRangeException(nameof(velocities), velocities[i], $"Velocity cannot be negative (sprint {i + 1}).");
            samples[i] = (double)velocities[i];
        }
        if (remainingPoints == 0) return new SprintForecast(0, 0, 0);
        if (samples.Length == 0 || Array.TrueForAll(samples, s => s == 0)) return null;

        var remaining = (double)remainingPoints;
        var needed = new int[trials];
        for (var t = 0; t < trials; t++)
        {
            var done = 0.0;
            var sprints = 0;
            while (done < remaining && sprints < HorizonSprints)
            {
                done += samples[random.Next(samples.Length)];
                sprints++;
            }
            needed[t] = done < remaining ? int.MaxValue : sprints;
        }
        Array.Sort(needed);
        var p95 = needed[NearestRankIndex(trials, 95)];
        if (p95 > HorizonSprints) return null;
        return new SprintForecast(needed[NearestRankIndex(trials, 50)], needed[NearestRankIndex(trials, 85)], p95);
    }

    /// <summary>0-based index of rank ⌈percent × count / 100⌉ (at least rank 1).</summary>
    internal static int NearestRankIndex(int count, int percent) => Math.Clamp((percent * count + 99) / 100, 1, count) - 1;
}

/// <summary>Where forecasts get their randomness; replace the registration with a seeded one to make them repeatable.</summary>
public class ScrumForecastRandom
{
    public virtual Random Create() => new();
}

/// <summary>Velocity arithmetic shared by planning, the velocity page and health signals.</summary>
public static class Velocity
{
    /// <summary>Mean completed points of the last <paramref name="count"/> sprints (oldest first in <paramref name="completed"/>); null with none.</summary>
    public static decimal? AverageOfLast(IReadOnlyList<decimal> completed, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(completed);
        if (completed.Count == 0) return null;
        var last = completed.Skip(Math.Max(0, completed.Count - count)).ToList();
        return Math.Round(last.Sum() / last.Count, 1);
    }
}
