using TsPmo.Waterfall.Scheduling;

namespace TsPmo.Waterfall.EarnedValue;

/// <summary>
/// PV from baseline cost spread evenly over each task's baseline working time up to the status date (end of that
/// day); EV = Σ baseline cost × % complete; AC = Σ actual cost; EAC by the CPI method (BAC / CPI).
/// CONTRACT: signatures fixed.
/// </summary>
public static class EarnedValueCalculator
{
    public static EarnedValueFigures Compute(IReadOnlyList<EvmTask> tasks, WorkingCalendar calendar, DateOnly statusDate) => throw new NotImplementedException();

    /// <summary>Cumulative planned value at the end of each day in [from, to] (for the S-curve).</summary>
    public static IReadOnlyList<(DateOnly Day, decimal PlannedValue)> PlannedValueCurve(IReadOnlyList<EvmTask> tasks, WorkingCalendar calendar, DateOnly from, DateOnly to) => throw new NotImplementedException();
}
