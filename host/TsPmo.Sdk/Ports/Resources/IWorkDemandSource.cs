namespace TsPmo.Sdk.Ports.Resources;

/// <summary>
/// Hours of assigned work per person per week. Implemented by methodology modules from their assigned
/// items; consumed by resource management to compute utilization.
/// </summary>
public interface IWorkDemandSource
{
    /// <summary>Demand for the weeks (Monday starts) overlapping [<paramref name="from"/>, <paramref name="to"/>].</summary>
    Task<IReadOnlyList<WorkDemand>> GetDemandAsync(DateOnly from, DateOnly to, CancellationToken ct = default);
}

public sealed record WorkDemand(long PersonId, long ProjectId, DateOnly WeekStart, decimal Hours);
