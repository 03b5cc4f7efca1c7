using System.Globalization;
using System.Text;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Reporting;
using TsPmo.Sdk.Text;
using TsPmo.Scrum.Domain;
using TsPmo.Scrum.Services;

namespace TsPmo.Scrum.Contributions;

/// <summary>The Scrum part of a status report: the current sprint's goal, a burndown summary, what is done and what remains.</summary>
public sealed class SprintStatusSection(SprintService sprints, IProjectDirectory projects) : IStatusReportSection
{
    private const int MaxListed = 15;

    public string Title => "Sprint (Scrum)";
    public int Order => 20;

    public async Task<string?> RenderMarkdownAsync(long projectId, CancellationToken ct = default)
    {
        if ((await projects.FindAsync(projectId, ct))?.MethodologyId != ScrumModule.Id) return null;
        var all = await sprints.ListAsync(projectId, ct);
        var sprint = all.FirstOrDefault(s => s.State == SprintState.Active) ?? all.LastOrDefault(s => s.State == SprintState.Completed);
        var md = new StringBuilder();
        var velocity = await sprints.VelocityAsync(projectId, ct);
        if (sprint is null)
        {
            md.AppendLine("No sprint has started yet.");
        }
        else
        {
            var burndown = await sprints.BurndownAsync(projectId, sprint.Id, ct);
            var items = await sprints.ItemsAsync(projectId, sprint.Id, ct);
            md.AppendLine(F($"**{MarkdownText.Escape(sprint.Name)}** ({sprint.State.ToString().ToLowerInvariant()}, {sprint.Start:yyyy-MM-dd} to {sprint.End:yyyy-MM-dd})"));
            md.AppendLine();
            md.AppendLine(string.IsNullOrWhiteSpace(sprint.Goal) ? "- Goal: none set." : $"- Goal: {MarkdownText.Escape(sprint.Goal)}");
            if (burndown.Latest is { RemainingPoints: { } remaining } latest)
            {
                var day = burndown.Days.ToList().IndexOf(latest) + 1;
                md.AppendLine(F($"- Burndown, day {day} of {burndown.Days.Count}: **{remaining:0.#}** of {latest.ScopePoints:0.#} points remain (ideal {latest.IdealPoints:0.#}; committed {burndown.CommittedPoints:0.#}, scope change {latest.ScopePoints - burndown.CommittedPoints:+0.#;-0.#;0})."));
            }
            var done = items.Where(i => i.Status == ItemStatus.Done).ToList();
            var open = items.Where(i => i.Status != ItemStatus.Done).ToList();
            md.AppendLine(F($"- Done: {done.Count} item(s), {done.Sum(i => i.Points):0.#} points. Remaining: {open.Count} item(s), {open.Sum(i => i.Points):0.#} points."));
            AppendList(md, "Done", done);
            AppendList(md, "Remaining", open);
        }
        if (velocity.AverageLast3 is { } average) md.AppendLine().AppendLine(F($"- Average velocity (last 3 sprints): **{average:0.#}** points."));
        var f = velocity.Forecast;
        md.AppendLine(f.Date85 is { } d85
            ? F($"- Release forecast: {f.RemainingPoints:0.#} points remain: {f.Sprints85} sprint(s), done by **{d85:yyyy-MM-dd}** with 85 % confidence (50 %: {f.Date50:yyyy-MM-dd}, 95 %: {f.Date95:yyyy-MM-dd}).")
            : $"- Release forecast: {f.Note}");
        return md.ToString();
    }

    private static void AppendList(StringBuilder md, string title, IReadOnlyList<BacklogItem> items)
    {
        if (items.Count == 0) return;
        md.AppendLine().AppendLine($"{title}:").AppendLine();
        foreach (var item in items.Take(MaxListed)) md.AppendLine(F($"- {MarkdownText.Escape(item.Title)} ({item.Points:0.#} pts, {ItemStatuses.Label(item.Status)})"));
        if (items.Count > MaxListed) md.AppendLine($"- … and {items.Count - MaxListed} more");
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
