namespace TsPmo.Sdk.Ports.Reporting;

/// <summary>
/// Metric names with an agreed meaning across modules. A module that measures one of these publishes it through
/// <see cref="IMetricSource"/> under exactly this name, and reporting uses it in portfolio KPIs.
/// </summary>
public static class WellKnownMetrics
{
    /// <summary>Customer satisfaction of a project, unit "score" (0–10) or "%" (0–100); the portfolio KPI averages it on a 0–10 scale.</summary>
    public const string CustomerSatisfaction = "customer.satisfaction";
}
