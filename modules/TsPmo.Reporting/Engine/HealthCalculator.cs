using TsPmo.Reporting.Domain;
using TsPmo.Sdk.Ports.Health;

namespace TsPmo.Reporting.Engine;

/// <summary>
/// The documented health rules (docs/modules/reporting.md), pure so each is unit-tested:
/// <list type="number">
/// <item>A dimension is the worst RAG among its signals; a dimension without signals is "no data" (never green).</item>
/// <item>An active override of a dimension replaces its colour.</item>
/// <item>Overall is Red when any dimension is Red or three or more are Amber; else Amber when any is Amber; else Green
/// when any is Green; else "no data".</item>
/// <item>An active override of the overall replaces it.</item>
/// </list>
/// </summary>
public static class HealthCalculator
{
    /// <summary>Amber dimensions that together make the overall Red: trouble on most fronts at once is not "watch".</summary>
    public const int AmbersForRed = 3;

    public static readonly IReadOnlyList<HealthDimension> Dimensions = Enum.GetValues<HealthDimension>();

    public static ProjectHealth Evaluate(long projectId, IReadOnlyList<HealthSignal> signals, IEnumerable<HealthOverride> overrides, DateOnly today)
    {
        // The newest active override per scope wins; expired ones do not count.
        var active = overrides.Where(o => o.ProjectId == projectId && o.IsActiveOn(today))
            .GroupBy(o => o.Dimension).ToDictionary(g => g.Key?.ToString() ?? "", g => g.OrderByDescending(o => o.Id).First());

        var dimensions = Dimensions.Select(d =>
        {
            var computed = Worst(signals.Where(s => s.Dimension == d).Select(s => HealthRagText.From(s.Rag)));
            var over = active.GetValueOrDefault(d.ToString());
            return new DimensionHealth(d, computed, over is null ? computed : HealthRagText.From(over.Rag), over);
        }).ToList();

        var computedOverall = Overall(dimensions.Select(d => d.Effective));
        var overallOverride = active.GetValueOrDefault("");
        return new ProjectHealth(projectId, computedOverall, overallOverride is null ? computedOverall : HealthRagText.From(overallOverride.Rag),
            overallOverride, dimensions, signals);
    }

    public static HealthRag Worst(IEnumerable<HealthRag> rags) => rags.DefaultIfEmpty(HealthRag.NoData).Max();

    public static HealthRag Overall(IEnumerable<HealthRag> dimensions)
    {
        var list = dimensions.ToList();
        if (list.Contains(HealthRag.Red) || list.Count(r => r == HealthRag.Amber) >= AmbersForRed) return HealthRag.Red;
        if (list.Contains(HealthRag.Amber)) return HealthRag.Amber;
        return list.Contains(HealthRag.Green) ? HealthRag.Green : HealthRag.NoData;
    }
}
