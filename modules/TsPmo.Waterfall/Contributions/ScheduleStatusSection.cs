using System.Text;
using TsPmo.Sdk.Data;
using TsPmo.Sdk.Ports.Directory;
using TsPmo.Sdk.Ports.Reporting;
using TsPmo.Sdk.Time;
using TsPmo.Sdk.Text;

using TsPmo.Waterfall.Services;

namespace TsPmo.Waterfall.Contributions;

/// <summary>The schedule part of a status report: dates, milestones against the baseline, the critical path and earned value.</summary>
public sealed class ScheduleStatusSection(PlanService plan, BaselineService baselines, EarnedValueService evm, IProjectDirectory projects, IOrganizationClock clock)
    : IStatusReportSection
{
    public string Title => "Schedule (Waterfall)";
    public int Order => 20;

    public async Task<string?> RenderMarkdownAsync(long projectId, CancellationToken ct = default)
    {
        if ((await projects.FindAsync(projectId, ct))?.MethodologyId != WaterfallModule.Id) return null;
        var reader = await plan.ReadAsync(projectId, ct);
        if (reader.State.Tasks.Count == 0) return "No schedule yet.";
        var schedule = reader.Schedule();
        var md = new StringBuilder();
        md.AppendLine($"Scheduled from **{schedule.Start:yyyy-MM-dd}** to **{schedule.Finish:yyyy-MM-dd}**, {reader.State.Tasks.Count} tasks.").AppendLine();

        var baseline = await baselines.ResolveAsync(projectId, null, ct);
        var variance = baseline is null ? null : await baselines.VarianceAsync(projectId, baseline.Id, ct);
        var milestones = reader.State.Tasks.Where(t => t.Milestone).ToList();
        if (milestones.Count > 0)
        {
            md.AppendLine("| Milestone | Date | Baseline | Status |").AppendLine("|---|---|---|---|");
            foreach (var m in milestones)
            {
                var v = variance?.Tasks.FirstOrDefault(x => x.TaskId == m.Id);
                var day = reader.FinishDay(m, m.EarlyFinish);
                var status = m.PercentComplete >= 100 ? "done" : day < clock.Today ? "**missed**" : "open";
                md.AppendLine($"| {MarkdownText.Escape(m.Name)} | {day:yyyy-MM-dd} | {v?.BaselineFinish?.ToString("yyyy-MM-dd") ?? "—"} | {status} |");
            }
            md.AppendLine();
        }
        var critical = schedule.CriticalPath.Select(id => reader.State.Find(id)!).ToList();
        md.AppendLine($"Critical path ({critical.Count} tasks): " + string.Join(" → ", critical.Take(12).Select(t => MarkdownText.Escape(t.Name))) + (critical.Count > 12 ? " → …" : "") + ".").AppendLine();

        if (baseline is not null)
        {
            try
            {
                var f = (await evm.ComputeAsync(projectId, clock.Today, baseline.Id, ct)).Reading.Figures;
                md.AppendLine($"Earned value at {f.StatusDate:yyyy-MM-dd} against \"{MarkdownText.Escape(baseline.Name)}\":").AppendLine();
                md.AppendLine("| BAC | PV | EV | AC | SV | CV | SPI | CPI | EAC | VAC |").AppendLine("|---|---|---|---|---|---|---|---|---|---|");
                md.AppendLine($"| {f.Bac:N0} | {f.Pv:N0} | {f.Ev:N0} | {f.Ac:N0} | {f.Sv:N0} | {f.Cv:N0} | {f.Spi?.ToString("0.00") ?? "—"} | {f.Cpi?.ToString("0.00") ?? "—"} | {f.Eac?.ToString("N0") ?? "—"} | {f.Vac?.ToString("N0") ?? "—"} |");
            }
            catch (RuleViolationException) { }
        }
        else md.AppendLine("No baseline saved yet, so no earned value.");
        return md.ToString();
    }
}
