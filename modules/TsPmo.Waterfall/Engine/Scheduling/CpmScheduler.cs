using TsPmo.Waterfall.Engine.Calendars;

namespace TsPmo.Waterfall.Engine.Scheduling;

/// <summary>
/// Critical path method in working time: forward and backward pass over the four link types with lags, summary
/// roll-up, constraints, deadlines, actuals and manual tasks. Throws <see cref="DependencyCycleException"/>.
/// CONTRACT (implemented by the scheduling engine work; signature is fixed).
/// </summary>
/// <remarks>
/// All arithmetic is in whole minutes (see <see cref="WorkingCalendar"/>). The work itself lives in
/// <see cref="CpmRun"/>, one instance per call, so the scheduler stays stateless and thread-safe.
/// </remarks>
public static class CpmScheduler
{
    public static Schedule Compute(PlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new CpmRun(input).Run();
    }
}
