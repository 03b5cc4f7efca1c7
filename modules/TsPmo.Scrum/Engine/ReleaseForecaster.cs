using TsPmo.Sdk.Forecasting;

namespace TsPmo.Scrum.Engine;

/// <summary>How many more sprints the remaining backlog needs, at three confidence levels (nearest rank over the trials).</summary>
public sealed record SprintForecast(int P50, int P85, int P95);

/// <summary>
/// Monte Carlo release forecast from the project's own velocity, run by the SDK's one engine
/// (<see cref="MonteCarlo.PeriodsToFinish"/>): each trial draws past sprints' completed points at random (with
/// replacement) until the remaining points are done, and counts the sprints it took; the sprint count at confidence c
/// is the smallest count that c of the trials finished within (nearest rank, <see cref="Percentiles"/>). This wrapper
/// keeps Scrum's own terms: points, sprints and a 200-sprint horizon. The random source is injected so tests are
/// reproducible; an instance is not thread-safe, so create one per request.
/// </summary>
public sealed class ReleaseForecaster(Random random)
{
    /// <summary>The furthest a forecast looks: a trial still short after this many sprints counts as never finishing.</summary>
    public const int HorizonSprints = 200;

    public const int DefaultTrials = MonteCarlo.DefaultTrials;

    private readonly MonteCarlo engine = new(random);

    /// <returns>
    /// Null when there is nothing honest to say: no velocity samples, every sample zero, or fewer than 95 % of the
    /// trials finishing within <see cref="HorizonSprints"/>. Zero remaining points need zero sprints.
    /// </returns>
    public SprintForecast? SprintsNeeded(IReadOnlyList<decimal> velocities, decimal remainingPoints, int trials = DefaultTrials)
    {
        ArgumentNullException.ThrowIfNull(velocities);
        if (remainingPoints < 0) throw new ArgumentOutOfRangeException(nameof(remainingPoints), remainingPoints, "Remaining points cannot be negative.");
        if (trials is < 1 or > 1_000_000) throw new ArgumentOutOfRangeException(nameof(trials), trials, "Trials must be between 1 and 1,000,000.");
        // Doubles in the engine: story points are whole or half numbers, which doubles add exactly.
        var samples = new double[velocities.Count];
        for (var i = 0; i < samples.Length; i++)
        {
            if (velocities[i] < 0) throw new ArgumentOutOfRangeException(nameof(velocities), velocities[i], $"Velocity cannot be negative (sprint {i + 1}).");
            samples[i] = (double)velocities[i];
        }
        return engine.PeriodsToFinish(samples, (double)remainingPoints, HorizonSprints, trials) is { } f
            ? new SprintForecast(f.P50, f.P85, f.P95)
            : null;
    }
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
