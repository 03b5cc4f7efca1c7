using System.Text;
using TsPmo.Risk.Domain;
using TsPmo.Risk.Services;
using TsPmo.Sdk.Ports.Reporting;
using TsPmo.Sdk.Text;
using TsPmo.Sdk.Time;

namespace TsPmo.Risk.Contributions;

/// <summary>The risk part of a status report: top risks, what is new and closed in the last two weeks, overdue actions.</summary>
public sealed class RiskStatusSection(RiskService risks, EarlyWarningService warnings, IOrganizationClock clock) : IStatusReportSection
{
    public string Title => "Risks";
    public int Order => 40;

    public async Task<string?> RenderMarkdownAsync(long projectId, CancellationToken ct = default)
    {
        var all = await risks.ListAsync(projectId, ct);
        if (all.Count == 0) return null;
        var since = clock.UtcNow.AddDays(-14);
        var md = new StringBuilder();
        var top = all.Where(r => r.IsLive).OrderByDescending(r => r.ResidualScore).Take(5).ToList();
        if (top.Count > 0)
        {
            md.AppendLine("| Risk | Category | Score | Residual | Owner |").AppendLine("|---|---|---|---|---|");
            foreach (var r in top)
                md.AppendLine($"| {MarkdownText.Escape(r.Title)} | {r.Category} | {r.Score} ({r.Level}) | {r.ResidualScore} ({r.ResidualLevel}) | {MarkdownText.Escape(r.OwnerName ?? "—")} |");
            md.AppendLine();
        }
        var created = all.Where(r => r.CreatedAt >= since).ToList();
        var closed = all.Where(r => r.Status == RiskStatus.Closed && r.UpdatedAt >= since).ToList();
        md.AppendLine($"- New in the last 14 days: {(created.Count == 0 ? "none" : MarkdownText.List(created.Select(r => r.Title)))}.");
        md.AppendLine($"- Closed in the last 14 days: {(closed.Count == 0 ? "none" : MarkdownText.List(closed.Select(r => r.Title)))}.");
        var overdue = (await warnings.GetAsync(projectId, ct)).Where(w => w.Kind == WarningKind.OverdueAction).ToList();
        md.AppendLine($"- Overdue mitigation actions: {(overdue.Count == 0 ? "none" : MarkdownText.List(overdue.Select(w => w.Message), " "))}");
        return md.ToString();
    }
}
