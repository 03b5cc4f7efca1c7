using System.Text;
using TsPmo.Sdk.Text;
using TsPmo.Sdk.Time;

namespace TsPmo.Reporting.Services;

/// <summary>One document with every active project's latest status report, in portfolio order (worst health first).</summary>
public static class PortfolioPack
{
    public static async Task<string> MarkdownAsync(StatusReportService reports, PortfolioService portfolio, IOrganizationClock clock, CancellationToken ct)
    {
        var view = await portfolio.GetAsync(ct);
        var latest = (await reports.LatestPerProjectAsync(ct)).ToDictionary(r => r.ProjectId);
        var active = view.Active.OrderByDescending(r => r.Health?.Overall).ThenBy(r => r.Project.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var md = new StringBuilder();
        md.AppendLine($"# Portfolio status pack, {clock.Today:yyyy-MM-dd}").AppendLine();
        var missing = active.Where(r => !latest.ContainsKey(r.Id)).ToList();
        md.AppendLine($"{active.Count - missing.Count} of {active.Count} active project(s) have a status report.").AppendLine();
        if (missing.Count > 0)
            md.AppendLine("Without a report yet: " + string.Join(", ", missing.Select(r => MarkdownText.Escape($"{r.Project.Name} ({r.Project.Code})"))) + ".").AppendLine();
        foreach (var row in active.Where(r => latest.ContainsKey(r.Id)))
        {
            md.AppendLine("---").AppendLine();
            // Each report's own headings move down one level so the pack keeps one title.
            foreach (var line in latest[row.Id].Markdown.Split('\n'))
                md.AppendLine(line.StartsWith('#') ? "#" + line.TrimEnd('\r') : line.TrimEnd('\r'));
        }
        return md.ToString();
    }
}
