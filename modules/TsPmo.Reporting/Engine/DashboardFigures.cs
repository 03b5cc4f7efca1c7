using System.Text.Json;
using TsPmo.Reporting.Domain;
using TsPmo.Sdk.Ports.Health;

namespace TsPmo.Reporting.Engine;

/// <summary>
/// Everything the dashboard widgets print, counted once per portfolio view (memoized on it) instead of on every
/// request: counts by overall and per-dimension RAG, the projects that need attention, the phase × methodology
/// matrix, and the charts' data.
/// </summary>
public sealed record DashboardFigures(
    PortfolioKpis Kpis,
    IReadOnlyList<HealthRag> Rags,
    IReadOnlyDictionary<HealthRag, int> Overall,
    IReadOnlyDictionary<(HealthDimension Dimension, HealthRag Rag), int> ByDimension,
    IReadOnlyList<ProjectRow> Attention,
    IReadOnlyList<string> Phases,
    IReadOnlyList<string> Methodologies,
    IReadOnlyDictionary<(string Phase, string Methodology), int> PhaseMatrix,
    string HealthChart,
    string PhaseChart)
{
    public const int AttentionShown = 6;

    public int PhaseTotal(string phase) => Methodologies.Sum(m => PhaseMatrix.GetValueOrDefault((phase, m)));

    public static DashboardFigures Of(PortfolioView view) => view.Memo("dashboard-figures", Compute);

    private static DashboardFigures Compute(PortfolioView view)
    {
        var kpis = view.Memo("kpis", v => KpiCalculator.Compute(v.Projects));
        var rags = new[] { HealthRag.Red, HealthRag.Amber, HealthRag.Green, HealthRag.NoData };
        var healthy = view.Active.Where(r => r.Health is not null).ToList();
        var overall = rags.ToDictionary(r => r, r => healthy.Count(p => p.Health!.Overall == r));
        var byDimension = new Dictionary<(HealthDimension, HealthRag), int>();
        foreach (var p in healthy)
            foreach (var d in p.Health!.Dimensions)
                byDimension[(d.Dimension, d.Effective)] = byDimension.GetValueOrDefault((d.Dimension, d.Effective)) + 1;
        var attention = healthy.Where(p => p.Health!.Overall is HealthRag.Red or HealthRag.Amber)
            .OrderByDescending(p => p.Health!.Overall).ThenBy(p => p.Project.Name, StringComparer.OrdinalIgnoreCase).Take(AttentionShown).ToList();

        var phases = ProjectPhases.Order.Where(ph => view.Projects.Any(p => p.Project.Phase == ph)).ToList();
        var methods = view.Projects.Select(p => p.Project.MethodologyId).Distinct().Order(StringComparer.Ordinal).ToList();
        var matrix = view.Projects.GroupBy(p => (p.Project.Phase, p.Project.MethodologyId)).ToDictionary(g => g.Key, g => g.Count());

        var healthChart = JsonSerializer.Serialize(new
        {
            type = "bar", horizontal = true, stacked = true, labels = HealthCalculator.Dimensions.Select(d => d.ToString()).Prepend("Overall").ToArray(),
            datasets = rags.Select(r => new
            {
                label = r.Label(),
                color = r switch { HealthRag.Red => "#b02a37", HealthRag.Amber => "#ffc107", HealthRag.Green => "#1e6b34", _ => "#ced4da" },
                data = HealthCalculator.Dimensions.Select(d => byDimension.GetValueOrDefault((d, r))).Prepend(overall[r]).ToArray(),
            }),
        });
        var palette = new[] { "#0b5394", "#a04f00", "#6f42c1", "#0f6674", "#495057" };
        var phaseChart = JsonSerializer.Serialize(new
        {
            type = "bar", stacked = true, labels = phases,
            datasets = methods.Select((m, i) => new
            {
                label = view.MethodologyName(m), color = palette[i % palette.Length],
                data = phases.Select(ph => matrix.GetValueOrDefault((ph, m))).ToArray(),
            }),
        });
        return new DashboardFigures(kpis, rags, overall, byDimension, attention, phases, methods, matrix, healthChart, phaseChart);
    }
}
