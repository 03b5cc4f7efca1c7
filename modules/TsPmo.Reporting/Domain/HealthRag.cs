namespace TsPmo.Reporting.Domain;

/// <summary>
/// A computed health colour. Unlike the SDK's <see cref="TsPmo.Sdk.Ports.Health.Rag"/> it can say "no data": a
/// dimension nobody reports on is unknown, not green. Ordered by severity so the worst is the maximum.
/// </summary>
public enum HealthRag { NoData, Green, Amber, Red }

public static class HealthRagText
{
    public static HealthRag From(TsPmo.Sdk.Ports.Health.Rag rag) => rag switch
    {
        TsPmo.Sdk.Ports.Health.Rag.Red => HealthRag.Red,
        TsPmo.Sdk.Ports.Health.Rag.Amber => HealthRag.Amber,
        _ => HealthRag.Green,
    };

    public static string Label(this HealthRag rag) => rag == HealthRag.NoData ? "No data" : rag.ToString();

    /// <summary>The number a metric series stores (no data is not stored).</summary>
    public static int? Score(this HealthRag rag) => rag == HealthRag.NoData ? null : (int)rag;
}
