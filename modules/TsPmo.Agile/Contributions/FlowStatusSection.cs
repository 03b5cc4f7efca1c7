using System.Text;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Reporting;
using TsPmo.Sdk.Text;
using TsPmo.Agile.Services;

namespace TsPmo.Agile.Contributions;

/// <summary>The Kanban part of a status report: work in progress by column, throughput, cycle time, forecast.</summary>
public sealed class FlowStatusSection(BoardService board, FlowService flow, IProjectDirectory projects) : IStatusReportSection
{
    public string Title => "Flow (Kanban)";
    public int Order => 20;

    public async Task<string?> RenderMarkdownAsync(long projectId, CancellationToken ct = default)
    {
        if ((await projects.FindAsync(projectId, ct))?.MethodologyId != AgileModule.Id) return null;
        var view = await board.GetAsync(projectId, ct);
        var metrics = await flow.MetricsAsync(projectId, ct: ct);
        var (forecast, remaining, _) = await flow.WhenAsync(projectId, null, ct);
        var md = new StringBuilder();
        md.AppendLine("| Column | Cards | WIP limit |").AppendLine("|---|---|---|");
        foreach (var column in view.Columns)
            md.AppendLine($"| {MarkdownText.Escape(column.Name)} | {view.CountIn(column.Id)} | {column.WipLimit?.ToString() ?? "—"} |");
        var last4 = metrics.Throughput.TakeLast(4).Sum(w => w.Count);
        md.AppendLine().AppendLine($"- Finished in the last 4 weeks: **{last4}** cards.");
        if (metrics.CycleTime.P85 is { } p85) md.AppendLine($"- Cycle time: 85 % of cards finish within **{p85:0.#} days** (median {metrics.CycleTime.P50:0.#}).");
        md.AppendLine(forecast is null
            ? $"- {remaining} card(s) remain; not enough history for a forecast."
            : $"- {remaining} card(s) remain: done by **{forecast.P85:yyyy-MM-dd}** with 85 % confidence (50 %: {forecast.P50:yyyy-MM-dd}, 95 %: {forecast.P95:yyyy-MM-dd}).");
        var blocked = view.Cards.Count(c => c.Blocked);
        if (blocked > 0) md.AppendLine($"- {blocked} card(s) blocked: " + string.Join("; ", view.Cards.Where(c => c.Blocked).Select(c => MarkdownText.Escape($"{c.Title} ({c.BlockedReason})"))) + ".");
        return md.ToString();
    }
}
