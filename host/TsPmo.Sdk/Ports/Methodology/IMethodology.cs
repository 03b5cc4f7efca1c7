namespace TsPmo.Sdk.Ports.Methodology;

/// <summary>
/// A way to run a project. Implemented by methodology modules (Scrum, Kanban, Waterfall); consumed by
/// the core project page, reporting and governance, which compare projects whatever their methodology.
/// </summary>
public interface IMethodology
{
    /// <summary>The id of the module that implements this methodology.</summary>
    string ModuleId { get; }

    /// <summary>Where the project's plan or board lives (an app-relative URL).</summary>
    string PlanUrl(long projectId);

    Task<MethodologyProgress> GetProgressAsync(long projectId, CancellationToken ct = default);
}

/// <summary>
/// Comparable progress. <paramref name="RemainingWork"/> is in <paramref name="WorkUnit"/>
/// ("points", "items", "hours"); a forecast is null when there is not enough history to make one.
/// </summary>
public sealed record MethodologyProgress(
    decimal PercentComplete,
    decimal RemainingWork,
    string WorkUnit,
    DateOnly? ForecastFinish,
    DateOnly? PlannedFinish)
{
    /// <summary>Money spent so far, in minor units of the project's currency; null when the methodology does not track cost.</summary>
    public long? ActualCostMinor { get; init; }

    /// <summary>Work items of type bug/defect in the project; null when the methodology has no item types.</summary>
    public int? DefectsTotal { get; init; }

    /// <summary>Of <see cref="DefectsTotal"/>, those not done yet; null when the methodology has no item types.</summary>
    public int? DefectsOpen { get; init; }
}
