namespace TsPmo.Waterfall.Scheduling;

/// <summary>
/// Critical path method in working time: forward and backward pass over the four link types with lags, summary
/// roll-up, constraints, deadlines, actuals and manual tasks. Throws <see cref="DependencyCycleException"/>.
/// CONTRACT (implemented by the scheduling engine work; signature is fixed).
/// </summary>
public static class CpmScheduler
{
    public static Schedule Compute(PlanInput input) => throw new NotImplementedException();
}
