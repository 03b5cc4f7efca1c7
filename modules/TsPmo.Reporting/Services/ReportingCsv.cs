using System.Globalization;
using System.Text;
using TsPmo.Reporting.Domain;
using TsPmo.Reporting.Engine;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Health;
using TsPmo.Sdk.Text;

namespace TsPmo.Reporting.Services;

/// <summary>CSV exports (RFC 4180, UTF-8 with BOM for spreadsheets; every text cell through <see cref="CsvCell.Escape"/>).</summary>
public static class ReportingCsv
{
    public static byte[] Portfolio(PortfolioView view)
    {
        var csv = new StringBuilder();
        var header = new List<string> { "Code", "Name", "Phase", "Methodology", "Start", "Target", "Closed on", "Overall health" };
        header.AddRange(HealthCalculator.Dimensions.Select(d => d + " health"));
        header.AddRange(["Health override", "Percent complete", "Remaining work", "Work unit", "Forecast finish", "Schedule variance (days)",
            "Budget", "Actual cost", "Cost variance", "Currency", "Defects open", "Defects total", "Customer satisfaction"]);
        csv.AppendLine(string.Join(",", header.Select(CsvCell.Escape)));
        foreach (var r in view.Projects)
        {
            var p = r.Project;
            var cells = new List<string?> { p.Code, p.Name, p.Phase, view.MethodologyName(p.MethodologyId), Day(p.StartDate), Day(p.TargetDate), Day(p.ClosedOn),
                r.Health?.Overall.Label() };
            cells.AddRange(HealthCalculator.Dimensions.Select(d => r.Health?[d].Effective.Label()));
            cells.Add(r.Health is { } h && h.ActiveOverrides.Any()
                ? string.Join("; ", h.ActiveOverrides.Select(o => $"{o.Scope} {o.Rag} by {o.CreatedBy} until {o.ExpiresOn:yyyy-MM-dd}: {o.Comment}")) : "");
            cells.AddRange([Num(r.Progress?.PercentComplete), Num(r.Progress?.RemainingWork), r.Progress?.WorkUnit, Day(r.Progress?.ForecastFinish),
                Num(r.ScheduleVarianceDays), Money(p.BudgetMinor), Money(r.Progress?.ActualCostMinor), Money(r.CostVarianceMinor), p.Currency,
                Num(r.Progress?.DefectsOpen), Num(r.Progress?.DefectsTotal), Num(r.Satisfaction)]);
            csv.AppendLine(string.Join(",", cells.Select(CsvCell.Escape)));
        }
        return Encode(csv);
    }

    public static async Task<byte[]> SeriesAsync(string? metric, PortfolioService portfolio, SnapshotService snapshots, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(metric)) throw new DomainValidationException("metric", "Give the metric: ?metric=….");
        var known = await snapshots.MetricsAsync(ct);
        if (!known.Contains(metric)) throw new DomainValidationException("metric", $"\"{metric}\" is not a metric any snapshot recorded. Known: {string.Join(", ", known)}.");
        var view = await portfolio.GetAsync(ct);
        var csv = new StringBuilder();
        csv.AppendLine("Code,Name,Metric,Taken on,Value,Unit");
        foreach (var (projectId, takenOn, value, unit) in await snapshots.AllValuesAsync(metric, ct))
        {
            var p = view.Find(projectId)?.Project;
            csv.AppendLine(string.Join(",", new[] { p?.Code ?? projectId.ToString(CultureInfo.InvariantCulture), p?.Name ?? "(archived)", metric, Day(takenOn), Num(value), unit }
                .Select(CsvCell.Escape)));
        }
        return Encode(csv);
    }

    private static byte[] Encode(StringBuilder csv) => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();

    private static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Num(decimal? n) => n?.ToString(CultureInfo.InvariantCulture);

    private static string? Num(int? n) => n?.ToString(CultureInfo.InvariantCulture);

    private static string? Money(long? minor) => minor is { } m ? (m / 100m).ToString("0.00", CultureInfo.InvariantCulture) : null;
}
