using TsPmo.Reporting.Engine;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Health;

namespace TsPmo.Reporting.Domain;

/// <summary>
/// Which projects a dashboard figure stands for (the drill-down): by phase, methodology, overall or dimension health,
/// or a KPI key. Built from query-string text; unknown values are a validation error, not an empty list.
/// </summary>
public sealed record ProjectFilter(string? Phase = null, string? Methodology = null, HealthRag? Health = null, HealthDimension? Dimension = null, string? Kpi = null)
{
    public static ProjectFilter Parse(string? phase, string? methodology, string? health, string? dimension, string? kpi)
    {
        var errors = new Dictionary<string, string[]>();
        HealthRag? rag = null;
        if (!string.IsNullOrWhiteSpace(health))
        {
            if (health.Equals("nodata", StringComparison.OrdinalIgnoreCase)) rag = HealthRag.NoData;
            else if (health.All(char.IsLetter) && Enum.TryParse<HealthRag>(health, true, out var r)) rag = r;
            else errors["health"] = [$"\"{health}\" is not a health: use Green, Amber, Red or NoData."];
        }
        HealthDimension? dim = null;
        if (!string.IsNullOrWhiteSpace(dimension))
        {
            if (dimension.All(char.IsLetter) && Enum.TryParse<HealthDimension>(dimension, true, out var d)) dim = d;
            else errors["dimension"] = [$"\"{dimension}\" is not a dimension: use {string.Join(", ", Enum.GetNames<HealthDimension>())}."];
        }
        if (!string.IsNullOrWhiteSpace(kpi) && KpiCalculator.Matches(kpi) is null)
            errors["kpi"] = [$"\"{kpi}\" is not a KPI: use {string.Join(", ", KpiCalculator.Labels.Keys)}."];
        if (!string.IsNullOrWhiteSpace(phase) && !ProjectPhases.Order.Contains(phase))
            errors["phase"] = [$"\"{phase}\" is not a phase: use {string.Join(", ", ProjectPhases.Order)}."];
        if (errors.Count > 0) throw new DomainValidationException(errors);
        return new ProjectFilter(NullIfBlank(phase), NullIfBlank(methodology), rag, dim, NullIfBlank(kpi));
    }

    public IEnumerable<ProjectRow> Apply(IEnumerable<ProjectRow> rows)
    {
        if (Phase is not null) rows = rows.Where(r => r.Project.Phase == Phase);
        if (Methodology is not null) rows = rows.Where(r => r.Project.MethodologyId == Methodology);
        if (Health is { } rag)
            rows = Dimension is { } d ? rows.Where(r => r.Health is { } h && h[d].Effective == rag) : rows.Where(r => r.Health?.Overall == rag);
        if (Kpi is not null) rows = rows.Where(KpiCalculator.Matches(Kpi)!);
        return rows;
    }

    public bool IsEmpty => Phase is null && Methodology is null && Health is null && Kpi is null;

    /// <summary>What the filter shows, in words, for a page title or caption.</summary>
    public string Describe(PortfolioView view)
    {
        var parts = new List<string>();
        if (Kpi is not null) parts.Add(KpiCalculator.Labels[Kpi]);
        if (Phase is not null) parts.Add("phase " + Phase);
        if (Methodology is not null) parts.Add("methodology " + view.MethodologyName(Methodology));
        if (Health is { } h) parts.Add((Dimension is { } d ? d + " health " : "overall health ") + h.Label());
        if (parts.Count == 0) return "All projects";
        var text = string.Join(", ", parts);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    public string QueryString()
    {
        var parts = new List<string>();
        if (Phase is not null) parts.Add("phase=" + Uri.EscapeDataString(Phase));
        if (Methodology is not null) parts.Add("methodology=" + Uri.EscapeDataString(Methodology));
        if (Health is { } h) parts.Add("health=" + h);
        if (Dimension is { } d) parts.Add("dimension=" + d);
        if (Kpi is not null) parts.Add("kpi=" + Uri.EscapeDataString(Kpi));
        return string.Join("&", parts);
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
