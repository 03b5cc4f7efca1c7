using System.Globalization;
using System.Text;
using TsPmo.Reporting.Domain;
using TsPmo.Sdk.Text;

namespace TsPmo.Reporting.Engine;

/// <summary>
/// Assembles a status report's Markdown: title, the manager's summary, health per dimension (with any override and
/// its comment), core facts and progress, then each enabled module's section in order. Pure, so the layout is tested.
/// </summary>
public static class StatusReportComposer
{
    public static string Compose(ProjectRow row, string methodologyName, int version, string summary, IReadOnlyList<SectionResult> sections,
        DateTimeOffset generatedAt, string generatedBy, TimeZoneInfo zone)
    {
        var p = row.Project;
        var local = TimeZoneInfo.ConvertTime(generatedAt, zone);
        var md = new StringBuilder();
        md.AppendLine($"# Status report: {Inline(p.Name)} ({Inline(p.Code)})").AppendLine();
        md.AppendLine($"Version {version} · generated {local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} by {Inline(generatedBy)}").AppendLine();

        md.AppendLine("## Summary").AppendLine();
        md.AppendLine(string.IsNullOrWhiteSpace(summary) ? "_No summary from the project manager for this report._" : summary.Trim()).AppendLine();

        md.AppendLine("## Health").AppendLine();
        if (row.Health is { } h)
        {
            md.AppendLine($"**Overall: {h.Overall.Label()}**{OverrideNote(h.OverallOverride, h.ComputedOverall)}").AppendLine();
            md.AppendLine("| Dimension | RAG | Why |").AppendLine("|---|---|---|");
            foreach (var d in h.Dimensions)
            {
                var why = d.Override is { } o ? $"Override by {o.CreatedBy} until {o.ExpiresOn:yyyy-MM-dd} (computed {d.Computed.Label()}): {o.Comment}"
                    : string.Join("; ", h.Signals.Where(s => s.Dimension == d.Dimension).Select(s => $"{s.Name}: {s.Rag} ({s.Value})"));
                md.AppendLine($"| {d.Dimension} | {d.Effective.Label()} | {Cell(why.Length == 0 ? "No signal from any enabled module" : why)} |");
            }
            md.AppendLine();
        }
        else
        {
            md.AppendLine($"The project is {p.Phase}: health is no longer tracked.").AppendLine();
        }

        md.AppendLine("## Project facts").AppendLine();
        md.AppendLine($"- Phase: {p.Phase}");
        md.AppendLine($"- Methodology: {Inline(methodologyName)}");
        md.AppendLine($"- Start: {Day(p.StartDate)} · target: {Day(p.TargetDate)}");
        if (p.BudgetMinor is { } budget) md.AppendLine($"- Budget: {CoreSignals.Money(budget)} {p.Currency}");
        if (row.Progress is { } pr)
        {
            md.AppendLine($"- Progress: {pr.PercentComplete:0.#} % complete, {pr.RemainingWork:0.#} {pr.WorkUnit} remaining");
            md.AppendLine($"- Forecast finish: {Day(pr.ForecastFinish)}{(row.ScheduleVarianceDays is { } v ? $" ({(v > 0 ? v + " day(s) late" : -v + " day(s) early")})" : "")}");
            if (pr.ActualCostMinor is { } actual) md.AppendLine($"- Actual cost: {CoreSignals.Money(actual)} {p.Currency}");
            if (pr.DefectsTotal is { } total) md.AppendLine($"- Defects: {pr.DefectsOpen ?? 0} open of {total}");
        }
        else
        {
            md.AppendLine("- Progress: not reported by the methodology");
        }
        md.AppendLine();

        foreach (var s in sections)
        {
            if (s.Error is null && string.IsNullOrWhiteSpace(s.Markdown)) continue;
            md.AppendLine($"## {Inline(s.Title)}").AppendLine();
            md.AppendLine(s.Error is null ? s.Markdown!.Trim() : $"> ⚠ This section could not be generated (module {s.Module}): {Inline(s.Error)}").AppendLine();
        }
        return md.ToString();
    }

    private static string OverrideNote(HealthOverride? o, HealthRag computed) => o is null ? ""
        : $" (override by {Inline(o.CreatedBy)} on {o.CreatedAt:yyyy-MM-dd}, until {o.ExpiresOn:yyyy-MM-dd}; computed {computed.Label()}: {Inline(o.Comment)})";

    private static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "not set";

    // Every user value (names, comments, an exception's message) reads as the same words and nothing more: no
    // line break that ends a row or heading early, no link, no emphasis, no pipe that splits a table cell.
    private static string Inline(string? text) => MarkdownText.Escape(text);

    private static string Cell(string text) => MarkdownText.Escape(text);
}
